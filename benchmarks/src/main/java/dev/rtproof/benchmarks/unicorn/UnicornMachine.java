package dev.rtproof.benchmarks.unicorn;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.rtproof.benchmarks.Workload;
import dev.rtproof.benchmarks.cpu.CodeImage;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.Layout;

/**
 * A Unicorn 2 x86-64 engine set up like the emulator's machine: Go's linked {@code .text} at its own
 * address, the stack at {@link Layout}'s addresses, the workload buffer at {@link Workload#BUFFER}. A run
 * pushes {@link Layout#HALT} as the return address (as {@code Emulator.run} does) and stops when control
 * reaches it, so both start and end in the same state.
 */
public final class UnicornMachine implements AutoCloseable {
  private static final long PAGE = 4096;
  private static final UnicornLibrary UC = UnicornLibrary.load();

  private final Pointer uc;
  private final CodeImage code;
  private final LongByReference value = new LongByReference();
  private final byte[] zeroBuffer = new byte[Workload.BUFFER_SIZE];

  public UnicornMachine(CodeImage code) {
    this.code = code;
    PointerByReference handle = new PointerByReference();
    check(UC.uc_open(UnicornLibrary.UC_ARCH_X86, UnicornLibrary.UC_MODE_64, handle), "uc_open");
    this.uc = handle.getValue();
    long textStart = code.address() & -PAGE;
    long textEnd = (code.address() + code.text().length + PAGE - 1) & -PAGE;
    check(UC.uc_mem_map(uc, textStart, textEnd - textStart, UnicornLibrary.UC_PROT_ALL), "uc_mem_map text");
    check(UC.uc_mem_write(uc, code.address(), code.text(), code.text().length), "uc_mem_write text");
    long stackBottom = Layout.STACK_TOP - Layout.STACK_SIZE;
    check(UC.uc_mem_map(uc, stackBottom, Layout.STACK_SIZE, UnicornLibrary.UC_PROT_ALL), "uc_mem_map stack");
    check(UC.uc_mem_map(uc, Workload.BUFFER, Workload.BUFFER_SIZE, UnicornLibrary.UC_PROT_ALL), "uc_mem_map buffer");
  }

  /** Unicorn's version, {@code major.minor}. */
  public static String version() {
    IntByReference major = new IntByReference();
    IntByReference minor = new IntByReference();
    UC.uc_version(major, minor);
    return major.getValue() + "." + minor.getValue();
  }

  /**
   * Runs {@code w} for {@code rounds} rounds from the emulator's initial state (registers zero but CX, DI
   * and SP; RFLAGS {@code 0x202}; the buffer zeroed) until it returns, or for at most {@code count}
   * instructions when {@code count > 0}.
   */
  public void run(Workload w, long rounds, long count) {
    for (int i = 0; i < 16; i++) {
      set(UnicornLibrary.GPR[i], 0);
    }
    long sp = Layout.INITIAL_SP - 8;
    set(UnicornLibrary.GPR[Reg.SP.number()], sp);
    set(UnicornLibrary.GPR[Reg.CX.number()], rounds);
    set(UnicornLibrary.GPR[Reg.DI.number()], Workload.BUFFER);
    set(UnicornLibrary.UC_X86_REG_EFLAGS, Flags.INITIAL);
    byte[] ret = new byte[8];
    for (int i = 0; i < 8; i++) {
      ret[i] = (byte) (Layout.HALT >>> (8 * i));
    }
    check(UC.uc_mem_write(uc, sp, ret, 8), "uc_mem_write return address");
    check(UC.uc_mem_write(uc, Workload.BUFFER, zeroBuffer, zeroBuffer.length), "uc_mem_write buffer");
    check(UC.uc_emu_start(uc, code.address(w.symbol()), Layout.HALT, 0, Math.max(count, 0)), "uc_emu_start");
  }

  /** General register {@code r} (64-bit) after the last run. */
  public long get(Reg r) {
    return get(UnicornLibrary.GPR[r.number()]);
  }

  public long rip() {
    return get(UnicornLibrary.UC_X86_REG_RIP);
  }

  public long rflags() {
    return get(UnicornLibrary.UC_X86_REG_EFLAGS);
  }

  /** {@code length} bytes of memory at {@code address}. */
  public byte[] read(long address, int length) {
    byte[] b = new byte[length];
    check(UC.uc_mem_read(uc, address, b, length), "uc_mem_read");
    return b;
  }

  private long get(int regid) {
    check(UC.uc_reg_read(uc, regid, value), "uc_reg_read");
    return value.getValue();
  }

  private void set(int regid, long v) {
    value.setValue(v);
    check(UC.uc_reg_write(uc, regid, value), "uc_reg_write");
  }

  private static void check(int err, String what) {
    if (err != UnicornLibrary.UC_ERR_OK) {
      throw new IllegalStateException(what + " failed: " + UC.uc_strerror(err) + " (" + err + ")");
    }
  }

  @Override
  public void close() {
    UC.uc_close(uc);
  }
}
