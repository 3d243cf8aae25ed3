package dev.rtproof.emulator;

/**
 * A named, byte-precise mapped range of memory: the stack, a symbol, a user region. Backed by 4 KiB
 * pages allocated on first write, so a large stack costs only what is touched.
 */
public final class Region {
  static final int PAGE_BITS = 12;
  static final int PAGE_SIZE = 1 << PAGE_BITS;

  private final String name;
  private final long start;
  private final long size;
  private final byte[][] pages;

  Region(String name, long start, long size) {
    if (size <= 0 || start + size < start) {
      throw new IllegalArgumentException("bad region " + name + " at " + Trap.hex(start) + " size " + size);
    }
    this.name = name;
    this.start = start;
    this.size = size;
    this.pages = new byte[(int) ((size + PAGE_SIZE - 1) >>> PAGE_BITS)][];
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

  /** True when {@code [address, address + bytes)} lies inside this region. */
  public boolean contains(long address, int bytes) {
    long off = address - start;
    return off >= 0 && off <= size - bytes && Long.compareUnsigned(address, start) >= 0;
  }

  int readByte(long address) {
    long off = address - start;
    byte[] page = pages[(int) (off >>> PAGE_BITS)];
    return page == null ? 0 : page[(int) (off & (PAGE_SIZE - 1))] & 0xff;
  }

  void writeByte(long address, int value) {
    long off = address - start;
    int p = (int) (off >>> PAGE_BITS);
    byte[] page = pages[p];
    if (page == null) {
      page = pages[p] = new byte[PAGE_SIZE];
    }
    page[(int) (off & (PAGE_SIZE - 1))] = (byte) value;
  }

  /** True if any byte of the region was ever written (a page was allocated). */
  boolean touched(long address) {
    return pages[(int) ((address - start) >>> PAGE_BITS)] != null;
  }

  @Override
  public String toString() {
    return name + " [" + Trap.hex(start) + ", " + Trap.hex(end()) + ")";
  }
}
