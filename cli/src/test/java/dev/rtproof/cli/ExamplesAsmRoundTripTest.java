package dev.rtproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmFile;
import dev.rtproof.dsl.asm.AsmParser;
import dev.rtproof.dsl.asm.AsmPrinter;
import dev.rtproof.dsl.asm.GoAssembler;
import dev.rtproof.dsl.asm.RoutineCode;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.DataSection;
import dev.rtproof.verifier.RoutineCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's acceptance for every compiled example (every routine a generated program on the classpath
 * holds, and every {@code @DataSection}): Java DSL → .s → parse gives the same IR, and {@code go tool asm}
 * accepts the .s with the target's generated go_asm.h.
 */
class ExamplesAsmRoundTripTest {
  private final Map<String, Program> programs =
      new RoutineCatalog(Thread.currentThread().getContextClassLoader()).programsByTarget();
  private final List<DataSymbol> data = ServiceLoader.load(DataSection.class).stream()
      .flatMap(d -> d.get().symbols().stream()).toList();

  @Test
  void theExamplesAreThere() {
    List<String> symbols = programs.values().stream().flatMap(p -> p.routines().stream()).map(Routine::symbol).toList();
    assertTrue(symbols.containsAll(List.of("runtime·settls", "runtime·rt0_go")), symbols.toString());
  }

  @Test
  void javaToAsmToIrIsTheSameIr() throws Exception {
    for (Program p : programs.values()) {
      for (Routine r : p.routines()) {
        String text = AsmPrinter.print(List.of(r), List.of(), AsmPrinter.Options.withSourceComments());
        AsmFile back = AsmParser.parse(r.symbol() + ".s", text, new AsmParser.Options(Target.byName(r.target()), List.of()));
        assertEquals(1, back.routines().size());
        assertEquals(RoutineCode.of(r), RoutineCode.of(back.routines().get(0).routine()), text);
      }
    }
  }

  @Test
  void dataSectionsComeBackTheSame() throws Exception {
    assertTrue(data.stream().anyMatch(d -> d.name().equals("·Id")), "seed 003's ·Id");
    String text = AsmPrinter.print(List.of(), data, AsmPrinter.Options.plain());
    AsmFile back = AsmParser.parse("data.s", text, AsmParser.Options.defaults());
    assertEquals(data.stream().map(RoutineCode::of).toList(), back.data().stream().map(RoutineCode::of).toList(), text);
  }

  @Test
  void goToolAsmAcceptsThePrintedExamples(@TempDir Path dir) throws Exception {
    for (Map.Entry<String, Program> e : programs.entrySet()) {
      Program p = e.getValue();
      String text = AsmPrinter.print(List.copyOf(p.routines()), data, AsmPrinter.Options.plain());
      GoAssembler.Result r = new GoAssembler().assemble(dir, e.getKey() + ".s", text, p.profile(), "main");
      assertTrue(r.ok(), r.output() + "\n" + text);
    }
  }
}
