package dev.rtproof.examples.bootstrap;

import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.ExternalCall;
import java.nio.charset.StandardCharsets;

/**
 * Java models of the Go 1.19 runtime functions rt0_go calls, doing to memory what seeds 003 and 004
 * describe, with Go 1.19's field offsets: args records argc/argv; osinit counts CPUs; schedinit sets
 * maxmcount, initialises m0 (mcommoninit) and creates GOMAXPROCS Ps (procresize), wiring m0 to allp[0] and
 * putting the rest on the idle list; newproc creates the main goroutine (newproc1, gostartcallfn) and puts it
 * on allp[0]'s runnext; mstart0 fixes g0's guards and stops the run where the scheduler would take over.
 */
public final class RuntimeModels {
  /** The run-ending status mstart0's model exits with. */
  public static final long SCHEDULER_STARTS = 0;
  /** 1.19: stackguard1 of an ordinary goroutine, so //go:systemstack code called on it crashes. */
  private static final long NO_SYSTEMSTACK = -1L;

  private final Heap heap;
  private final int cpus;
  /** p.goidcache hands out 1, 2, … (in batches of 16 from sched.goidgen; one batch is plenty here). */
  private long nextGoid = 1;

  private RuntimeModels(Heap heap, int cpus) {
    this.heap = heap;
    this.cpus = cpus;
  }

  /** Binds the models into {@code e}, with a heap for the Ps and the main goroutine. */
  public static void bind(Emulator e, int cpus) {
    RuntimeModels r = new RuntimeModels(Heap.in(e), cpus);
    e.bind("runtime·check", call -> { });
    e.bind("runtime·args", r::args);
    e.bind("runtime·osinit", r::osinit);
    e.bind("runtime·schedinit", r::schedinit);
    e.bind("runtime·newproc", r::newproc);
    e.bind("runtime·mstart0", r::mstart0);
  }

  /** func args(c int32, v **byte). */
  private void args(ExternalCall call) {
    call.store(call.symbol("runtime·argc"), 4, call.arg(0, 4));
    call.store(call.symbol("runtime·argv"), 8, call.arg(8));
  }

  /** func osinit(): ncpu = getproccount(). */
  private void osinit(ExternalCall call) {
    call.store(call.symbol("runtime·ncpu"), 4, cpus);
  }

  /** func schedinit(), the parts that build the g0/m0/P state. */
  private void schedinit(ExternalCall call) {
    long sched = call.symbol("runtime·sched");
    long m0 = call.symbol("runtime·m0");
    call.store(sched + schedt_maxmcount, 4, 10000);
    mcommoninit(call, m0);
    int procs = (int) call.load(call.symbol("runtime·ncpu"), 4);
    Integer fromEnv = gomaxprocsFromEnv(call);
    if (fromEnv != null && fromEnv > 0) {
      procs = fromEnv;
    }
    procresize(call, procs, m0, sched);
  }

  /** mcommoninit(mp, -1): the id from sched.mnext, then mp joins allm. */
  private static void mcommoninit(ExternalCall call, long mp) {
    long sched = call.symbol("runtime·sched");
    long id = call.load(sched + schedt_mnext, 8);
    call.store(sched + schedt_mnext, 8, id + 1);
    call.store(mp + m_id, 8, id);
    long allm = call.symbol("runtime·allm");
    call.store(mp + m_alllink, 8, call.load(allm, 8));
    call.store(allm, 8, mp);
  }

  /** procresize(nprocs) from zero Ps: make allp, new(p) and p.init(i) each, acquirep(allp[0]), the rest idle. */
  private void procresize(ExternalCall call, int nprocs, long m0, long sched) {
    long array = heap.allocate(8L * nprocs, 8);
    long allp = call.symbol("runtime·allp");
    call.store(allp, 8, array);
    call.store(allp + 8, 8, nprocs);
    call.store(allp + 16, 8, nprocs);
    for (int i = 0; i < nprocs; i++) {
      long pp = heap.allocate(p__size, 64);
      call.store(pp + p_id, 4, i);
      call.store(pp + p_status, 4, const__Pgcstop);
      call.store(array + 8L * i, 8, pp);
    }
    long p0 = call.load(array, 8);
    // acquirep(p0) → wirep: m0.p = p0, p0.m = m0, p0.status = _Prunning
    call.store(m0 + m_p, 8, p0);
    call.store(p0 + p_m, 8, m0);
    call.store(p0 + p_status, 4, const__Prunning);
    for (int i = nprocs - 1; i >= 1; i--) {
      long pp = call.load(array + 8L * i, 8);
      call.store(pp + p_status, 4, const__Pidle);
      // pidleput: pp.link = sched.pidle; sched.pidle = pp; sched.npidle++
      call.store(pp + p_link, 8, call.load(sched + schedt_pidle, 8));
      call.store(sched + schedt_pidle, 8, pp);
      call.store(sched + schedt_npidle, 4, call.load(sched + schedt_npidle, 4) + 1);
    }
    call.store(call.symbol("runtime·gomaxprocs"), 4, nprocs);
  }

  /** GOMAXPROCS from the environment the kernel passed (envp follows argv's NULL). */
  private static Integer gomaxprocsFromEnv(ExternalCall call) {
    long argc = call.load(call.symbol("runtime·argc"), 4);
    long envp = call.load(call.symbol("runtime·argv"), 8) + 8 * (argc + 1);
    for (long p; (p = call.load(envp, 8)) != 0; envp += 8) {
      String s = cString(call, p);
      if (s.startsWith("GOMAXPROCS=")) {
        try {
          return Integer.parseInt(s.substring("GOMAXPROCS=".length()));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static String cString(ExternalCall call, long p) {
    StringBuilder b = new StringBuilder();
    for (int c; (c = (int) call.load(p++, 1)) != 0 && b.length() < 4096; ) {
      b.append((char) c);
    }
    return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** func newproc(fn *funcval): newproc1 on the system stack, then runqput(pp, newg, next = true). */
  private void newproc(ExternalCall call) {
    long fv = call.arg(0);
    long callerpc = call.load(call.machine().sp(), 8);
    // malg(_StackMin): a g with a 2 KiB stack
    long newg = heap.allocate(g__size, 8);
    long stack = heap.allocate(const__StackMin, 16);
    call.store(newg + g_stack + stack_lo, 8, stack);
    call.store(newg + g_stack + stack_hi, 8, stack + const__StackMin);
    call.store(newg + g_stackguard0, 8, stack + const__StackGuard);
    call.store(newg + g_stackguard1, 8, NO_SYSTEMSTACK);
    call.store(newg + g_atomicstatus, 4, const__Gdead);
    // newproc1: the frame at the top of the stack, then sched
    long totalSize = 4 * 8;
    long sp = stack + const__StackMin - totalSize;
    long fn = call.load(fv, 8);
    call.store(newg + g_sched + gobuf_sp, 8, sp);
    call.store(newg + g_stktopsp, 8, sp);
    // +PCQuantum so that the previous instruction is in the same function
    call.store(newg + g_sched + gobuf_pc, 8, call.symbol("runtime·goexit") + 1);
    call.store(newg + g_sched + gobuf_g, 8, newg);
    gostartcall(call, newg, fn, fv);
    call.store(newg + g_gopc, 8, callerpc);
    call.store(newg + g_startpc, 8, fn);
    call.store(newg + g_atomicstatus, 4, const__Grunnable);
    long pp = call.load(call.symbol("runtime·m0") + m_p, 8);
    call.store(newg + g_goid, 8, nextGoid++);
    // runqput(pp, newg, next = true): the new g becomes pp.runnext
    call.store(pp + p_runnext, 8, newg);
  }

  /** gostartcall: push sched.pc (goexit+1) as the return address, then start at fn with ctxt = the funcval. */
  private static void gostartcall(ExternalCall call, long g, long fn, long ctxt) {
    long sp = call.load(g + g_sched + gobuf_sp, 8) - 8;
    call.store(sp, 8, call.load(g + g_sched + gobuf_pc, 8));
    call.store(g + g_sched + gobuf_sp, 8, sp);
    call.store(g + g_sched + gobuf_pc, 8, fn);
    call.store(g + g_sched + gobuf_ctxt, 8, ctxt);
  }

  /** mstart0 on g0: set the real guards (lo + StackGuard); then schedule() would run main. */
  private void mstart0(ExternalCall call) {
    long g0 = call.symbol("runtime·g0");
    long guard = call.load(g0 + g_stack + stack_lo, 8) + const__StackGuard;
    call.store(g0 + g_stackguard0, 8, guard);
    call.store(g0 + g_stackguard1, 8, guard);
    throw call.exit(SCHEDULER_STARTS);
  }
}
