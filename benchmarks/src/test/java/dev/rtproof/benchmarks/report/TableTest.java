package dev.rtproof.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void formatsHeaderAlignmentAndRows() {
    String md = new Table("routine", ">ms").row("`·spin`", 12).row("a|b", 3.5).toString();
    assertEquals("""
        | routine | ms |
        |---|---:|
        | `·spin` | 12 |
        | a\\|b | 3.5 |
        """, md);
  }

  @Test
  void aRowMustFillEveryColumn() {
    Table t = new Table("a", "b");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.row("only one"));
    assertEquals("a row of 1 cells in a table of 2 columns: [only one]", e.getMessage());
  }
}
