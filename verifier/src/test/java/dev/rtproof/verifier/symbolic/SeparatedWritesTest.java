package dev.rtproof.verifier.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write through a pointer into the stack (a symbolic offset) and reads after it: a read the path keeps
 * apart from the write reads the memory from before it, as the same term; a read that may overlap it reads
 * through it; likewise for a call's havoc of the stack below its SP; and the oracle answers a condition it
 * proved on a path without Z3 on every longer path.
 */
class SeparatedWritesTest {
  private Context ctx;
  private Smt smt;
  private PathOracle oracle;
  private SymState s;

  @BeforeEach
  void setUp() {
    ctx = new Context();
    smt = new Smt(ctx);
    Routine r = Routine.builder("·f", "GO1_19").flags(TextFlags.NOSPLIT).instr(Op.RET).build();
    Program program = new Program(List.of(r));
    Environment env = new Environment(smt, program, VerificationScope.whole(program, false));
    s = SymbolicExecutor.initial(env, r);
    oracle = new PathOracle(env, Long.MAX_VALUE);
    // AX points into the stack at least a page below SP (a g0 stack, say); BX anywhere in that stretch too.
    BitVecExpr sp = s.sp();
    s.assume(smt.all(smt.ule(smt.sub(sp, smt.bv(0x10000)), reg("AX")), smt.ule(reg("AX"), smt.sub(sp, smt.bv(0x1000))),
        smt.ule(smt.sub(sp, smt.bv(0x10000)), reg("BX")), smt.ule(reg("BX"), sp)));
  }

  @AfterEach
  void tearDown() {
    ctx.close();
  }

  private BitVecExpr reg(String name) {
    return s.regs[dev.rtproof.dsl.ir.Reg.byName(name).number()];
  }

  private BitVecExpr load(BitVecExpr address) {
    return s.mem.load(s.mem.resolve(address, 8, s.path(), oracle), 8);
  }

  private void store(BitVecExpr address, BitVecExpr value) {
    s.mem.store(s.mem.resolve(address, 8, s.path(), oracle), 8, value);
  }

  private boolean valid(BoolExpr claim) {
    Solver solver = ctx.mkSolver();
    solver.add(s.path(), smt.not(claim));
    return solver.check() == Status.UNSATISFIABLE;
  }

  @Test
  void aReadApartFromTheWriteIsTheTermFromBeforeIt() {
    BitVecExpr callerWord = smt.addConstant(s.sp(), 8);
    BitVecExpr before = load(callerWord);
    store(reg("AX"), smt.bv(0x1234));
    assertEquals(before, load(callerWord), "the caller's frame is at least a page above the write");
    assertTrue(valid(smt.eq(load(reg("AX")), smt.bv(0x1234))), "reading the written word gives it back");
  }

  @Test
  void aReadThatMayOverlapTheWriteReadsThroughIt() {
    BitVecExpr before = load(reg("BX"));
    store(reg("AX"), smt.bv(0x1234));
    BitVecExpr after = load(reg("BX"));
    assertNotEquals(before, after);
    assertTrue(valid(smt.implies(smt.eq(reg("BX"), reg("AX")), smt.eq(after, smt.bv(0x1234)))),
        "where BX = AX the read sees the write");
    assertFalse(valid(smt.eq(after, smt.bv(0x1234))), "elsewhere it need not");
  }

  @Test
  void aReadAboveACallsHavocIsTheTermFromBeforeIt() {
    // A call on a stack found through a pointer changes everything below AX + 8: the caller's frame is above.
    BitVecExpr callerWord = smt.addConstant(s.sp(), 8);
    BitVecExpr before = load(callerWord);
    BitVecExpr atBxBefore = load(reg("BX"));
    s.mem.replaceBelow(0, smt.memory("havoc"), smt.addConstant(reg("AX"), 8));
    assertEquals(before, load(callerWord), "the caller's frame is at least a page above the stretch");
    assertFalse(valid(smt.eq(load(reg("BX")), atBxBefore)), "BX may lie in the stretch: the call may change it");
  }

  @Test
  void aHavocEndingWhereMergedPathsDifferIsDecidedCaseByCaseWithoutAQuery() {
    // SP aligned down on one path and not on the other; the call's stretch ends there.
    BitVecExpr aligned = smt.ite(smt.eq(reg("CX"), smt.bv(0)), smt.addConstant(s.sp(), -40), smt.addConstant(s.sp(), -48));
    BitVecExpr above = smt.addConstant(s.sp(), -32);
    BitVecExpr between = smt.addConstant(s.sp(), -48);
    BitVecExpr atAbove = load(above);
    BitVecExpr atBetween = load(between);
    int asked = oracle.queries();
    s.mem.replaceBelow(0, smt.memory("havoc"), smt.addConstant(aligned, 8));
    assertEquals(atAbove, load(above), "above the stretch in both cases");
    assertNotEquals(atBetween, load(between), "inside it on one of the paths");
    assertEquals(asked, oracle.queries(), "decided from the terms");
  }

  @Test
  void pushesThroughAPointerIntoTheStackArePlacedByOneProofOfTheStretchAroundIt() {
    SymMemory.Resolution first = s.mem.resolve(smt.addConstant(reg("AX"), -8), 8, s.path(), oracle);
    assertTrue(first.mapped().isTrue(), "inside the stack, as the requirement on AX says");
    int asked = oracle.queries();
    for (long k : new long[] {-16, -24, -4096, 56}) {
      SymMemory.Resolution next = s.mem.resolve(smt.addConstant(reg("AX"), k), 8, s.path(), oracle);
      assertTrue(next.mapped().isTrue(), "AX" + k);
      assertEquals(0, next.pieces().get(0).region(), "on the stack");
    }
    assertEquals(asked, oracle.queries(), "from 4 KiB below AX to 64 bytes above it: no query");
    s.mem.resolve(smt.addConstant(reg("AX"), -4104), 8, s.path(), oracle);
    assertTrue(oracle.queries() > asked, "further down is proved on its own");
  }

  @Test
  void aConditionProvedOnAPathHoldsOnLongerPathsWithoutAQuery() {
    BoolExpr below = smt.ult(reg("AX"), s.sp());
    assertTrue(oracle.implies(s.path(), below));
    int asked = oracle.queries();
    BoolExpr longer = smt.all(s.path(), smt.eq(reg("CX"), smt.bv(7)));
    assertTrue(oracle.implies(longer, below));
    assertEquals(asked, oracle.queries(), "remembered");
    BoolExpr shorter = smt.ule(reg("AX"), s.sp());
    assertFalse(oracle.implies(shorter, below), "on a path without the requirements it does not follow");
    assertEquals(asked + 1, oracle.queries(), "a path without the proved one's conjuncts is asked again");
  }
}
