package dev.rtproof.dsl.target;

/**
 * Layout and stack constants of Go 1.16 on linux/amd64, with the names of {@code go_asm.h}. Import
 * statically next to {@code dev.rtproof.dsl.Amd64.*}.
 *
 * <p>Where the values come from (no Go 1.16 toolchain is installed, so none is measured): the struct
 * prefixes of {@code g}, {@code stack}, {@code gobuf} and {@code m} are the same as in Go 1.19's real
 * {@code go_asm.h} (reference §4: g unchanged up to {@code sched} in every version; gobuf with {@code ret}
 * until 1.24; m's fields in the same order from 1.16 on, with {@code tls [6]uintptr} by 1.16), and the stack
 * constants follow the Go 1.15–1.20 formula {@code StackGuard = 928 × 1 + StackSystem} (reference §5).
 * Only constants backed by those facts are here: {@code tlsSlots} only became a named constant in 1.17, and
 * fields after {@code m.curg} are not covered.
 */
public final class Go116 {
  private Go116() {}

  // struct g (fields up to sched are the same in every version; gobuf is 56 bytes, so syscallsp is at 112)
  public static final int g_stack = 0;
  public static final int g_stackguard0 = 16;
  public static final int g_stackguard1 = 24;
  public static final int g__panic = 32;
  public static final int g__defer = 40;
  public static final int g_m = 48;
  public static final int g_sched = 56;
  public static final int g_syscallsp = 112;

  // struct stack
  public static final int stack__size = 16;
  public static final int stack_lo = 0;
  public static final int stack_hi = 8;

  // struct gobuf (with ret)
  public static final int gobuf__size = 56;
  public static final int gobuf_sp = 0;
  public static final int gobuf_pc = 8;
  public static final int gobuf_g = 16;
  public static final int gobuf_ctxt = 24;
  public static final int gobuf_ret = 32;
  public static final int gobuf_lr = 40;
  public static final int gobuf_bp = 48;

  // struct m, up to curg
  public static final int m_g0 = 0;
  public static final int m_morebuf = 8;
  public static final int m_divmod = 64;
  public static final int m_procid = 72;
  public static final int m_gsignal = 80;
  public static final int m_goSigStack = 88;
  public static final int m_sigmask = 128;
  public static final int m_tls = 136;
  public static final int m_mstartfn = 184;
  public static final int m_curg = 192;

  // goroutine states
  public static final int const__Gidle = 0;
  public static final int const__Grunnable = 1;
  public static final int const__Grunning = 2;
  public static final int const__Gsyscall = 3;
  public static final int const__Gwaiting = 4;
  public static final int const__Gdead = 6;

  // stack constants (Go 1.15–1.20 formula: StackGuard = 928 + StackSystem; linux: StackSystem = 0)
  public static final int const__StackSystem = 0;
  public static final int const__StackMin = 2048;
  public static final int const__FixedStack = 2048;
  public static final int const__StackBig = 4096;
  public static final int const__StackGuard = 928;
  public static final int const__StackSmall = 128;
  public static final int const__StackLimit = 800;
  /** The only poison value the Go 1.16 huge prologue tests for (reference §6). */
  public static final long const_stackPreempt = 0xfffffffffffffadeL;
}
