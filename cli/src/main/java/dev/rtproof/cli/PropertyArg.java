package dev.rtproof.cli;

import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --property NAME[=ARG]} for Go assembly text: {@code stack-balance}, {@code no-fault},
 * {@code stackguard}, {@code stack-alignment=16} or {@code stack-alignment=16@sym,sym…},
 * {@code unreachable=sym,sym…}, {@code tls-round-trip=runtime·m0}, {@code ensures=EXPRESSION}.
 */
final class PropertyArg implements ITypeConverter<PropertySpec> {
  @Override
  public PropertySpec convert(String value) {
    int eq = value.indexOf('=');
    String name = eq < 0 ? value.trim() : value.substring(0, eq).trim();
    String arg = eq < 0 ? null : value.substring(eq + 1).trim();
    List<String> args = new ArrayList<>();
    switch (name) {
      case PropertySpec.STACK_BALANCE, PropertySpec.NO_FAULT, PropertySpec.STACKGUARD -> noArgument(name, arg);
      case PropertySpec.STACK_ALIGNMENT -> {
        String[] parts = (arg == null ? "16" : arg).split("@", 2);
        try {
          args.add(Long.toString(Long.parseLong(parts[0].trim())));
        } catch (NumberFormatException e) {
          throw new TypeConversionException("stack-alignment=N[@sym,…] needs a number N, not '" + parts[0] + "'");
        }
        if (parts.length > 1) {
          args.addAll(symbols(parts[1]));
        }
      }
      case PropertySpec.UNREACHABLE -> args.addAll(symbols(required(name, arg, "sym,sym…")));
      case PropertySpec.TLS_ROUND_TRIP -> args.add(Names.normalizeSymbol(arg == null ? "runtime·m0" : arg));
      case PropertySpec.ENSURES -> args.add(required(name, arg, "EXPRESSION"));
      default -> throw new TypeConversionException("'" + name + "' is not a property (stack-alignment, stack-balance,"
          + " unreachable, no-fault, tls-round-trip, stackguard, ensures)");
    }
    return new PropertySpec(name, args, SourcePos.NONE);
  }

  private static void noArgument(String name, String arg) {
    if (arg != null) {
      throw new TypeConversionException(name + " takes no argument");
    }
  }

  private static String required(String name, String arg, String form) {
    if (arg == null || arg.isEmpty()) {
      throw new TypeConversionException(name + " needs an argument: " + name + "=" + form);
    }
    return arg;
  }

  private static List<String> symbols(String list) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim().equals("SYSCALL") ? "SYSCALL" : Names.normalizeSymbol(s.trim()));
      }
    }
    return out;
  }
}
