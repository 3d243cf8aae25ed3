package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.Reg;

/**
 * The Linux syscalls the verifier models, like the emulator's {@code LinuxSyscalls}: {@code arch_prctl}
 * SET_FS/SET_GS (succeeds for an address below TASK_SIZE_MAX, else -EPERM), {@code gettid} (any positive
 * id), {@code write} (succeeds), {@code exit}/{@code exit_group} (the path ends). SYSCALL clobbers CX
 * (the return address) and R11 (RFLAGS).
 */
final class Syscalls {
  private final Environment env;
  private final Smt smt;

  Syscalls(Environment env) {
    this.env = env;
    this.smt = env.smt;
  }

  /** Executes the SYSCALL {@code s} is at; false when the path ends (exit). */
  boolean execute(SymState s) {
    Long nr = Smt.constant(s.reg(Reg.AX));
    if (nr == null) {
      throw new SymSemantics.Unsupported("SYSCALL with a number that is not a constant");
    }
    if (nr == Linux.SYS_exit || nr == Linux.SYS_exit_group) {
      return false;
    }
    BitVecExpr result;
    if (nr == Linux.SYS_arch_prctl) {
      result = archPrctl(s);
    } else if (nr == Linux.SYS_gettid) {
      env.assume("gettid returns an arbitrary positive thread id");
      BitVecExpr tid = smt.ctx.mkBVConst("tid@" + Hex.of(s.address()) + "#" + s.visit(), 31);
      env.prefer(smt.eq(tid, smt.bv(dev.rtproof.emulator.LinuxSyscalls.TID, 31)));
      result = smt.zext(tid, 31);
    } else if (nr == Linux.SYS_write) {
      env.assume("write succeeds and writes every byte");
      result = s.reg(Reg.DX);
    } else {
      throw new SymSemantics.Unsupported("syscall " + nr + " (modelled: arch_prctl SET_FS/SET_GS, gettid, write, exit)");
    }
    s.regs[Reg.CX.number()] = smt.bv(s.address() + 1);
    s.regs[Reg.R11.number()] = rflags(s);
    s.regs[Reg.AX.number()] = result;
    s.index++;
    return true;
  }

  private BitVecExpr archPrctl(SymState s) {
    Long code = Smt.constant(s.reg(Reg.DI));
    if (code == null || (code != Linux.ARCH_SET_FS && code != Linux.ARCH_SET_GS)) {
      throw new SymSemantics.Unsupported("arch_prctl with code " + (code == null ? "not a constant" : Long.toHexString(code))
          + " (modelled: ARCH_SET_FS, ARCH_SET_GS)");
    }
    env.assume("arch_prctl(ARCH_SET_FS/GS, a) sets the base and returns 0 iff a < 0x7ffffffff000 (Linux TASK_SIZE_MAX,"
        + " 4-level paging), else returns -EPERM");
    BitVecExpr addr = s.reg(Reg.SI);
    BoolExpr ok = smt.ult(addr, smt.bv(Linux.TASK_SIZE_MAX));
    if (code == Linux.ARCH_SET_FS) {
      s.fs = smt.ite(ok, addr, s.fs);
      s.fsSet = smt.any(s.fsSet, ok);
    } else {
      s.gs = smt.ite(ok, addr, s.gs);
    }
    return smt.ite(ok, smt.bv(0), smt.bv(-Linux.EPERM));
  }

  private BitVecExpr rflags(SymState s) {
    int[] bits = {0, 2, 4, 6, 7, 11, 10};
    int[] flags = {SymState.CF, SymState.PF, SymState.AF, SymState.ZF, SymState.SF, SymState.OF, SymState.DF};
    BitVecExpr v = smt.bv(0x202);
    for (int i = 0; i < bits.length; i++) {
      v = smt.or(v, smt.ite(s.flags[flags[i]], smt.bv(1L << bits[i]), smt.bv(0)));
    }
    return v;
  }
}
