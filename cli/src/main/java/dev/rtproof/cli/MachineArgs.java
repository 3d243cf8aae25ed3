package dev.rtproof.cli;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Layout;
import dev.rtproof.emulator.Machine;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The initial state {@code rtproof run} takes on its command line: {@code REG=VALUE} (a general-purpose
 * register, or FS/GS for the segment bases) and {@code SYM[+OFF][/WIDTH]=VALUE} for memory. A value is a
 * number (decimal, {@code 0x} hexadecimal, negative) or a symbol with an optional offset, which stands
 * for its address.
 */
final class MachineArgs {
  private static final Pattern LOCATION = Pattern.compile("([^+\\-/=]+)([+-](?:0x[0-9a-fA-F]+|\\d+))?(?:/(1|2|4|8))?");

  private final Layout layout;
  private final CommandLine cl;

  MachineArgs(Layout layout, CommandLine cl) {
    this.layout = layout;
    this.cl = cl;
  }

  /** Applies {@code --set REG=VALUE}. */
  void set(Machine m, String arg) {
    String[] kv = split(arg, "--set REG=VALUE");
    String name = kv[0].trim().toUpperCase(Locale.ROOT);
    long value = value(kv[1], arg);
    switch (name) {
      case "FS" -> m.fsBase = value;
      case "GS" -> m.gsBase = value;
      default -> {
        Reg r = Reg.byName(name);
        if (r == null || !r.isGpr()) {
          throw bad("--set " + arg + ": " + kv[0] + " is not a register (AX … R15, SP, BP, FS, GS)");
        }
        m.set(r, value);
      }
    }
  }

  /** Applies {@code --mem SYM+OFF[/WIDTH]=VALUE} (8 bytes unless a width is given). */
  void store(Machine m, String arg) {
    String[] kv = split(arg, "--mem SYM+OFF=VALUE");
    Matcher l = LOCATION.matcher(kv[0].trim());
    if (!l.matches()) {
      throw bad("--mem " + arg + ": expected SYM, SYM+OFF or SYM+OFF/WIDTH before '='");
    }
    long address = symbol(l.group(1), arg) + (l.group(2) == null ? 0 : number(l.group(2), arg));
    int width = l.group(3) == null ? 8 : Integer.parseInt(l.group(3));
    if (m.memory.find(address, width) == null) {
      throw bad("--mem " + arg + ": " + width + " bytes at " + kv[0] + " are outside " + l.group(1));
    }
    m.store(address, width, value(kv[1], arg));
  }

  private String[] split(String arg, String form) {
    int eq = arg.indexOf('=');
    if (eq <= 0 || eq == arg.length() - 1) {
      throw bad("expected " + form + ", got '" + arg + "'");
    }
    return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
  }

  /** A number, or a symbol's address plus an offset. */
  long value(String text, String arg) {
    String t = text.trim();
    if (t.matches("-?(0x[0-9a-fA-F]+|\\d+)")) {
      return number(t, arg);
    }
    Matcher l = LOCATION.matcher(t);
    if (!l.matches() || l.group(3) != null) {
      throw bad(arg + ": '" + text + "' is neither a number nor SYM[+OFF]");
    }
    return symbol(l.group(1), arg) + (l.group(2) == null ? 0 : number(l.group(2), arg));
  }

  private long symbol(String name, String arg) {
    String s = name.trim().replace('.', '·');
    if (!layout.textSymbols().containsKey(s) && !layout.dataSymbols().containsKey(s)) {
      throw bad(arg + ": no symbol " + name + " in the program (symbols: " + String.join(", ",
          layout.dataSymbols().keySet()) + ")");
    }
    return layout.address(s);
  }

  private long number(String t, String arg) {
    boolean negative = t.startsWith("-");
    String u = t.startsWith("+") || negative ? t.substring(1) : t;
    try {
      long v = u.startsWith("0x") ? Long.parseUnsignedLong(u.substring(2), 16) : Long.parseUnsignedLong(u);
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      throw bad(arg + ": '" + t + "' is not a 64-bit number");
    }
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(cl, message);
  }
}
