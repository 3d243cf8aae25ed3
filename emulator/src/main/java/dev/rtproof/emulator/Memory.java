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
  /** What an access does, for fault reports. */
  public enum Access { READ, WRITE }

  /** Told of every store, e.g. to record a trace; {@code old} is the value the store replaced. */
  public interface StoreListener {
    void stored(long address, int bytes, long old, long value);
  }

  private final List<Region> regions = new ArrayList<>();
  private Region last;
  private StoreListener listener;

  /** Maps a new region; regions must not overlap. */
  public Region map(String name, long start, long size) {
    return add(new Region(name, start, size, false));
  }

  /** Reserves {@code [start, start + size)} as a guard: nothing may map it, and every access faults. */
  public Region guard(String name, long start, long size) {
    return add(new Region(name, start, size, true));
  }

  private Region add(Region r) {
    for (Region o : regions) {
      if (Long.compareUnsigned(r.start(), o.end()) < 0 && Long.compareUnsigned(o.start(), r.end()) < 0) {
        throw new IllegalArgumentException(r + " overlaps " + o);
      }
    }
    regions.add(r);
    regions.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
    return r;
  }

  /** Every region, guards included, by address. */
  public List<Region> regions() {
    return Collections.unmodifiableList(regions);
  }

  /** The region named {@code name}, or null. */
  public Region region(String name) {
    for (Region r : regions) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }

  /** The accessible region containing {@code [address, address + bytes)}, or null. */
  public Region find(long address, int bytes) {
    Region r = last;
    if (r != null && r.contains(address, bytes)) {
      return r;
    }
    for (Region c : regions) {
      if (!c.isGuard() && c.contains(address, bytes)) {
        last = c;
        return c;
      }
    }
    return null;
  }

  /** Reads {@code bytes} (1, 2, 4 or 8) at {@code address}, zero-extended. */
  public long read(long address, int bytes) {
    Region r = last;
    if (r == null || !r.contains(address, bytes)) {
      r = region(address, bytes, Access.READ);
    }
    return r.read(address, bytes);
  }

  /** Writes the low {@code bytes} (1, 2, 4 or 8) of {@code value} at {@code address}. */
  public void write(long address, int bytes, long value) {
    Region r = last;
    if (r == null || !r.contains(address, bytes)) {
      r = region(address, bytes, Access.WRITE);
    }
    if (listener != null) {
      listener.stored(address, bytes, r.read(address, bytes), value);
    }
    r.write(address, bytes, value);
  }

  /** Faults unless {@code [address, address + bytes)} is mapped; for instructions that check before they act. */
  public void check(long address, int bytes, Access access) {
    Region r = last;
    if (r == null || !r.contains(address, bytes)) {
      region(address, bytes, access);
    }
  }

  /** Sets the listener told of every store, or none with null. */
  public void listener(StoreListener l) {
    this.listener = l;
  }

  /** True when both memories map the same regions holding the same bytes. */
  public boolean sameContent(Memory other) {
    if (regions.size() != other.regions.size()) {
      return false;
    }
    for (int i = 0; i < regions.size(); i++) {
      Region a = regions.get(i);
      Region b = other.regions.get(i);
      if (!a.name().equals(b.name()) || a.start() != b.start() || a.size() != b.size() || a.isGuard() != b.isGuard()
          || !a.sameContent(b)) {
        return false;
      }
    }
    return true;
  }

  private Region region(long address, int bytes, Access access) {
    Region r = find(address, bytes);
    if (r == null) {
      throw MachineFault.access(access, address, bytes, "unmapped " + access.name().toLowerCase() + " of " + bytes
          + " byte" + (bytes == 1 ? "" : "s") + " at " + Trap.hex(address) + where(address, bytes));
    }
    return r;
  }

  /** Names the region an access hit or just missed, to make a fault message self-explanatory. */
  private String where(long address, int bytes) {
    for (Region r : regions) {
      if (r.isGuard() && Long.compareUnsigned(address, r.end()) < 0
          && Long.compareUnsigned(address + bytes, r.start()) > 0) {
        return " (in the " + r.name() + ": stack overflow)";
      }
    }
    for (Region r : regions) {
      if (r.isGuard()) {
        continue;
      }
      if (Long.compareUnsigned(address, r.start()) < 0 && r.start() - address <= Region.PAGE_SIZE) {
        return " (just below " + r.name() + ")";
      }
      if (Long.compareUnsigned(address, r.start()) >= 0 && Long.compareUnsigned(address, r.end()) < 0) {
        return " (crosses the end of " + r.name() + ")";
      }
      if (Long.compareUnsigned(address, r.end()) >= 0 && address - r.end() < Region.PAGE_SIZE) {
        return " (just past the end of " + r.name() + ")";
      }
    }
    return "";
  }
}
