package dev.rtproof.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Little-endian memory made of named regions; unaligned accesses are allowed; an access outside every
 * region faults (byte-precise: reading past the end of {@code runtime·g0} faults even where hardware would
 * read the next variable, so an overflow out of a symbol is caught).
 */
public final class Memory {
  private final List<Region> regions = new ArrayList<>();
  private Region last;

  /** Maps a new region; regions must not overlap. */
  public Region map(String name, long start, long size) {
    Region r = new Region(name, start, size);
    for (Region o : regions) {
      if (start < o.end() && o.start() < r.end()) {
        throw new IllegalArgumentException(r + " overlaps " + o);
      }
    }
    regions.add(r);
    regions.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
    return r;
  }

  public List<Region> regions() {
    return Collections.unmodifiableList(regions);
  }

  /** The region containing {@code [address, address + bytes)}, or null. */
  public Region find(long address, int bytes) {
    Region r = last;
    if (r != null && r.contains(address, bytes)) {
      return r;
    }
    for (Region c : regions) {
      if (c.contains(address, bytes)) {
        last = c;
        return c;
      }
    }
    return null;
  }

  /** Reads {@code bytes} (1, 2, 4 or 8) at {@code address}, zero-extended. */
  public long read(long address, int bytes) {
    Region r = region(address, bytes, "read");
    long v = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      v = (v << 8) | r.readByte(address + i);
    }
    return v;
  }

  /** Writes the low {@code bytes} (1, 2, 4 or 8) of {@code value} at {@code address}. */
  public void write(long address, int bytes, long value) {
    Region r = region(address, bytes, "write");
    for (int i = 0; i < bytes; i++) {
      r.writeByte(address + i, (int) (value >>> (8 * i)));
    }
  }

  private Region region(long address, int bytes, String access) {
    Region r = find(address, bytes);
    if (r == null) {
      throw new MachineFault(Trap.Kind.FAULT,
          "unmapped " + access + " of " + bytes + " byte" + (bytes == 1 ? "" : "s") + " at " + Trap.hex(address)
              + nearest(address), address);
    }
    return r;
  }

  private String nearest(long address) {
    for (Region r : regions) {
      if (Long.compareUnsigned(address, r.start()) < 0 && r.start() - address <= Region.PAGE_SIZE) {
        return " (just below " + r.name() + ")";
      }
      if (Long.compareUnsigned(address, r.end()) >= 0 && address - r.end() < Region.PAGE_SIZE) {
        return " (just past the end of " + r.name() + ")";
      }
    }
    return "";
  }
}
