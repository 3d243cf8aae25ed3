package dev.rtproof.examples.bootstrap;

import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's state after the bootstrap, read back from emulated memory: g0, m0, the Ps, sched and the
 * main goroutine, with addresses named ({@code &g0}, {@code allp[1]}, {@code runtime·goexit+1}).
 */
public record BootstrapState(
    G g0, M m0, List<P> allp, Sched sched, G main, long mainTop, long fs, long alignedSp, long allm,
    int gomaxprocs, int ncpu, long argc, Names names) {

  /** A g: stack bounds, guards, m, status, goid, and the gobuf fields that matter. */
  public record G(long address, long lo, long hi, long guard0, long guard1, long m, int status, long goid,
      long schedSp, long schedPc, long schedCtxt) {}

  /** An m: g0, its TLS slots, id, p, alllink. */
  public record M(long address, long g0, long[] tls, long id, long p, long alllink) {}

  /** A p: id, status, m, link (the idle list), runnext. */
  public record P(long address, int id, int status, long m, long link, long runnext) {}

  /** The scheduler's global state that the bootstrap set. */
  public record Sched(int maxmcount, long mnext, long pidle, int npidle) {}

  /** Reads the state from {@code m}. */
  public static BootstrapState read(Emulator e, Machine m) {
    long g0 = e.layout().address("runtime·g0");
    long m0 = e.layout().address("runtime·m0");
    long sched = e.layout().address("runtime·sched");
    long allpAt = e.layout().address("runtime·allp");
    List<P> allp = new ArrayList<>();
    long array = m.load(allpAt, 8);
    for (int i = 0; i < m.load(allpAt + 8, 8); i++) {
      long pp = m.load(array + 8L * i, 8);
      allp.add(new P(pp, (int) m.load(pp + p_id, 4), (int) m.load(pp + p_status, 4), m.load(pp + p_m, 8),
          m.load(pp + p_link, 8), m.load(pp + p_runnext, 8)));
    }
    long[] tls = new long[const_tlsSlots];
    for (int i = 0; i < tls.length; i++) {
      tls[i] = m.load(m0 + m_tls + 8L * i, 8);
    }
    M mState = new M(m0, m.load(m0 + m_g0, 8), tls, m.load(m0 + m_id, 8), m.load(m0 + m_p, 8), m.load(m0 + m_alllink, 8));
    long mainG = allp.isEmpty() ? 0 : allp.get(0).runnext();
    G main = mainG == 0 ? null : g(m, mainG);
    Names names = new Names(e, allp, mainG);
    return new BootstrapState(g(m, g0), mState, allp,
        new Sched((int) m.load(sched + schedt_maxmcount, 4), m.load(sched + schedt_mnext, 8),
            m.load(sched + schedt_pidle, 8), (int) m.load(sched + schedt_npidle, 4)),
        main, main == null ? 0 : m.load(main.schedSp(), 8), m.fsBase, m.load(g0 + g_stack + stack_hi, 8),
        m.load(e.layout().address("runtime·allm"), 8), (int) m.load(e.layout().address("runtime·gomaxprocs"), 4),
        (int) m.load(e.layout().address("runtime·ncpu"), 4), m.load(e.layout().address("runtime·argc"), 4), names);
  }

  private static G g(Machine m, long g) {
    return new G(g, m.load(g + g_stack + stack_lo, 8), m.load(g + g_stack + stack_hi, 8), m.load(g + g_stackguard0, 8),
        m.load(g + g_stackguard1, 8), m.load(g + g_m, 8), (int) m.load(g + g_atomicstatus, 4), m.load(g + g_goid, 8),
        m.load(g + g_sched + gobuf_sp, 8), m.load(g + g_sched + gobuf_pc, 8), m.load(g + g_sched + gobuf_ctxt, 8));
  }

  /** Names for addresses: symbols, symbol+offset for code, allp[i], g1. */
  public static final class Names {
    private final Emulator e;
    private final List<P> allp;
    private final long mainG;

    Names(Emulator e, List<P> allp, long mainG) {
      this.e = e;
      this.allp = allp;
      this.mainG = mainG;
    }

    /** "&g0", "allp[2]", "runtime·goexit+1", "nil", or the hexadecimal address. */
    public String of(long address) {
      if (address == 0) {
        return "nil";
      }
      for (var d : e.layout().dataSymbols().entrySet()) {
        if (d.getValue() == address) {
          String n = d.getKey();
          return "&" + (n.startsWith("runtime·") ? n.substring("runtime·".length()) : n);
        }
      }
      for (int i = 0; i < allp.size(); i++) {
        if (allp.get(i).address() == address) {
          return "allp[" + i + "]";
        }
      }
      if (address == mainG) {
        return "&g1";
      }
      String code = e.layout().textSymbolAt(address);
      if (code != null) {
        long off = address - e.layout().address(code);
        return off == 0 ? code : code + "+" + off;
      }
      return Hex.of(address);
    }
  }
}
