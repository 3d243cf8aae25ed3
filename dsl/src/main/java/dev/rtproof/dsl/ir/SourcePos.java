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

  // Written out: a record's own equals and hashCode are linked through method handles on first use, which in
  // javac's fresh JVM (the processor keys positions by SourcePos) spun some 45 classes.
  @Override
  public boolean equals(Object o) {
    return o instanceof SourcePos p && line == p.line && column == p.column && file.equals(p.file);
  }

  @Override
  public int hashCode() {
    return (file.hashCode() * 31 + line) * 31 + column;
  }

  @Override
  public String toString() {
    return isKnown() ? file + ":" + line : "<no source>";
  }
}
