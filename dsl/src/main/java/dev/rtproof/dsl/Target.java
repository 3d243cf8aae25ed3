package dev.rtproof.dsl;

import dev.rtproof.dsl.target.Go116;
import dev.rtproof.dsl.target.Go119;
import dev.rtproof.dsl.target.Go125;
import dev.rtproof.dsl.target.TargetProfile;
import dev.rtproof.dsl.target.TargetProfile.FrameStyle;
import dev.rtproof.dsl.target.TargetProfile.Prologue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Go version a class of routines is written for; names a {@link TargetProfile}. */
public enum Target {
  /** Go 1.16: 1.19's layouts (gobuf with ret), the ≤ 1.16 prologue (g in CX), frames of Go ≤ 1.20. */
  GO1_16,
  /** Go 1.17–1.24 layouts (go_asm.h of 1.19), 1.17+ prologue (g in R14), frames of Go ≤ 1.20. */
  GO1_19,
  /** Go 1.25: gobuf without ret (m_tls = 128), 1.17+ prologue, 1.21+ frames ({@code PUSHQ BP}). */
  GO1_25;

  private volatile TargetProfile profile;

  /** The profile's data: layout constants, frame style, prologue, stack constants, runtime symbol sizes. */
  public TargetProfile profile() {
    TargetProfile p = profile;
    if (p == null) {
      p = build();
      profile = p;
    }
    return p;
  }

  private TargetProfile build() {
    return switch (this) {
      case GO1_16 -> new TargetProfile("GO1_16", "go1.16", Go116.class, FrameStyle.STORE_BP, Prologue.G_IN_CX,
          new TargetProfile.Stack(Go116.const__StackGuard, Go116.const__StackSmall, Go116.const__StackBig),
          runtimeSymbols(Map.of()));
      case GO1_19 -> new TargetProfile("GO1_19", "go1.19", Go119.class, FrameStyle.STORE_BP, Prologue.G_IN_R14,
          new TargetProfile.Stack(Go119.const__StackGuard, Go119.const__StackSmall, Go119.const__StackBig),
          runtimeSymbols(Map.of("runtime·g0", (long) Go119.g__size, "runtime·m0", (long) Go119.m__size,
              "runtime·sched", (long) Go119.schedt__size)));
      // StackSmall and StackBig are internal/abi constants since Go 1.21, not in go_asm.h (reference §5).
      case GO1_25 -> new TargetProfile("GO1_25", "go1.25", Go125.class, FrameStyle.PUSH_BP, Prologue.G_IN_R14,
          new TargetProfile.Stack(Go125.const_stackGuard, 128, 4096), runtimeSymbols(Map.of()));
    };
  }

  /**
   * Sizes of the runtime globals routines address: the struct-sized ones where the version's {@code g__size}
   * etc. are known (otherwise the symbol table's documented default applies), and the rest by their type.
   */
  private static Map<String, Long> runtimeSymbols(Map<String, Long> structSized) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String s : new String[] {"runtime·g0", "runtime·m0", "runtime·sched"}) {
      if (structSized.containsKey(s)) {
        m.put(s, structSized.get(s));
      }
    }
    m.put("runtime·mainPC", 8L);
    m.put("runtime·allm", 8L);
    m.put("runtime·allp", 24L);
    m.put("runtime·isIntel", 1L);
    m.put("runtime·lfenceBeforeRdtsc", 1L);
    m.put("runtime·processorVersionInfo", 4L);
    m.put("runtime·tls_g", 8L);
    m.put("_cgo_init", 8L);
    return m;
  }

  /** The target named {@code name} ({@code GO1_19}), or null. */
  public static Target byName(String name) {
    for (Target t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
