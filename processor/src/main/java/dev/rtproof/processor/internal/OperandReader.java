package dev.rtproof.processor.internal;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Reads operand expressions of a routine body ({@code $(…)}, {@code mem(…)}, {@code AX}, …) into IR operands. */
final class OperandReader {
  static final String AMD64 = "dev.rtproof.dsl.Amd64";
  private static final String REG = "dev.rtproof.dsl.ir.Reg";

  private final NameResolver names;
  private final ConstantFolder folder;
  private final Bindings bindings;

  OperandReader(NameResolver names, ConstantFolder folder, Bindings bindings) {
    this.names = names;
    this.folder = folder;
    this.bindings = bindings;
  }

  Operand operand(ExpressionTree e) throws ReadError {
    if (e instanceof IdentifierTree id && bindings.has(id.getName().toString())) {
      return bindings.operand(id.getName().toString(), e);
    }
    if (e instanceof MethodInvocationTree call) {
      return builder(call);
    }
    if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
      return register(e);
    }
    if (e instanceof LiteralTree lit && lit.getValue() instanceof String) {
      throw new ReadError("bad-operand", "a string is only a jump target (a label); here an operand is needed: " + e, e);
    }
    throw new ReadError("bad-operand", "not an operand: " + e
        + " (registers, $(…), mem(…), sym(…), abs(…), g(…), arg(…), pc(…))", e);
  }

  /** A register named by {@code e}: a constant of {@code Amd64} or of {@code Reg}. */
  Reg register(ExpressionTree e) throws ReadError {
    if (e instanceof IdentifierTree id && bindings.has(id.getName().toString())) {
      Operand o = bindings.operand(id.getName().toString(), e);
      if (o instanceof Reg r) {
        return r;
      }
      throw new ReadError("not-a-register", "macro parameter '" + e + "' is " + o + " here, not a register", e);
    }
    String name;
    VariableElement field;
    if (e instanceof IdentifierTree id) {
      name = id.getName().toString();
      field = names.field(name, e);
    } else if (e instanceof MemberSelectTree ms) {
      name = ms.getIdentifier().toString();
      TypeElement owner = names.type(ms.getExpression());
      field = owner == null ? null : names.fieldOf(owner, name);
    } else {
      throw new ReadError("not-a-register", "expected a register, not " + e, e);
    }
    if (field == null) {
      throw new ReadError("unknown-name", "cannot find '" + e + "'; registers are AX…R15, SP, BP, AL…, TLS"
          + " (import static dev.rtproof.dsl.Amd64.*)", e);
    }
    String owner = ((TypeElement) field.getEnclosingElement()).getQualifiedName().toString();
    Reg r = Reg.byName(name);
    if (r == null || !(owner.equals(AMD64) || owner.equals(REG))) {
      throw new ReadError("not-a-register", "'" + e + "' is " + owner + "." + name
          + ", not a register; write $(" + e + ") for an immediate or mem(" + e + ", …) for memory", e);
    }
    return r;
  }

  private Operand builder(MethodInvocationTree call) throws ReadError {
    String name = BodyReader.dslName(call, names);
    List<? extends ExpressionTree> a = call.getArguments();
    switch (name) {
      case "$":
        if ((a.size() == 1 || a.size() == 2) && isCall(a.get(0), "sym")) {
          Mem sym = symbol((MethodInvocationTree) a.get(0));
          return new SymAddr(sym.name(), sym.disp() + (a.size() == 2 ? folder.integral(a.get(1)) : 0));
        }
        if (a.size() == 1) {
          return new Imm(folder.integral(a.get(0)));
        }
        break;
      case "sym":
        return symbol(call);
      case "mem":
        if (a.size() == 1) {
          return Mem.reg(0, register(a.get(0)));
        }
        if (a.size() == 2) {
          return Mem.reg(folder.integral(a.get(0)), register(a.get(1)));
        }
        if (a.size() == 4) {
          return indexed(a);
        }
        break;
      case "abs":
        if (a.size() == 1) {
          return Mem.absolute(folder.integral(a.get(0)));
        }
        break;
      case "g":
        if (a.size() == 1) {
          return Mem.tls(0, register(a.get(0)));
        }
        break;
      case "arg", "local":
        if (a.size() == 2) {
          String n = folder.string(a.get(0));
          if (!BodyReader.isIdentifier(n)) {
            throw new ReadError("bad-operand", "'" + n + "' is not a name for " + name + "(…)", a.get(0));
          }
          long off = folder.integral(a.get(1));
          return name.equals("arg") ? Mem.fp(n, off) : Mem.local(n, off);
        }
        break;
      case "pc":
        if (a.size() == 1) {
          long n = folder.integral(a.get(0));
          if (n != (int) n) {
            throw new ReadError("pc-out-of-range", "pc(" + n + ") is not an instruction count", a.get(0));
          }
          return new PcRel((int) n);
        }
        break;
      default:
        throw new ReadError("bad-operand", "'" + name + "(…)' is not an operand builder"
            + " ($, sym, mem, abs, g, arg, local, pc)", call);
    }
    throw new ReadError("operand-count", name + "(…) does not take " + a.size() + " argument"
        + (a.size() == 1 ? "" : "s"), call);
  }

  /** {@code mem(disp, base, index, scale)}; with index TLS, {@code disp(base)(TLS*1)}. */
  private Mem indexed(List<? extends ExpressionTree> a) throws ReadError {
    long disp = folder.integral(a.get(0));
    Reg base = register(a.get(1));
    Reg index = register(a.get(2));
    long scale = folder.integral(a.get(3));
    if (index == Reg.TLS) {
      if (scale != 1) {
        throw new ReadError("bad-scale", "the TLS index takes scale 1, not " + scale, a.get(3));
      }
      return Mem.tls(disp, base);
    }
    if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
      throw new ReadError("bad-scale", "scale must be 1, 2, 4 or 8, not " + scale, a.get(3));
    }
    return Mem.indexed(disp, base, index, (int) scale);
  }

  private Mem symbol(MethodInvocationTree call) throws ReadError {
    List<? extends ExpressionTree> a = call.getArguments();
    if (a.isEmpty() || a.size() > 2) {
      throw new ReadError("operand-count", "sym(…) takes a name and an optional offset, not " + a.size()
          + " arguments", call);
    }
    String symbol = folder.string(a.get(0));
    if (symbol.isBlank() || symbol.chars().anyMatch(Character::isWhitespace)) {
      throw new ReadError("bad-symbol", "'" + symbol + "' is not a symbol name", a.get(0));
    }
    return Mem.symbol(Names.normalizeSymbol(symbol), a.size() > 1 ? folder.integral(a.get(1)) : 0);
  }

  /** True when {@code e} calls the DSL's {@code name(…)}; any other call is left to the caller to judge. */
  private boolean isCall(ExpressionTree e, String name) {
    if (!(e instanceof MethodInvocationTree c)) {
      return false;
    }
    try {
      return BodyReader.dslName(c, names).equals(name);
    } catch (ReadError notDsl) {
      return false;
    }
  }
}
