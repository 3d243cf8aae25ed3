package dev.rtproof.verifier.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Task;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import dev.rtproof.verifier.replay.Replayer;
import dev.rtproof.verifier.report.ViolatingRoutines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unchanged routine is not solved again; anything that could change its verdict changes the key. */
class ProofCacheTest {
  @TempDir
  Path dir;

  private static final Verifier VERIFIER = new Verifier(VerifyOptions.defaults());

  private static List<Task> tasks(long limit) {
    return Task.of(new Program(List.of(ViolatingRoutines.aborting(limit))));
  }

  private static ProofCache.Run run(Path dir, List<Task> tasks) {
    return ProofCache.at(dir).verifyAll(VERIFIER, tasks, 1);
  }

  @Test
  void theSecondRunAsksZ3NothingAndGivesTheSameVerdicts() {
    long before = Verifier.solverCalls();
    ProofCache.Run first = run(dir, tasks(5));
    long firstCalls = Verifier.solverCalls() - before;
    assertEquals(0, first.hits());
    assertTrue(firstCalls > 0, "the first run solves");
    assertEquals(List.of(Status.VIOLATED, Status.PROVED), first.verdicts().stream().map(Verdict::status).toList());

    long mid = Verifier.solverCalls();
    ProofCache.Run second = run(dir, tasks(5)); // a new program and a new cache object: as in the next build
    assertEquals(0, Verifier.solverCalls() - mid, "no solver call for unchanged routines");
    assertEquals(2, second.hits());
    for (int i = 0; i < 2; i++) {
      Verdict a = first.verdicts().get(i);
      Verdict b = second.verdicts().get(i);
      assertEquals(a.toString(), b.toString());
      assertEquals(a.pos(), b.pos());
      assertEquals(a.assumptions(), b.assumptions());
    }
    Routine r = tasks(5).get(0).routine();
    var cex = second.verdicts().get(0).counterexample();
    assertTrue(Replayer.interpreting(List.of(r), List.of()).replay(r.symbol(), cex.initial(), cex.violation())
        .observed(), "a cached counterexample still replays");
  }

  @Test
  void keysAreStableAndFollowWhatVerdictsDependOn() {
    String key = ProofCache.key(tasks(5).get(0));
    assertNotNull(key);
    assertEquals(key, ProofCache.key(tasks(5).get(0)), "the same routine built again has the same key");
    assertNotEquals(key, ProofCache.key(tasks(6).get(0)), "another immediate");
    assertNotEquals(key, ProofCache.key(tasks(5).get(1)), "another property");
    Routine moved = Routine.builder("runtime·other", "GO1_19").at(2, 5).instr(dev.rtproof.dsl.ir.Op.RET).build();
    Program bigger = new Program(List.of(ViolatingRoutines.aborting(5), moved));
    Task sameRoutineOtherProgram = new Task(bigger, bigger.routine("runtime·checker"), tasks(5).get(0).property());
    assertNotEquals(key, ProofCache.key(sameRoutineOtherProgram), "the program around the routine");
  }

  @Test
  void unknownVerdictsAreSolvedAgain() {
    Verifier hurried = new Verifier(VerifyOptions.defaults().withTimeout(Duration.ofMillis(1)));
    ProofCache.Run first = ProofCache.at(dir).verifyAll(hurried, tasks(5), 1);
    assertTrue(first.verdicts().stream().allMatch(v -> v.status() == Status.UNKNOWN), first.verdicts().toString());
    assertEquals(0, ProofCache.at(dir).verifyAll(hurried, tasks(5), 1).hits());
    assertEquals(0, run(dir, tasks(5)).hits(), "a full budget solves them");
  }

  @Test
  void aDamagedEntryIsIgnoredAndReplaced() throws IOException {
    run(dir, tasks(5));
    List<Path> entries = entries();
    assertEquals(2, entries.size());
    String torn = Files.readString(entries.get(0));
    Files.writeString(entries.get(0), torn.substring(0, torn.length() / 2));
    String edited = Files.readString(entries.get(1));
    String flipped = edited.contains("\"VIOLATED\"") ? edited.replace("\"VIOLATED\"", "\"PROVED\"")
        : edited.replace("\"PROVED\"", "\"VIOLATED\"");
    assertNotEquals(edited, flipped);
    Files.writeString(entries.get(1), flipped); // still JSON, but the checksum no longer matches
    long before = Verifier.solverCalls();
    ProofCache.Run again = run(dir, tasks(5));
    assertEquals(0, again.hits());
    assertTrue(Verifier.solverCalls() > before);
    assertEquals(List.of(Status.VIOLATED, Status.PROVED), again.verdicts().stream().map(Verdict::status).toList());
    assertEquals(2, run(dir, tasks(5)).hits(), "the damaged entries were replaced");
  }

  @Test
  void anEntryForAnotherKeyIsNotUsed() throws IOException {
    run(dir, tasks(5));
    String key = ProofCache.key(tasks(5).get(1));
    String other = ProofCache.key(tasks(6).get(1));
    Files.copy(dir.resolve(key + ".json"), dir.resolve(other + ".json"));
    assertNull(ProofCache.at(dir).lookup(other));
    assertNotNull(ProofCache.at(dir).lookup(key));
  }

  @Test
  void concurrentWritersNeverShowAReaderAPartialEntry() throws Exception {
    Verdict v = run(dir, tasks(5)).verdicts().get(0);
    String key = ProofCache.key(tasks(5).get(0));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            ProofCache.at(dir).store(key, v);
          }
        }));
      }
      Future<Integer> reader = pool.submit(() -> {
        int seen = 0;
        for (int i = 0; i < 400; i++) {
          Verdict read = ProofCache.at(dir).lookup(key);
          assertNotNull(read, "an entry is always whole");
          assertEquals(v.toString(), read.toString());
          seen++;
        }
        return seen;
      });
      for (Future<?> f : writers) {
        f.get();
      }
      assertEquals(400, reader.get());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, entries().size(), "no temporary files are left behind");
  }

  @Test
  void valuesWithoutACanonicalFormAreRefusedNotHashedByIdentity() {
    assertThrows(IllegalArgumentException.class, () -> new Fingerprint().add(new Object()));
    Map<String, Long> a = new LinkedHashMap<>();
    a.put("x", 1L);
    a.put("y", 2L);
    assertEquals(new Fingerprint().add(a).hex(), new Fingerprint().add(Map.of("y", 2L, "x", 1L)).hex());
    assertNotEquals(new Fingerprint().add(List.of("ab", "c")).hex(), new Fingerprint().add(List.of("a", "bc")).hex());
    assertNotEquals(new Fingerprint().add(1L).hex(), new Fingerprint().add("1").hex());
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
