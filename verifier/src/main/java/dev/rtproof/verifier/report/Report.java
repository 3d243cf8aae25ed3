package dev.rtproof.verifier.report;

import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What every report format renders: a title, the verdicts in order, and where their sources are. */
public record Report(String title, List<Verdict> verdicts, SourceLocator sources) {
  public Report {
    verdicts = List.copyOf(verdicts);
  }

  /** Counts by status, in enum order. */
  public Map<Status, Integer> counts() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Verdict v : verdicts) {
      counts.merge(v.status(), 1, Integer::sum);
    }
    return counts;
  }

  /** "13 properties: 12 PROVED, 1 VIOLATED". */
  public String summary() {
    StringBuilder b = new StringBuilder().append(verdicts.size()).append(verdicts.size() == 1 ? " property" : " properties");
    String sep = ": ";
    for (Map.Entry<Status, Integer> e : counts().entrySet()) {
      b.append(sep).append(e.getValue()).append(' ').append(e.getKey());
      sep = ", ";
    }
    return b.toString();
  }

  public long totalMillis() {
    return verdicts.stream().mapToLong(Verdict::millis).sum();
  }
}
