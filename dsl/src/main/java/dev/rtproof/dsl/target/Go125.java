package dev.rtproof.dsl.target;

/**
 * Layout and stack constants of Go 1.25 on linux/amd64, with the names of {@code go_asm.h}. Import
 * statically next to {@code dev.rtproof.dsl.Amd64.*}.
 *
 * <p>Where the values come from (no Go 1.25 toolchain is installed, so none is measured): reference §4 and
 * §8 — {@code gobuf.ret} was removed in Go 1.25 (c594762ad5), so gobuf is 48 bytes, {@code g.syscallsp}
 * moves to 104, and every field of {@code m} from {@code divmod} on moves down by 8 ({@code m_tls} = 128,
 * {@code m_curg} = 184); g's fields up to {@code sched} are the same in every version. Stack constants are
 * the Go 1.21+ ones (reference §5): {@code stackGuard = stackNosplit + stackSystem + StackSmall}
 * = 800 + 0 + 128 = 928 under the go_asm.h name {@code const_stackGuard}. {@code StackSmall} and
 * {@code StackBig} live in {@code internal/abi} since 1.21 and so are not in the runtime's go_asm.h; the
 * target profile carries them. Fields after {@code m.curg} are not covered.
 */
public final class Go125 {
  private Go125() {}

  // struct g (fields up to sched are the same in every version; gobuf is 48 bytes, so syscallsp is at 104)
  public static final int g_stack = 0;
  public static final int g_stackguard0 = 16;
  public static final int g_stackguard1 = 24;
  public static final int g__panic = 32;
  public static final int g__defer = 40;
  public static final int g_m = 48;
  public static final int g_sched = 56;
  public static final int g_syscallsp = 104;

  // struct stack
  public static final int stack__size = 16;
  public static final int stack_lo = 0;
  public static final int stack_hi = 8;

  // struct gobuf (without ret since Go 1.25)
  public static final int gobuf__size = 48;
  public static final int gobuf_sp = 0;
  public static final int gobuf_pc = 8;
  public static final int gobuf_g = 16;
  public static final int gobuf_ctxt = 24;
  public static final int gobuf_lr = 32;
  public static final int gobuf_bp = 40;

  // struct m, up to curg (morebuf is a 48-byte gobuf)
  public static final int m_g0 = 0;
  public static final int m_morebuf = 8;
  public static final int m_divmod = 56;
  public static final int m_procid = 64;
  public static final int m_gsignal = 72;
  public static final int m_goSigStack = 80;
  public static final int m_sigmask = 120;
  public static final int m_tls = 128;
  public static final int m_mstartfn = 176;
  public static final int m_curg = 184;

  // goroutine states
  public static final int const__Gidle = 0;
  public static final int const__Grunnable = 1;
  public static final int const__Grunning = 2;
  public static final int const__Gsyscall = 3;
  public static final int const__Gwaiting = 4;
  public static final int const__Gdead = 6;

  // TLS slots in m.tls
  public static final int const_tlsSlots = 6;
  public static final int const_tlsSize = 48;

  // stack constants (Go 1.21+: stackGuard = stackNosplit + stackSystem + StackSmall)
  public static final int const_stackSystem = 0;
  public static final int const_stackMin = 2048;
  public static final int const_fixedStack = 2048;
  public static final int const_stackNosplit = 800;
  public static final int const_stackGuard = 928;
  public static final long const_stackPreempt = 0xfffffffffffffadeL;
  public static final long const_stackFork = 0xfffffffffffffb2eL;
  public static final long const_stackForceMove = 0xfffffffffffffeedL;
  public static final long const_stackPoisonMin = 0xfffffffffffff000L;
}
