package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Reg;
import java.util.HashMap;
import java.util.Map;

/**
 * What CPUID answers, by leaf (EAX): EAX, EBX, ECX, EDX; and what XGETBV answers for XCR0. The default is
 * a GenuineIntel CPU with leaves 0 and 1; unknown leaves answer zeros, as CPUs do for leaves above the
 * maximum.
 */
public final class CpuidModel {
  private final Map<Integer, long[]> leaves = new HashMap<>();
  private long xcr0 = 0x7;

  /** A GenuineIntel model: leaf 0 ("GenuineIntel", max leaf 1) and leaf 1 (family 6 model 0x55), XCR0 = 7. */
  public static CpuidModel genuineIntel() {
    CpuidModel m = new CpuidModel();
    m.leaf(0, 1, 0x756e6547L, 0x6c65746eL, 0x49656e69L);
    m.leaf(1, 0x00050654L, 0x00100800L, 0x7ffefbffL, 0xbfebfbffL);
    return m;
  }

  /** Sets the answer for {@code leaf}. */
  public CpuidModel leaf(int leaf, long eax, long ebx, long ecx, long edx) {
    leaves.put(leaf, new long[] {eax, ebx, ecx, edx});
    return this;
  }

  /** Sets the value XGETBV reads from XCR0 (x87 = 1, SSE = 2, AVX = 4, …). */
  public CpuidModel xcr0(long value) {
    this.xcr0 = value;
    return this;
  }

  void execute(Machine m) {
    long[] v = leaves.getOrDefault((int) m.get(Reg.AX), new long[4]);
    m.set(Reg.AX, v[0] & 0xffffffffL);
    m.set(Reg.BX, v[1] & 0xffffffffL);
    m.set(Reg.CX, v[2] & 0xffffffffL);
    m.set(Reg.DX, v[3] & 0xffffffffL);
  }

  /** XGETBV: EDX:EAX = XCR[ECX]; only XCR0 exists, any other number raises #GP. */
  void xgetbv(Machine m) {
    long n = m.get(Reg.CX) & 0xffffffffL;
    if (n != 0) {
      throw new MachineFault(Trap.Kind.UNSUPPORTED, "XGETBV of XCR" + n + " raises #GP (only XCR0 exists)", n);
    }
    m.set(Reg.AX, xcr0 & 0xffffffffL);
    m.set(Reg.DX, xcr0 >>> 32);
  }
}
