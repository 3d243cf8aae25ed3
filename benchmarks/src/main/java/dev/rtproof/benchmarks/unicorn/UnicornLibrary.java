package dev.rtproof.benchmarks.unicorn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of Unicorn 2's C API ({@code unicorn/unicorn.h}) the benchmarks use, bound through JNA.
 * Constants are those of {@code unicorn/unicorn.h} and {@code unicorn/x86.h} (Unicorn 2.0).
 */
interface UnicornLibrary extends Library {
  int UC_ARCH_X86 = 4;
  int UC_MODE_64 = 1 << 3;
  int UC_PROT_ALL = 7;
  int UC_ERR_OK = 0;

  int UC_X86_REG_EFLAGS = 25;
  int UC_X86_REG_RIP = 41;
  /** {@code UC_X86_REG_*} of the 16 general registers in x86 encoding order (AX, CX, DX, BX, SP, BP, SI, DI, R8…R15). */
  int[] GPR = {35, 38, 40, 37, 44, 36, 43, 39, 106, 107, 108, 109, 110, 111, 112, 113};

  int uc_version(IntByReference major, IntByReference minor);

  int uc_open(int arch, int mode, PointerByReference uc);

  int uc_close(Pointer uc);

  String uc_strerror(int code);

  int uc_mem_map(Pointer uc, long address, long size, int perms);

  int uc_mem_write(Pointer uc, long address, byte[] bytes, long size);

  int uc_mem_read(Pointer uc, long address, byte[] bytes, long size);

  int uc_reg_write(Pointer uc, int regid, LongByReference value);

  int uc_reg_read(Pointer uc, int regid, LongByReference value);

  int uc_emu_start(Pointer uc, long begin, long until, long timeout, long count);

  /** Debian's {@code libunicorn2} installs only {@code libunicorn.so.2}; other systems may have {@code libunicorn.so}. */
  static UnicornLibrary load() {
    try {
      return Native.load("unicorn", UnicornLibrary.class);
    } catch (UnsatisfiedLinkError e) {
      try {
        return Native.load("libunicorn.so.2", UnicornLibrary.class);
      } catch (UnsatisfiedLinkError e2) {
        e2.addSuppressed(e);
        throw new UnsatisfiedLinkError("Unicorn 2 is not installed (Debian: apt-get install libunicorn2): "
            + e2.getMessage());
      }
    }
  }
}
