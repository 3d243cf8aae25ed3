package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.Token.Kind;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GLOBL sym(SB), flags, $size} and {@code DATA sym+off(SB)/width, value} statements, collected into
 * {@link DataSymbol}s ({@code cmd/asm asm.go asmGlobl/asmData}). String and floating-point values become
 * the integers of their bytes, in little-endian pieces of 8, 4, 2 and 1 bytes, so every init is a number.
 */
final class DataCollector {
  private record Global(int flags, long size, SourcePos pos) {}

  private final Map<String, Global> globals = new LinkedHashMap<>();
  private final Map<String, List<DataSymbol.Init>> inits = new LinkedHashMap<>();
  private final Map<String, Long> nextFree = new LinkedHashMap<>();
  private final Map<String, SourcePos> firstData = new LinkedHashMap<>();

  void globl(Statement s) throws AsmException {
    if (s.operands().size() != 2 && s.operands().size() != 3) {
      throw new AsmException(s.word().pos(), "GLOBL takes sym(SB), optional flags and $size");
    }
    String name = symbol(s, 0, false);
    int flags = s.operands().size() == 3 ? (int) Directives.constant(s, 1, "GLOBL flags") : 0;
    List<Token> sizeTokens = s.operands().get(s.operands().size() - 1);
    AsmOperand size = OperandParser.parse(sizeTokens, s.endOf(s.operands().size() - 1), false);
    if (!(size.ir() instanceof Imm imm) || imm.value() < 0) {
      throw new AsmException(sizeTokens.get(0).pos(), "the size of GLOBL " + name + " must be an immediate $n, n ≥ 0");
    }
    if (globals.containsKey(name)) {
      throw new AsmException(s.word().pos(), "GLOBL " + name + " is declared twice (first at line "
          + globals.get(name).pos().line() + ")");
    }
    globals.put(name, new Global(flags, imm.value(), s.word().pos()));
  }

  void data(Statement s) throws AsmException {
    if (s.operands().size() != 2) {
      throw new AsmException(s.word().pos(), "DATA takes sym+off(SB)/width and a value");
    }
    List<Token> target = s.operands().get(0);
    int n = target.size();
    if (n < 3 || !target.get(n - 2).is("/") || target.get(n - 1).kind() != Kind.INT) {
      throw new AsmException(target.get(0).pos(), "DATA needs a width: sym+off(SB)/width");
    }
    long width = Numbers.parseInt(target.get(n - 1));
    AsmOperand where = OperandParser.parse(target.subList(0, n - 2), target.get(n - 2).pos(), false);
    if (!(where.ir() instanceof Mem m) || m.kind() != Mem.Kind.SYMBOL) {
      throw new AsmException(target.get(0).pos(), "DATA writes to a symbol, sym+off(SB)");
    }
    List<Token> valueTokens = s.operands().get(1);
    List<DataSymbol.Init> pieces = value(valueTokens, s.endOf(1), m.disp(), width, target.get(n - 1).pos());
    long free = nextFree.getOrDefault(m.name(), Long.MIN_VALUE);
    if (m.disp() < free) {
      throw new AsmException(target.get(0).pos(), "DATA " + m + "/" + width + " overlaps the DATA before it");
    }
    nextFree.put(m.name(), m.disp() + width);
    firstData.putIfAbsent(m.name(), target.get(0).pos());
    inits.computeIfAbsent(m.name(), k -> new ArrayList<>()).addAll(pieces);
  }

  private static List<DataSymbol.Init> value(List<Token> tokens, SourcePos end, long offset, long width, SourcePos widthPos)
      throws AsmException {
    SourcePos pos = tokens.get(0).pos();
    if (tokens.size() == 2 && tokens.get(0).is("$") && tokens.get(1).kind() == Kind.STRING) {
      byte[] bytes = Numbers.unquote(tokens.get(1));
      if (bytes.length > width) {
        throw new AsmException(pos, "the string has " + bytes.length + " bytes, more than the DATA width " + width);
      }
      return pieces(java.util.Arrays.copyOf(bytes, (int) width), offset, pos);
    }
    if (tokens.size() >= 2 && tokens.get(0).is("$") && (tokens.get(1).kind() == Kind.FLOAT
        || tokens.size() == 3 && tokens.get(1).is("-") && tokens.get(2).kind() == Kind.FLOAT)) {
      return List.of(new DataSymbol.Init(offset, (int) width, new Imm(floatBits(tokens, width, widthPos)), pos));
    }
    AsmOperand v = OperandParser.parse(tokens, end, false);
    if (v.ir() instanceof SymAddr) {
      if (width != 8) {
        throw new AsmException(widthPos, "an address in DATA is 8 bytes wide, not " + width);
      }
    } else if (!(v.ir() instanceof Imm)) {
      throw new AsmException(pos, "a DATA value is $constant, $\"string\", $float or $sym(SB)");
    } else if (width != 1 && width != 2 && width != 4 && width != 8) {
      throw new AsmException(widthPos, "a DATA number is 1, 2, 4 or 8 bytes wide, not " + width);
    }
    return List.of(new DataSymbol.Init(offset, (int) width, v.ir(), pos));
  }

  private static long floatBits(List<Token> tokens, long width, SourcePos widthPos) throws AsmException {
    double d = Double.parseDouble(tokens.get(tokens.size() - 1).text());
    d = tokens.size() == 3 ? -d : d;
    if (width == 8) {
      return Double.doubleToRawLongBits(d);
    }
    if (width == 4) {
      return Float.floatToRawIntBits((float) d) & 0xffffffffL;
    }
    throw new AsmException(widthPos, "a floating-point DATA value is 4 or 8 bytes wide, not " + width);
  }

  /** Bytes as little-endian numbers of 8, 4, 2 and 1 bytes. */
  private static List<DataSymbol.Init> pieces(byte[] bytes, long offset, SourcePos pos) {
    List<DataSymbol.Init> out = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int size = bytes.length - at >= 8 ? 8 : bytes.length - at >= 4 ? 4 : bytes.length - at >= 2 ? 2 : 1;
      long v = 0;
      for (int k = size - 1; k >= 0; k--) {
        v = (v << 8) | (bytes[at + k] & 0xff);
      }
      out.add(new DataSymbol.Init(offset + at, size, new Imm(v), pos));
      at += size;
    }
    return out;
  }

  static String symbol(Statement s, int operand, boolean offsetAllowed) throws AsmException {
    List<Token> tokens = s.operands().get(operand);
    AsmOperand o = OperandParser.parse(tokens, s.endOf(operand), false);
    if (!(o.ir() instanceof Mem m) || m.kind() != Mem.Kind.SYMBOL || (!offsetAllowed && m.disp() != 0)) {
      throw new AsmException(tokens.get(0).pos(), s.word().text() + " names a symbol as sym(SB), found " + o.text());
    }
    return m.name();
  }

  /** The data symbols in GLOBL order; DATA without GLOBL or outside the GLOBL's size is an error. */
  List<DataSymbol> symbols() throws AsmException {
    for (Map.Entry<String, SourcePos> d : firstData.entrySet()) {
      if (!globals.containsKey(d.getKey())) {
        throw new AsmException(d.getValue(), "DATA for " + d.getKey() + ", which no GLOBL declares");
      }
    }
    List<DataSymbol> out = new ArrayList<>();
    for (Map.Entry<String, Global> g : globals.entrySet()) {
      List<DataSymbol.Init> list = inits.getOrDefault(g.getKey(), List.of());
      for (DataSymbol.Init i : list) {
        if (i.offset() < 0 || i.offset() + i.width() > g.getValue().size()) {
          throw new AsmException(i.pos(), "DATA " + AsmPrinter.operand(dev.rtproof.dsl.ir.Mem.symbol(g.getKey(), i.offset()))
              + "/" + i.width()
              + " lies outside the " + g.getValue().size() + " bytes GLOBL declares");
        }
      }
      out.add(new DataSymbol(g.getKey(), g.getValue().flags(), g.getValue().size(), list, g.getValue().pos()));
    }
    return out;
  }
}
