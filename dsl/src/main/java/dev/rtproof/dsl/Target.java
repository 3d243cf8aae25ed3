package dev.rtproof.dsl;

import dev.rtproof.dsl.target.Go119;
import dev.rtproof.dsl.target.TargetProfile;
import dev.rtproof.dsl.target.TargetProfile.FrameStyle;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Go version a class of routines is written for; names a {@link TargetProfile}. */
public enum Target {
  /** Go 1.17–1.24 layouts (go_asm.h of 1.19), 1.17+ prologue (g in R14), frames of Go ≤ 1.20. */
  GO1_19;

  private volatile TargetProfile profile;

  /** The profile's data: layout constants, frame style, runtime symbol sizes. */
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
      case GO1_19 -> new TargetProfile("GO1_19", "go1.19", Go119.class, FrameStyle.STORE_BP,
          runtimeSymbols(Go119.g__size, Go119.m__size, Go119.schedt__size));
    };
  }

  private static Map<String, Long> runtimeSymbols(long gSize, long mSize, long schedSize) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("runtime·g0", gSize);
    m.put("runtime·m0", mSize);
    m.put("runtime·sched", schedSize);
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
