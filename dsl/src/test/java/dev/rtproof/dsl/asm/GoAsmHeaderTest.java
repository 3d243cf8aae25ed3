package dev.rtproof.dsl.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.target.TargetProfile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated go_asm.h: Go's format, every profile constant, readable by our parser and by Go's assembler. */
class GoAsmHeaderTest {
  private final TargetProfile profile = Target.GO1_19.profile();

  @Test
  void writesDefinesTheWayCompileAsmhdrDoes() {
    String h = GoAsmHeader.generate(profile);
    assertTrue(h.contains("\n#define g_m 48\n"), h);
    assertTrue(h.contains("\n#define m_tls 136\n"), h);
    // uintptr constants are unsigned in Go's header (18446744073709550302 = 0xfffffffffffffade)
    assertTrue(h.contains("\n#define const_stackPreempt 18446744073709550302\n"), h);
    assertEquals(h, GoAsmHeader.generate(profile), "deterministic");
  }

  @Test
  void everyConstantReadsBackWithItsValue() throws AsmException {
    StringBuilder s = new StringBuilder("#include \"go_asm.h\"\nTEXT ·f(SB), $0\n");
    for (String name : profile.constants().keySet()) {
      s.append("\tMOVQ $").append(name).append(", AX\n");
    }
    s.append("\tRET\n");
    var instrs = AsmParser.parse("h.s", s.toString(), AsmParser.Options.defaults()).routines().get(0).routine().instrs();
    int i = 0;
    for (Map.Entry<String, Long> c : profile.constants().entrySet()) {
      assertEquals(new Imm(c.getValue()), instrs.get(i++).arg(0), c.getKey());
    }
  }

  @Test
  void goToolAsmAcceptsItAndItsValues(@TempDir Path dir) throws Exception {
    String source = "#include \"go_asm.h\"\n#include \"textflag.h\"\nTEXT ·f(SB), NOSPLIT, $0\n"
        + "\tMOVQ (g_sched+gobuf_sp)(R14), AX\n\tMOVQ $const_stackPreempt, BX\n\tRET\n";
    GoAssembler.Result r = new GoAssembler().assemble(dir, "h.s", source, profile, "main");
    assertTrue(r.ok(), r.output());
  }
}
