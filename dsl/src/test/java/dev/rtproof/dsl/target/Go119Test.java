package dev.rtproof.dsl.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Go119 constant is the value Go 1.19's real go_asm.h (compile -asmhdr of runtime) defines. */
class Go119Test {
  private static Map<String, Long> header() throws IOException {
    Map<String, Long> out = new HashMap<>();
    try (InputStream in = Go119Test.class.getResourceAsStream("/go1.19/runtime_go_asm.h")) {
      assertNotNull(in, "the Go 1.19 runtime go_asm.h test resource");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 3 && f[0].equals("#define") && f[2].matches("-?\\d+")) {
          out.put(f[1], new BigInteger(f[2]).longValue());
        }
      }
    }
    return out;
  }

  @Test
  void everyConstantMatchesTheRealHeader() throws IOException {
    Map<String, Long> header = header();
    Map<String, Long> ours = Target.GO1_19.profile().constants();
    assertTrue(ours.size() > 90, "a useful subset: " + ours.size());
    ours.forEach((name, value) -> assertEquals(header.get(name), value, name));
  }

  @Test
  void theReferenceFactsHold() {
    var p = Target.GO1_19.profile();
    assertEquals(48, p.constant("g_m"));
    assertEquals(136, p.constant("m_tls"));
    assertEquals(928, p.constant("const__StackGuard"));
    assertEquals(0xfffffffffffffadeL, p.constant("const_stackPreempt"));
    assertEquals(392, p.runtimeSymbolSizes().get("runtime·g0"));
  }
}
