package dev.rtproof.dsl.ir;

/**
 * Where an IR node came from: a source file path (package-relative for Java, as given for {@code .s}),
 * a 1-based line and a 1-based column. {@link #NONE} marks nodes with no source of their own.
 */
public record SourcePos(String file, int line, int column) {
  public static final SourcePos NONE = new SourcePos("", 0, 0);

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public String toString() {
    return isKnown() ? file + ":" + line : "<no source>";
  }
}
