package dev.rtproof.examples.bootstrap;

import dev.rtproof.emulator.Emulator;

/** A bump allocator over a mapped region: what the models get from the runtime's allocator. */
final class Heap {
  /** Where Go 1.19 puts its first heap arena on linux/amd64. */
  static final long BASE = 0xc000000000L;
  static final long SIZE = 1L << 20;

  private long next = BASE;

  /** Maps the heap into {@code e}. */
  static Heap in(Emulator e) {
    e.region("heap", BASE, SIZE);
    return new Heap();
  }

  /** {@code bytes} of zeroed memory aligned to {@code align}. */
  long allocate(long bytes, long align) {
    long at = (next + align - 1) & -align;
    if (at + bytes > BASE + SIZE) {
      throw new IllegalStateException("the bootstrap heap (" + SIZE + " bytes) is full");
    }
    next = at + bytes;
    return at;
  }
}
