package dev.rtproof.processor.internal;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import dev.rtproof.dsl.ir.InstrCheck;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import java.util.List;

/** Applies {@link InstrCheck} while a body is read, so each problem is reported on its operand's tree. */
final class OperandShapes {
  private OperandShapes() {}

  static void checkCount(Op op, String name, int count, Tree call) throws ReadError {
    String problem = InstrCheck.count(op, name, count);
    if (problem != null) {
      throw new ReadError("operand-count", problem, call);
    }
  }

  static void check(Op op, List<Operand> ops, List<? extends ExpressionTree> args, Tree call) throws ReadError {
    InstrCheck.Finding f = InstrCheck.check(op, ops);
    if (f != null) {
      Tree at = f.operand() >= 0 && f.operand() < args.size() ? args.get(f.operand()) : call;
      throw new ReadError(f.id(), f.message(), at);
    }
  }
}
