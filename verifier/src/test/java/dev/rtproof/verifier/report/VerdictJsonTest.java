package dev.rtproof.verifier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Task;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import dev.rtproof.verifier.replay.Replayer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verdict survives JSON whole: its counterexample reads back, replays, and writes the same bytes again. */
class VerdictJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Routine routine;
  private static List<Verdict> verdicts;

  @BeforeAll
  static void verify() {
    routine = ViolatingRoutines.aborting(5);
    verdicts = new Verifier(VerifyOptions.defaults()).verifyAll(Task.of(new Program(List.of(routine))), 1);
  }

  private static String json(Verdict v) throws Exception {
    ObjectNode n = MAPPER.createObjectNode();
    VerdictJson.write(n, v, null);
    return MAPPER.writeValueAsString(n);
  }

  @Test
  void aViolationReadBackIsTheSameViolationAndReplays() throws Exception {
    Verdict v = verdicts.get(0);
    assertEquals(Status.VIOLATED, v.status(), v.toString());
    Counterexample written = v.counterexample();
    assertFalse(written.initial().calls().isEmpty(), "the answer of runtime·f is part of the initial state");
    assertFalse(written.initial().cpuid().isEmpty(), "the CPUID answer is part of the initial state");

    Verdict back = VerdictJson.read(MAPPER.readTree(json(v)), v.z3Version());
    assertEquals(json(v), json(back));
    assertEquals(v.routine(), back.routine());
    assertEquals(v.label(), back.label());
    assertEquals(v.message(), back.message());
    assertEquals(v.pos(), back.pos());
    Counterexample c = back.counterexample();
    assertNotNull(c.initial());
    assertEquals(written.violation(), c.violation());
    assertEquals(written.replay(), c.replay());
    assertEquals(written.initial().registerSummary(), c.initial().registerSummary());
    assertEquals(written.initial().calls().get(0).registers(), c.initial().calls().get(0).registers());
    assertTrue(Replayer.interpreting(List.of(routine), List.of())
        .replay(routine.symbol(), c.initial(), c.violation()).observed(), "the read-back counterexample replays");
  }

  @Test
  void aProofReadBackIsTheSameProof() throws Exception {
    Verdict v = verdicts.get(1);
    assertEquals(Status.PROVED, v.status(), v.toString());
    Verdict back = VerdictJson.read(MAPPER.readTree(json(v)), v.z3Version());
    assertEquals(v, back);
  }

  @Test
  void theJsonReportCarriesTheReplayToo(@TempDir Path dir) throws Exception {
    Path file = ReportWriter.write(dir, new Report("t", verdicts, SourceLocator.under(dir)),
        List.of(new JsonReport())).get(0);
    List<Verdict> back = JsonReportReader.read(file);
    assertEquals(json(verdicts.get(0)), json(back.get(0)));
    assertNotNull(back.get(0).counterexample().initial());
  }
}
