package dev.rtproof.examples;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.processor.RtproofProcessor;
import java.nio.file.Path;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 003's examples run in the emulator, and the seed's own mistake is a compile error. */
class Seed003Test {
  private final Emulator emulator = Examples.emulator("GO1_19");

  @Test
  void getIdReads9527() {
    Machine m = emulator.newMachine();
    long fp = m.sp();
    RunResult r = emulator.run(m, "·GetId");
    assertTrue(r.returned(), String.valueOf(r.trap()));
    assertEquals(9527L, m.load(fp, 8), "ret+0(FP)");
  }

  @Test
  void swapReturnsItsArgumentsSwapped() {
    Machine m = emulator.newMachine();
    long fp = m.sp();
    m.store(fp, 8, 0x1111L);
    m.store(fp + 8, 8, -2L);
    RunResult r = emulator.run(m, "·Swap");
    assertTrue(r.returned(), String.valueOf(r.trap()));
    assertEquals(-2L, m.load(fp + 16, 8), "ret+16(FP) = b");
    assertEquals(0x1111L, m.load(fp + 24, 8), "ret1+24(FP) = a");
  }

  @Test
  void fooReadsEachArgumentAtItsOffsetAndReturnsNil() {
    Machine m = emulator.newMachine();
    long fp = m.sp();
    m.store(fp, 8, 0x7777_0000_0000_0001L);        // a = true at 0, garbage in the padding after it
    m.store(fp + 2, 2, 0xbeefL);                   // b at 2
    for (int i = 8; i < 32; i += 8) {
      m.store(fp + i, 8, -1L);
    }
    RunResult r = emulator.run(m, "·Foo");
    assertTrue(r.returned(), String.valueOf(r.trap()));
    assertEquals(1L, m.get(dev.rtproof.dsl.ir.Reg.AX) & 0xff);
    assertEquals(0xbeefL, m.get(dev.rtproof.dsl.ir.Reg.BX) & 0xffff);
    for (int i = 8; i < 32; i += 8) {
      assertEquals(0L, m.load(fp + i, 8), "c word at " + i);
    }
  }

  /** The seed's Foo reads {@code a+0(FP)} with an 8-byte move; a is a 1-byte bool. */
  @Test
  void theSeedsEightByteMoveOfTheBoolIsACompileError(@TempDir Path reports) {
    JavaFileObject source = JavaFileObjects.forSourceLines("dev.rtproof.examples.SeedFoo",
        "package dev.rtproof.examples;",
        "",
        "import static dev.rtproof.dsl.Amd64.*;",
        "",
        "import dev.rtproof.dsl.Go;",
        "import dev.rtproof.dsl.Routine;",
        "import dev.rtproof.dsl.Routines;",
        "import dev.rtproof.dsl.Target;",
        "",
        "@Routines(target = Target.GO1_19)",
        "final class SeedFoo {",
        "  @Routine(symbol = \"·Foo\", args = 32)",
        "  @Go(\"func Foo(a bool, b int16) (c []byte)\")",
        "  static void foo() {",
        "    MOVQ(arg(\"a\", 0), AX);",
        "    MOVW(arg(\"b\", 2), BX);",
        "    MOVQ($(0), arg(\"c_base\", 8));",
        "    MOVQ($(0), arg(\"c_len\", 16));",
        "    MOVQ($(0), arg(\"c_cap\", 24));",
        "    RET();",
        "  }",
        "}");
    // Its own report directory: target/rtproof holds the examples' verdicts (ExpectedVerdictsTest reads them).
    Compilation c = javac().withProcessors(new RtproofProcessor()).withOptions("-Artproof.reportDir=" + reports)
        .compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[rtproof/frame-wrong-width] invalid MOVQ of a+0(FP); bool is 1-byte value")
        .inFile(source).onLine(15);
    assertEquals(1, c.errors().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count(), c.errors().toString());
  }
}
