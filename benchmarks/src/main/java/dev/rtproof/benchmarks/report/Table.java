package dev.rtproof.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Markdown table: a header row, then rows of cells. Columns whose header starts with {@code >} are
 * right-aligned (numbers); a {@code |} inside a cell is escaped so it cannot split the row.
 */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** Columns by header; prefix a header with {@code >} to right-align its column. */
  public Table(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row; it must have one cell per column. */
  public Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size()
          + " columns: " + Arrays.toString(cells));
    }
    rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    return this;
  }

  @Override
  public String toString() {
    StringBuilder md = new StringBuilder("|");
    for (String h : header) {
      md.append(' ').append(escape(h.startsWith(">") ? h.substring(1) : h)).append(" |");
    }
    md.append("\n|");
    for (String h : header) {
      md.append(h.startsWith(">") ? "---:|" : "---|");
    }
    md.append('\n');
    for (List<String> row : rows) {
      md.append('|');
      for (String cell : row) {
        md.append(' ').append(escape(cell)).append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|").replace("\n", " ");
  }
}
