package dev.rtproof.verifier.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Task;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.report.VerdictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verdicts kept between builds, one file per property under a directory (by default under
 * {@code target/}), so an unchanged routine is not solved again.
 *
 * <p>The key hashes everything a verdict depends on: the whole program the routine runs in (its routines,
 * globals and contracts, with source positions, because the TLS model, symbol placement and indirect
 * calls depend on all of it and verdicts cite lines), the property, the target, the code of rtproof itself
 * ({@link CodeFingerprint}) and the Z3 version. Only verdicts that are facts are kept: PROVED, VIOLATED
 * (with its replayed counterexample) and VACUOUS; UNKNOWN and ERROR depend on time budgets and bugs, and
 * are solved again.
 *
 * <p>Two builds may share the directory: an entry is written to a temporary file and moved into place
 * atomically, so a reader sees a whole entry or none. An entry that does not parse, is for another key or
 * fails its checksum is ignored (and replaced when the property is solved again).
 */
public final class ProofCache {
  public static final String FORMAT = "rtproof-proof-cache/1";
  private static final Set<Status> KEPT = Set.of(Status.PROVED, Status.VIOLATED, Status.VACUOUS);

  private final Path dir;
  private final ObjectMapper mapper = new ObjectMapper();

  private ProofCache(Path dir) {
    this.dir = dir;
  }

  /** The cache in {@code dir} (created when the first entry is stored). */
  public static ProofCache at(Path dir) {
    return new ProofCache(dir);
  }

  public Path directory() {
    return dir;
  }

  /** The verdicts of a run, in the order of its tasks, and which of them came from the cache. */
  public record Run(List<Verdict> verdicts, List<Boolean> cached) {
    public Run {
      verdicts = List.copyOf(verdicts);
      cached = List.copyOf(cached);
    }

    /** How many verdicts came from the cache. */
    public int hits() {
      return (int) cached.stream().filter(c -> c).count();
    }
  }

  /**
   * The verdicts of {@code tasks}: from the cache where it has them, the rest from {@code verifier} on
   * {@code jobs} threads (and then kept for the next run).
   */
  public Run verifyAll(Verifier verifier, List<Task> tasks, int jobs) {
    Map<Program, String> programs = new IdentityHashMap<>();
    String code = codeFingerprint();
    Verdict[] out = new Verdict[tasks.size()];
    String[] keys = new String[tasks.size()];
    List<Task> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      keys[i] = code == null ? null : key(code, programs.computeIfAbsent(t.program(), ProofCache::programKey), t);
      out[i] = keys[i] == null ? null : lookup(keys[i]);
      if (out[i] == null) {
        missing.add(t);
        where.add(i);
      }
    }
    List<Verdict> solved = verifier.verifyAll(missing, jobs);
    for (int j = 0; j < solved.size(); j++) {
      int i = where.get(j);
      out[i] = solved.get(j);
      if (keys[i] != null && KEPT.contains(out[i].status())) {
        store(keys[i], out[i]);
      }
    }
    List<Boolean> cached = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      cached.add(!where.contains(i));
    }
    return new Run(List.of(out), cached);
  }

  /** The key of {@code task}, or null when some part of it has no canonical form (then it is not cached). */
  static String key(Task task) {
    String code = codeFingerprint();
    return code == null ? null : key(code, programKey(task.program()), task);
  }

  private static String key(String code, String program, Task t) {
    if (program == null) {
      return null;
    }
    try {
      return new Fingerprint().add(FORMAT).add(code).add(Verifier.z3Version()).add(program)
          .add(t.routine().symbol()).add(t.property()).hex();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String programKey(Program p) {
    try {
      return new Fingerprint().add(List.copyOf(p.routines())).add(p.data()).add(p.contracts()).hex();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String codeFingerprint() {
    try {
      return CodeFingerprint.get();
    } catch (IOException e) {
      return null;
    }
  }

  /** The verdict stored under {@code key}, or null for none or a damaged entry. */
  Verdict lookup(String key) {
    Path file = file(key);
    try {
      JsonNode root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
      JsonNode verdict = root.path("verdict");
      if (!FORMAT.equals(root.path("format").asText()) || !key.equals(root.path("key").asText())
          || !checksum(verdict).equals(root.path("checksum").asText())) {
        return null;
      }
      return VerdictJson.read(verdict, root.path("z3").asText());
    } catch (IOException | RuntimeException e) {
      return null; // missing, unreadable or damaged: solve again
    }
  }

  /** Keeps {@code v} under {@code key}; a cache that cannot be written only costs time, so failures are ignored. */
  void store(String key, Verdict v) {
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      ObjectNode root = mapper.createObjectNode();
      root.put("format", FORMAT);
      root.put("key", key);
      root.put("z3", v.z3Version());
      ObjectNode verdict = mapper.createObjectNode();
      VerdictJson.write(verdict, v, null);
      root.put("checksum", checksum(verdict));
      root.set("verdict", verdict);
      tmp = Files.createTempFile(dir, key, ".tmp");
      Files.writeString(tmp, mapper.writeValueAsString(root), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // not kept; the next run solves it again
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file is harmless
        }
      }
    }
  }

  private Path file(String key) {
    return dir.resolve(key + ".json");
  }

  private String checksum(JsonNode verdict) throws IOException {
    return new Fingerprint().add(mapper.writeValueAsString(verdict)).hex();
  }
}
