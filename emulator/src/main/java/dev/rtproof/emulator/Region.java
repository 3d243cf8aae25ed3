package dev.rtproof.emulator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A named, byte-precise mapped range of memory: the stack, a symbol, a user region. Backed by 4 KiB
 * pages allocated on first write, so a large stack costs only what is touched. A guard region is
 * reserved address space that no access may touch (the page below the stack).
 */
public final class Region {
  static final int PAGE_BITS = 12;
  public static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE_SIZE - 1;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private final String name;
  private final long start;
  private final long size;
  private final boolean guard;
  private final byte[][] pages;

  Region(String name, long start, long size, boolean guard) {
    if (size <= 0 || start + size < start) {
      throw new IllegalArgumentException("bad region " + name + " at " + Trap.hex(start) + " size " + size);
    }
    this.name = name;
    this.start = start;
    this.size = size;
    this.guard = guard;
    this.pages = guard ? new byte[0][] : new byte[(int) ((size + PAGE_SIZE - 1) >>> PAGE_BITS)][];
  }

  public String name() {
    return name;
  }

  public long start() {
    return start;
  }

  public long size() {
    return size;
  }

  public long end() {
    return start + size;
  }

  /** True for reserved address space that faults on every access. */
  public boolean isGuard() {
    return guard;
  }

  /** True when {@code [address, address + bytes)} lies inside this region. */
  public boolean contains(long address, int bytes) {
    long off = address - start;
    return off >= 0 && off <= size - bytes && Long.compareUnsigned(address, start) >= 0;
  }

  /** Reads {@code bytes} (1, 2, 4 or 8) little-endian at {@code address}, which must be inside. */
  long read(long address, int bytes) {
    long off = address - start;
    int in = (int) (off & PAGE_MASK);
    byte[] page = pages[(int) (off >>> PAGE_BITS)];
    if (in + bytes <= PAGE_SIZE) {
      if (page == null) {
        return 0;
      }
      return switch (bytes) {
        case 8 -> (long) LONG.get(page, in);
        case 4 -> (int) INT.get(page, in) & 0xffffffffL;
        case 2 -> (short) SHORT.get(page, in) & 0xffffL;
        default -> page[in] & 0xffL;
      };
    }
    long v = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      v = (v << 8) | readByte(address + i);
    }
    return v;
  }

  /** Writes the low {@code bytes} of {@code value} little-endian at {@code address}, which must be inside. */
  void write(long address, int bytes, long value) {
    long off = address - start;
    int in = (int) (off & PAGE_MASK);
    if (in + bytes <= PAGE_SIZE) {
      byte[] page = page((int) (off >>> PAGE_BITS));
      switch (bytes) {
        case 8 -> LONG.set(page, in, value);
        case 4 -> INT.set(page, in, (int) value);
        case 2 -> SHORT.set(page, in, (short) value);
        default -> page[in] = (byte) value;
      }
      return;
    }
    for (int i = 0; i < bytes; i++) {
      writeByte(address + i, (int) (value >>> (8 * i)));
    }
  }

  int readByte(long address) {
    long off = address - start;
    byte[] page = pages[(int) (off >>> PAGE_BITS)];
    return page == null ? 0 : page[(int) (off & PAGE_MASK)] & 0xff;
  }

  void writeByte(long address, int value) {
    long off = address - start;
    page((int) (off >>> PAGE_BITS))[(int) (off & PAGE_MASK)] = (byte) value;
  }

  private byte[] page(int p) {
    byte[] page = pages[p];
    if (page == null) {
      page = pages[p] = new byte[PAGE_SIZE];
    }
    return page;
  }

  /** True when both regions hold the same bytes (a page never written equals a page of zeros). */
  boolean sameContent(Region other) {
    if (pages.length != other.pages.length) {
      return false;
    }
    byte[] zero = new byte[PAGE_SIZE];
    for (int p = 0; p < pages.length; p++) {
      byte[] a = pages[p] == null ? zero : pages[p];
      byte[] b = other.pages[p] == null ? zero : other.pages[p];
      if (!Arrays.equals(a, b)) {
        return false;
      }
    }
    return true;
  }

  /** A copy of {@code length} bytes from {@code address}, which must be inside. */
  public byte[] bytes(long address, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) readByte(address + i);
    }
    return out;
  }

  @Override
  public String toString() {
    return name + " [" + Trap.hex(start) + ", " + Trap.hex(end()) + ")";
  }
}
