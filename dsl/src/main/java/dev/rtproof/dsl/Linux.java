package dev.rtproof.dsl;

/** linux/amd64 system call numbers and arguments the runtime routines use (reference §3). */
public final class Linux {
  private Linux() {}

  public static final int SYS_write = 1;
  public static final int SYS_clone = 56;
  public static final int SYS_exit = 60;
  public static final int SYS_arch_prctl = 158;
  public static final int SYS_gettid = 186;
  public static final int SYS_exit_group = 231;

  public static final int ARCH_SET_GS = 0x1001;
  public static final int ARCH_SET_FS = 0x1002;
  public static final int ARCH_GET_FS = 0x1003;
  public static final int ARCH_GET_GS = 0x1004;

  public static final int CLONE_SETTLS = 0x00080000;

  public static final int EPERM = 1;

  /**
   * {@code TASK_SIZE_MAX} with 4-level paging, {@code 2^47 − 4096}: {@code arch_prctl(ARCH_SET_FS|GS, a)}
   * fails with {@code -EPERM} for every {@code a ≥ TASK_SIZE_MAX} (measured on a 6.x kernel).
   */
  public static final long TASK_SIZE_MAX = 0x7ffffffff000L;
}
