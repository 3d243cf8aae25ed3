package dev.rtproof.verifier.report;

import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import java.util.Locale;

/**
 * {@code TEST-rtproof.xml} in Surefire's format, so CI test views show proofs: PROVED passes, VIOLATED
 * and VACUOUS are failures, UNKNOWN and ERROR are errors. The routine is the class, the property the test.
 */
public final class JUnitXmlReport implements ReportFormat {
  @Override
  public String name() {
    return "junit";
  }

  @Override
  public String fileName() {
    return "TEST-rtproof.xml";
  }

  @Override
  public String render(Report r) {
    long failures = r.verdicts().stream().filter(v -> v.status() == Status.VIOLATED || v.status() == Status.VACUOUS).count();
    long errors = r.verdicts().stream().filter(v -> v.status() == Status.UNKNOWN || v.status() == Status.ERROR).count();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd\"")
        .append(" name=\"rtproof\" time=\"").append(seconds(r.totalMillis())).append("\" tests=\"").append(r.verdicts().size())
        .append("\" errors=\"").append(errors).append("\" skipped=\"0\" failures=\"").append(failures).append("\">\n");
    b.append("  <properties>\n    <property name=\"z3\" value=\"").append(xml(Verifier.z3Version())).append("\"/>\n")
        .append("    <property name=\"title\" value=\"").append(xml(r.title())).append("\"/>\n  </properties>\n");
    for (Verdict v : r.verdicts()) {
      b.append("  <testcase name=\"").append(xml(v.label())).append("\" classname=\"").append(xml(v.routine()))
          .append("\" time=\"").append(seconds(v.millis())).append("\"");
      String element = switch (v.status()) {
        case PROVED -> null;
        case VIOLATED, VACUOUS -> "failure";
        case UNKNOWN, ERROR -> "error";
      };
      if (element == null) {
        b.append("/>\n");
        continue;
      }
      String where = v.pos().isKnown() ? r.sources().uri(v.pos()) + ":" + v.pos().line() : "";
      b.append(">\n    <").append(element).append(" message=\"").append(xml(v.status() + ": " + v.message()))
          .append("\" type=\"").append(v.status()).append("\">").append(xml(where + "\n" + v.message()
              + (v.counterexample() == null ? "" : "\n" + v.counterexample().summary())
              + "\nassumptions:\n  " + String.join("\n  ", v.assumptions())))
          .append("</").append(element).append(">\n  </testcase>\n");
    }
    return b.append("</testsuite>\n").toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\n' -> b.append("&#10;");
        default -> b.append(c < 0x20 && c != '\t' ? '?' : c);
      }
    }
    return b.toString();
  }
}
