package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed routines, data sections, contracts and macros: each is a compile error with a stable ID on the
 * line marked {@code // <-}, in the right file, and never an internal error. Verification is off the
 * critical path here ({@code failOn=never}), since no malformed routine gets that far.
 */
class MalformedRoutinesTest {
  static final String MARK = "// <-";

  /**
   * A case: a name, the expected ID (or {@code javac:} and the text of javac's own error), and a class body
   * with one line marked.
   */
  record Case(String name, String id, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A routine class around {@code annotations} and {@code body} lines. */
  static String routine(String annotations, String body) {
    return """
        import dev.rtproof.dsl.ir.Operand;
        import dev.rtproof.dsl.ir.Reg;

        @Routines(target = Target.GO1_19)
        final class Bad {
          static long notFinal = 8;

          @Macro
          static void load_g(Reg r) {
            get_tls(r);
            MOVQ(g(r), r);
          }

          %s
          static void bad() {
        %s
          }
        }
        """.formatted(annotations.isEmpty() ? "@Routine(symbol = \"·bad\", flags = NOSPLIT)" : annotations,
        body.lines().map(l -> "    " + l).collect(Collectors.joining("\n")));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // ---- @Routine header and annotations
        new Case("unroll below one", "routine-header",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, unroll = 0) " + MARK, "RET();")),
        new Case("negative args", "routine-header",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = -8) " + MARK, "RET();")),
        // javac itself rejects a missing required element, on the annotation, before rtproof sees the routine
        new Case("missing symbol", "javac:missing a default value for the element 'symbol'",
            routine("@Routine(flags = NOSPLIT) " + MARK, "RET();")),
        new Case("empty symbol", "routine-header",
            routine("@Routine(symbol = \"\", flags = NOSPLIT) " + MARK, "RET();")),
        new Case("ABIInternal without NOSPLIT", "routine-header",
            routine("@Routine(symbol = \"runtime·mcall<ABIInternal>\") " + MARK, "RET();")),
        new Case("unknown TEXT flag bits", "routine-header",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT | 1 << 20) " + MARK, "RET();")),
        new Case("stackguard body is not a label", "bad-property",
            routine("@Routine(symbol = \"·bad\")\n  @StackGuard(body = \"no label\") " + MARK, "RET();")),
        new Case("plain @StackGuard on a NOSPLIT routine", "stackguard-without-prologue",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT)\n  @StackGuard " + MARK, "RET();")),
        new Case("stack alignment not a power of two", "bad-property",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT)\n  @StackAligned(12) " + MARK, "RET();")),
        // ---- @Go and the argument frame
        new Case("bad Go declaration", "bad-go-declaration",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = 8)\n  @Go(\"func bad(a int\") " + MARK,
                "RET();")),
        new Case("Go type whose layout is unknown", "bad-go-declaration",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = 56)\n  @Go(\"func bad(b gobuf)\") " + MARK,
                "RET();")),
        new Case("FP name not in the declaration", "frame-unknown-name",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = 16)\n  @Go(\"func bad(a, b int)\")",
                "MOVQ(arg(\"c\", 8), AX); " + MARK + "\nRET();")),
        new Case("FP offset mismatch", "frame-wrong-offset",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = 8)\n  @Go(\"func bad(a bool, b int16)\")",
                "MOVW(arg(\"b\", 1), AX); " + MARK + "\nRET();")),
        new Case("FP width mismatch", "frame-wrong-width",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = 32)\n"
                + "  @Go(\"func bad(a bool, b int16) (c []byte)\")",
                "MOVB(arg(\"a\", 0), AX);\nMOVL(arg(\"c_len\", 16), AX); " + MARK + "\nMOVQ(AX, arg(\"c_cap\", 24));\n"
                    + "RET();")),
        new Case("args differs from the frame", "frame-args-size",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = 16)\n  @Go(\"func bad(a, b, c int)\") " + MARK,
                "RET();")),
        new Case("RET without writing the result", "frame-ret-unwritten",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, args = 16)\n  @Go(\"func bad(a int) int\")",
                "MOVQ(arg(\"a\", 0), AX);\nRET(); " + MARK)),
        // ---- body statements
        new Case("local variable in a body", "not-an-instruction", routine("", "int x = 1; " + MARK + "\nRET();")),
        new Case("loop in a body", "not-an-instruction",
            routine("", "for (int i = 0; i < 2; i++) { " + MARK + "\n  NOP();\n}\nRET();")),
        new Case("if in a body", "not-an-instruction", routine("", "if (true) { " + MARK + "\n  NOP();\n}\nRET();")),
        new Case("unknown label", "unknown-label", routine("", "JMP(\"nowhere\"); " + MARK + "\nRET();")),
        new Case("duplicate label", "duplicate-label",
            routine("", "label(\"a\");\nNOP();\nlabel(\"a\"); " + MARK + "\nRET();")),
        new Case("pc(n) out of range", "pc-out-of-range", routine("", "JEQ(pc(3)); " + MARK + "\nRET();")),
        new Case("assertion after the last instruction", "assertion-at-end",
            routine("", "RET();\nASSERT(\"SP == 0\"); " + MARK)),
        new Case("macro with the wrong arity", "macro-arity", routine("", "load_g(CX, DX); " + MARK + "\nRET();")),
        new Case("non-constant operand", "non-constant", routine("", "ADDQ($(notFinal), AX); " + MARK + "\nRET();")),
        new Case("method call as an operand value", "non-constant",
            routine("", "ADDQ($(Math.abs(-8)), AX); " + MARK + "\nRET();")),
        new Case("unknown layout constant", "unknown-name",
            routine("", "MOVQ(mem(g_nosuchfield, AX), BX); " + MARK + "\nRET();")),
        new Case("unknown instruction", "unknown-instruction", routine("", "MOVZ(AX, BX); " + MARK + "\nRET();")),
        new Case("wrong operand count", "operand-count", routine("", "MOVQ(AX); " + MARK + "\nRET();")),
        new Case("label name that is not an identifier", "bad-label", routine("", "label(\"1st\"); " + MARK
            + "\nRET();")),
        new Case("GLOBL in a routine", "data-in-routine", routine("", "GLOBL(sym(\"·x\"), 8); " + MARK + "\nRET();")),
        // ---- operand forms and widths
        new Case("scale 3", "bad-scale", routine("", "MOVQ(mem(0, AX, BX, 3), CX); " + MARK + "\nRET();")),
        new Case("SP as an index", "bad-address", routine("", "MOVQ(mem(0, AX, SP, 1), CX); " + MARK + "\nRET();")),
        new Case("memory-to-memory move", "memory-to-memory",
            routine("", "MOVQ(mem(AX), mem(8, BX)); " + MARK + "\nRET();")),
        new Case("immediate destination", "immediate-destination", routine("", "MOVQ(AX, $(1)); " + MARK + "\nRET();")),
        new Case("8-bit register in MOVQ", "width-mismatch", routine("", "MOVQ(AL, BX); " + MARK + "\nRET();")),
        new Case("8-bit register as MOVLQZX source", "width-mismatch",
            routine("", "MOVLQZX(AL, BX); " + MARK + "\nRET();")),
        new Case("ADDQ immediate beyond a sign-extended imm32", "immediate-range",
            routine("", "ADDQ($(0x80000000L), AX); " + MARK + "\nRET();")),
        new Case("MOVQ to memory beyond imm32", "immediate-range",
            routine("", "MOVQ($(0x123456789L), mem(SP)); " + MARK + "\nRET();")),
        new Case("MOVB immediate beyond 8 bits", "immediate-range", routine("", "MOVB($(256), AL); " + MARK + "\nRET();")),
        new Case("shift count in DX", "bad-shift-count", routine("", "SHLQ(DX, AX); " + MARK + "\nRET();")),
        new Case("CMPQ with the immediate first", "bad-operand", routine("", "CMPQ($(1), AX); " + MARK + "\nRET();")),
        new Case("symbol address in ADDQ", "bad-operand",
            routine("", "ADDQ($(sym(\"runtime·g0\")), AX); " + MARK + "\nRET();")),
        new Case("TLS as a destination", "tls-misuse", routine("", "MOVQ(AX, TLS); " + MARK + "\nRET();")),
        new Case("conditional jump through a register", "bad-branch-target", routine("", "JEQ(AX); " + MARK
            + "\nRET();")),
        new Case("local outside the frame", "local-out-of-frame",
            routine("@Routine(symbol = \"·bad\", flags = NOSPLIT, frame = 8)", "MOVQ(local(\"x\", -16), AX); "
                + MARK + "\nRET();")),
        new Case("LOCK before a register operation", "lock-target",
            routine("", "LOCK(); " + MARK + "\nADDQ(AX, BX);\nRET();")),
        new Case("PCALIGN before Go 1.21", "target-unsupported", routine("", "PCALIGN($(8)); " + MARK + "\nRET();")),
        new Case("assertion that does not parse", "bad-expression",
            routine("", "ASSERT(\"SP %% \"); " + MARK + "\nRET();")),
        // ---- data sections and contracts
        new Case("overlapping DATA", "data-overlap", """
            final class Bad {
              @DataSection
              static void data() {
                GLOBL(sym("·x"), NOPTR, 8);
                DATA(sym("·x", 0), 4, $(1));
                DATA(sym("·x", 2), 2, $(1)); // <-
              }
            }
            """),
        new Case("DATA outside its GLOBL", "data-outside", """
            final class Bad {
              @DataSection
              static void data() {
                GLOBL(sym("·x"), NOPTR, 8);
                DATA(sym("·x", 4), 8, $(1)); // <-
              }
            }
            """),
        new Case("DATA without GLOBL", "data-without-globl", """
            final class Bad {
              @DataSection
              static void data() {
                DATA(sym("·y", 0), 8, $(1)); // <-
              }
            }
            """),
        new Case("contract clobbering SP", "bad-contract", """
            @Routines(target = Target.GO1_19)
            @Contract(symbol = "runtime·f", clobbers = "SP") // <-
            final class Bad {
              @Routine(symbol = "·bad", flags = NOSPLIT)
              static void bad() {
                RET();
              }
            }
            """),
        new Case("DATA of width 3", "data-width", """
            final class Bad {
              @DataSection
              static void data() {
                GLOBL(sym("·x"), NOPTR, 8);
                DATA(sym("·x", 0), 3, $(1)); // <-
              }
            }
            """),
        new Case("GLOBL twice", "duplicate-globl", """
            final class Bad {
              @DataSection
              static void data() {
                GLOBL(sym("·x"), NOPTR, 8);
                GLOBL(sym("·x"), NOPTR, 16); // <-
              }
            }
            """),
        new Case("macro that expands itself", "macro-recursion", """
            import dev.rtproof.dsl.ir.Reg;

            @Routines(target = Target.GO1_19)
            final class Bad {
              @Macro
              static void loop(Reg r) {
                INCQ(r);
                loop(r);
              }

              @Routine(symbol = "·bad", flags = NOSPLIT)
              static void bad() {
                loop(AX); // <-
                RET();
              }
            }
            """),
        new Case("register passed for a long macro parameter", "macro-argument", """
            @Routines(target = Target.GO1_19)
            final class Bad {
              @Macro
              static void add(long n) {
                ADDQ($(n), AX);
              }

              @Routine(symbol = "·bad", flags = NOSPLIT)
              static void bad() {
                add(BX); // <-
                RET();
              }
            }
            """),
        new Case("@Routine without @Routines", "missing-routines", """
            final class Bad {
              @Routine(symbol = "·bad", flags = NOSPLIT)
              static void bad() { // <-
                RET();
              }
            }
            """),
        new Case("@Routine method with parameters", "routine-signature", """
            @Routines(target = Target.GO1_19)
            final class Bad {
              @Routine(symbol = "·bad", flags = NOSPLIT)
              static void bad(int x) { // <-
                RET();
              }
            }
            """),
        new Case("two routines with one symbol", "duplicate-symbol", """
            @Routines(target = Target.GO1_19)
            final class Bad {
              @Routine(symbol = "·same", flags = NOSPLIT)
              static void one() {
                RET();
              }

              @Routine(symbol = "·same", flags = NOSPLIT)
              static void two() { // <-
                RET();
              }
            }
            """),
        new Case("contract write range without ..", "bad-contract", """
            @Routines(target = Target.GO1_19)
            @Contract(symbol = "runtime·f", writes = "SP - 64") // <-
            final class Bad {
              @Routine(symbol = "·bad", flags = NOSPLIT)
              static void bad() {
                RET();
              }
            }
            """),
        new Case("two contracts for one symbol", "duplicate-contract", """
            @Routines(target = Target.GO1_19)
            @Contract(symbol = "runtime·f")
            @Contract(symbol = "runtime·f") // <-
            final class Bad {
              @Routine(symbol = "·bad", flags = NOSPLIT)
              static void bad() {
                RET();
              }
            }
            """)
    ).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAnErrorWithItsIdOnItsLine(Case c) {
    JavaFileObject source = Sources.source("Bad", c.body());
    Compilation compilation = javac().withProcessors(new RtproofProcessor()).withOptions("-Artproof.failOn=never")
        .compile(source);
    List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
    List<String> messages = errors.stream().map(d -> d.getMessage(null)).collect(Collectors.toList());
    assertThat(messages).isNotEmpty();
    assertThat(String.join("\n", messages)).doesNotContain("[rtproof/internal-error]");
    int line = Sources.line(c.body(), MARK);
    String prefix = c.id().startsWith("javac:") ? "" : "[rtproof/" + c.id() + "] ";
    String text = c.id().startsWith("javac:") ? c.id().substring("javac:".length()) : "";
    boolean found = errors.stream().anyMatch(d -> d.getMessage(null).startsWith(prefix)
        && d.getMessage(null).contains(text)
        && d.getSource() != null && d.getSource().toUri().getPath().endsWith("dev/t/Bad.java")
        && d.getLineNumber() == line);
    assertThat(found ? "found" : "no " + (prefix + text).trim() + " on line " + line + " of dev/t/Bad.java in " + errors)
        .isEqualTo("found");
  }
}
