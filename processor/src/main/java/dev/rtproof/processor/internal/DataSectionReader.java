package dev.rtproof.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.DataChecks;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymAddr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Reads a {@code @DataSection} method: {@code GLOBL(sym(…), flags, size)} and
 * {@code DATA(sym(…, off), width, value)} statements, in any order, into {@link DataSymbol}s. Every problem
 * is reported on its statement; a section with problems yields nothing.
 */
final class DataSectionReader {
  /** A section read from source: its symbols and the tree of each (for later diagnostics). */
  record ReadSection(ExecutableElement method, List<DataSymbol> symbols, Map<String, Tree> trees,
      CompilationUnitTree cu) {}

  private final Members members;
  private final Trees trees;
  private final Diagnostics diags;

  DataSectionReader(Members members, Trees trees, Diagnostics diags) {
    this.members = members;
    this.trees = trees;
    this.diags = diags;
  }

  private record Globl(String name, int flags, long size, SourcePos pos, Tree tree) {}

  private record Data(String name, DataSymbol.Init init, Tree tree) {}

  ReadSection read(ExecutableElement method) {
    MethodTree mt = trees.getTree(method);
    CompilationUnitTree cu = trees.getPath(method).getCompilationUnit();
    int errorsBefore = diags.errors();
    Scope s = Scope.of(members, cu, (TypeElement) method.getEnclosingElement(), Bindings.NONE);
    Positions positions = new Positions(cu, s.file(), trees.getSourcePositions());
    if (!method.getModifiers().contains(Modifier.STATIC) || method.getReturnType().getKind() != TypeKind.VOID
        || !method.getParameters().isEmpty()) {
      diags.error("data-signature", "a @DataSection method must be static void and take no parameters", mt, cu);
    }
    Map<String, Globl> globls = new LinkedHashMap<>();
    List<Data> data = new ArrayList<>();
    if (mt.getBody() != null) {
      for (StatementTree st : mt.getBody().getStatements()) {
        try {
          statement(st, s, positions.add(st), globls, data);
        } catch (ReadError e) {
          diags.error(e, cu);
        }
      }
    }
    List<DataSymbol> symbols = new ArrayList<>();
    Map<String, Tree> symbolTrees = new LinkedHashMap<>();
    for (Globl g : globls.values()) {
      List<DataSymbol.Init> inits = data.stream().filter(d -> d.name().equals(g.name())).map(Data::init).toList();
      DataSymbol d = new DataSymbol(g.name(), g.flags(), g.size(), inits, g.pos());
      for (Problem p : DataChecks.check(d)) {
        diags.error(p.id(), p.message(), positions.tree(p.pos(), g.tree()), cu);
      }
      symbols.add(d);
      symbolTrees.put(g.name(), g.tree());
    }
    for (Data d : data) {
      if (!globls.containsKey(d.name())) {
        diags.error("data-without-globl", "DATA for " + d.name() + ", which no GLOBL in this section declares",
            d.tree(), cu);
      }
    }
    return diags.errors() > errorsBefore ? null : new ReadSection(method, symbols, symbolTrees, cu);
  }

  private void statement(StatementTree st, Scope s, SourcePos pos, Map<String, Globl> globls, List<Data> data)
      throws ReadError {
    if (!(st instanceof ExpressionStatementTree es) || !(es.getExpression() instanceof MethodInvocationTree call)) {
      throw new ReadError("not-data", "a @DataSection body holds only GLOBL(…) and DATA(…) statements", st);
    }
    String name = BodyReader.dslName(call, s.names());
    List<? extends ExpressionTree> a = call.getArguments();
    switch (name) {
      case "GLOBL" -> {
        if (a.size() != 2 && a.size() != 3) {
          throw new ReadError("operand-count", "GLOBL takes (sym(…), flags, size) or (sym(…), size)", call);
        }
        String symbol = symbol(a.get(0), s, false).name();
        int flags = a.size() == 3 ? (int) s.folder().integral(a.get(1)) : 0;
        long size = s.folder().integral(a.get(a.size() - 1));
        if (globls.containsKey(symbol)) {
          throw new ReadError("duplicate-globl", "GLOBL " + symbol + " is already declared on line "
              + globls.get(symbol).pos().line(), call);
        }
        globls.put(symbol, new Globl(symbol, flags, size, pos, st));
      }
      case "DATA" -> {
        BodyReader.arity(name, 3, call);
        Mem at = symbol(a.get(0), s, true);
        long width = s.folder().integral(a.get(1));
        if (width < 1 || width > 8) {
          throw new ReadError("data-width", "DATA width must be 1, 2, 4 or 8, not " + width, a.get(1));
        }
        Operand value = value(a.get(2), (int) width, s);
        data.add(new Data(at.name(), new DataSymbol.Init(at.disp(), (int) width, value, pos), st));
      }
      default -> throw new ReadError("not-data", "a @DataSection body holds only GLOBL(…) and DATA(…) statements, not "
          + name + "(…)", call);
    }
  }

  /** {@code sym("name")} or {@code sym("name", off)}; an offset only where {@code offsetAllowed}. */
  private static Mem symbol(ExpressionTree e, Scope s, boolean offsetAllowed) throws ReadError {
    Operand o = s.operands().operand(e);
    if (!(o instanceof Mem m) || m.kind() != Mem.Kind.SYMBOL || m.index() != null) {
      throw new ReadError("bad-operand", "expected sym(\"name\")" + (offsetAllowed ? " or sym(\"name\", offset)" : "")
          + ", not " + e, e);
    }
    if (!offsetAllowed && m.disp() != 0) {
      throw new ReadError("bad-operand", "GLOBL declares the whole symbol; write sym(\"" + m.name() + "\")", e);
    }
    return Mem.symbol(Names.normalizeSymbol(m.name()), m.disp());
  }

  /** {@code $(n)}, {@code $(sym(…))} or a string of at most {@code width} bytes (as little-endian bytes). */
  private static Operand value(ExpressionTree e, int width, Scope s) throws ReadError {
    if (s.folder().isStringExpression(e)) {
      byte[] text = s.folder().string(e).getBytes(StandardCharsets.UTF_8);
      if (text.length > width) {
        throw new ReadError("data-width", "\"" + s.folder().string(e) + "\" is " + text.length + " bytes, more than"
            + " the width " + width, e);
      }
      long v = 0;
      for (int i = 0; i < text.length; i++) {
        v |= (text[i] & 0xffL) << (8 * i);
      }
      return new Imm(v);
    }
    Operand o = s.operands().operand(e);
    if (o instanceof Imm || o instanceof SymAddr) {
      return o;
    }
    throw new ReadError("bad-operand", "DATA takes $(n), $(sym(…)) or a string, not " + o, e);
  }
}
