package dev.rtproof.examples.bootstrap;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Layout;
import dev.rtproof.emulator.Machine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack Linux hands a new x86-64 process: from SP upwards argc, argv[0..argc-1], NULL, envp…, NULL, the
 * auxiliary vector (type, value) pairs ending with AT_NULL; the strings and AT_RANDOM's 16 bytes above them.
 * SP is 16-byte aligned at entry.
 */
public final class KernelStack {
  static final long AT_NULL = 0;
  static final long AT_PAGESZ = 6;
  static final long AT_RANDOM = 25;

  private KernelStack() {}

  /** Writes the stack into {@code m}'s stack region and points SP at argc; returns SP. */
  public static long build(Machine m, List<String> argv, List<String> envp) {
    long top = Layout.STACK_TOP - 0x100;
    long cursor = top;
    List<Long> argPointers = new ArrayList<>();
    List<Long> envPointers = new ArrayList<>();
    for (String s : argv) {
      cursor = string(m, cursor, s);
      argPointers.add(cursor);
    }
    for (String s : envp) {
      cursor = string(m, cursor, s);
      envPointers.add(cursor);
    }
    cursor -= 16;
    long random = cursor;
    for (int i = 0; i < 16; i++) {
      m.store(random + i, 1, 0x5a ^ (i * 37));
    }
    List<Long> words = new ArrayList<>();
    words.add((long) argv.size());
    words.addAll(argPointers);
    words.add(0L);
    words.addAll(envPointers);
    words.add(0L);
    words.addAll(List.of(AT_PAGESZ, 4096L, AT_RANDOM, random, AT_NULL, 0L));
    long sp = (cursor - 8L * words.size()) & ~15L;
    for (int i = 0; i < words.size(); i++) {
      m.store(sp + 8L * i, 8, words.get(i));
    }
    m.set(Reg.SP, sp);
    return sp;
  }

  private static long string(Machine m, long end, String s) {
    byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
    long at = end - b.length;
    for (int i = 0; i < b.length; i++) {
      m.store(at + i, 1, b[i]);
    }
    return at;
  }
}
