package dev.rtproof.emulator;

import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.ir.Reg;

/**
 * The Linux x86-64 system calls rtproof models. {@code SYSCALL} takes the number in AX and arguments in
 * DI, SI, DX, R10, R8, R9, returns in AX (a negative errno on failure), and clobbers CX (the return
 * address) and R11 (RFLAGS).
 */
public final class LinuxSyscalls {
  /** Thread id {@code gettid} returns. */
  public static final long TID = 4242;

  private static final long EFAULT = 14;
  private static final long EINVAL = 22;

  /** Executes the syscall in AX; {@code nextAddress} is the code address after the SYSCALL. */
  void execute(Machine m, long nextAddress) {
    long nr = m.get(Reg.AX);
    long a0 = m.get(Reg.DI);
    long a1 = m.get(Reg.SI);
    long a2 = m.get(Reg.DX);
    long result;
    if (nr == Linux.SYS_arch_prctl) {
      result = archPrctl(m, a0, a1);
    } else if (nr == Linux.SYS_gettid) {
      result = TID;
    } else if (nr == Linux.SYS_exit || nr == Linux.SYS_exit_group) {
      throw new ProgramExit(a0 & 0xff);
    } else if (nr == Linux.SYS_write) {
      result = write(m, a0, a1, a2);
    } else {
      throw new MachineFault(Trap.Kind.UNKNOWN_SYSCALL, "syscall " + nr + " is not modelled"
          + " (modelled: arch_prctl, gettid, exit, exit_group, write)", nr);
    }
    m.set(Reg.CX, nextAddress);
    m.set(Reg.R11, m.rflags);
    m.set(Reg.AX, result);
  }

  /** arch_prctl: like Linux, a SET of an address ≥ TASK_SIZE_MAX fails with -EPERM. */
  private static long archPrctl(Machine m, long code, long addr) {
    boolean canonical = Long.compareUnsigned(addr, Linux.TASK_SIZE_MAX) < 0;
    switch ((int) code) {
      case Linux.ARCH_SET_FS:
        if (!canonical) {
          return -Linux.EPERM;
        }
        m.fsBase = addr;
        return 0;
      case Linux.ARCH_SET_GS:
        if (!canonical) {
          return -Linux.EPERM;
        }
        m.gsBase = addr;
        return 0;
      case Linux.ARCH_GET_FS:
        return storeResult(m, addr, m.fsBase);
      case Linux.ARCH_GET_GS:
        return storeResult(m, addr, m.gsBase);
      default:
        return -EINVAL;
    }
  }

  private static long storeResult(Machine m, long addr, long value) {
    if (m.memory.find(addr, 8) == null) {
      return -EFAULT;
    }
    m.store(addr, 8, value);
    return 0;
  }

  /** write(fd, buf, count): the bytes go to the machine's capture of {@code fd} ({@link Machine#output}). */
  private static long write(Machine m, long fd, long buf, long count) {
    if (count < 0) {
      return -EINVAL;
    }
    for (long i = 0; i < count; i++) {
      if (m.memory.find(buf + i, 1) == null) {
        return i == 0 ? -EFAULT : i;
      }
      m.write(fd, (int) m.load(buf + i, 1));
    }
    return count;
  }
}
