package dev.rtproof.verifier.report;

import dev.rtproof.verifier.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the proof report of a run in every format (or the ones asked for). Each file is written under a
 * temporary name and moved into place, so a reader never sees half a report.
 */
public final class ReportWriter {
  /** Every format, in the order they are written. */
  public static final List<ReportFormat> FORMATS = List.of(new MarkdownReport(), new JsonReport(), new JUnitXmlReport(),
      new SarifReport(), new HtmlReport());

  private ReportWriter() {}

  /** Counts by status, in enum order. */
  public static java.util.Map<dev.rtproof.verifier.Status, Integer> counts(List<Verdict> verdicts) {
    return new Report("", verdicts, SourceLocator.none()).counts();
  }

  /** The formats named (md, json, junit, sarif, html); throws on an unknown name. */
  public static List<ReportFormat> formats(List<String> names) {
    List<ReportFormat> out = new ArrayList<>();
    for (String n : names) {
      out.add(FORMATS.stream().filter(f -> f.name().equals(n)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("'" + n + "' is not a report format (md, json, junit, sarif, html)")));
    }
    return out;
  }

  /** Writes every format for {@code verdicts} into {@code dir}; returns the paths written. */
  public static List<Path> write(Path dir, String title, List<Verdict> verdicts) {
    return write(dir, new Report(title, verdicts, SourceLocator.none()), FORMATS);
  }

  public static List<Path> write(Path dir, Report report, List<ReportFormat> formats) {
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      for (ReportFormat f : formats) {
        Path target = dir.resolve(f.fileName());
        String text = f.render(report);
        Path tmp = Files.createTempFile(dir, f.fileName(), ".tmp");
        try {
          Files.writeString(tmp, text, StandardCharsets.UTF_8);
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
        written.add(target);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rtproof report to " + dir, e);
    }
  }
}
