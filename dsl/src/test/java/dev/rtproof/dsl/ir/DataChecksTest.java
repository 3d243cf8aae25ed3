package dev.rtproof.dsl.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** GLOBL/DATA rules and the initial image they give. */
class DataChecksTest {
  private static SourcePos line(int n) {
    return new SourcePos("t.s", n, 1);
  }

  private static DataSymbol.Init data(long offset, int width, long value, int line) {
    return new DataSymbol.Init(offset, width, new Imm(value), line(line));
  }

  private static List<String> ids(DataSymbol d) {
    return DataChecks.check(d).stream().map(Problem::id).collect(Collectors.toList());
  }

  @Test
  void seed003sIdReads9527() {
    List<DataSymbol.Init> inits = new ArrayList<>(List.of(data(0, 1, 0x37, 2), data(1, 1, 0x25, 3)));
    for (int i = 2; i < 8; i++) {
      inits.add(data(i, 1, 0, 2 + i));
    }
    DataSymbol id = new DataSymbol("·Id", TextFlags.NOPTR, 8, inits, line(1));
    assertEquals(List.of(), DataChecks.check(id));
    assertEquals(9527, ByteBuffer.wrap(id.image()).order(ByteOrder.LITTLE_ENDIAN).getLong());
  }

  @Test
  void wideDataIsLittleEndianAndAddressesAreLeftToTheLoader() {
    DataSymbol d = new DataSymbol("·Name", 0, 16, List.of(
        new DataSymbol.Init(0, 8, new SymAddr("·NameData", 0), line(2)), data(8, 4, 0x01020304, 3)), line(1));
    assertEquals(List.of(), DataChecks.check(d));
    byte[] image = d.image();
    assertEquals(0x04, image[8]);
    assertEquals(0x01, image[11]);
    assertEquals(0, image[0]);
    assertEquals(1, d.addresses().size());
  }

  @Test
  void overlappingDataIsReportedOnTheLaterLine() {
    DataSymbol d = new DataSymbol("·x", 0, 8, List.of(data(0, 4, 1, 2), data(2, 2, 1, 3)), line(1));
    List<Problem> p = DataChecks.check(d);
    assertEquals(1, p.size());
    assertEquals("data-overlap", p.get(0).id());
    assertEquals(3, p.get(0).pos().line());
    assertTrue(p.get(0).message().contains("(line 2)"), p.get(0).message());
  }

  @Test
  void dataOutsideTheSymbolOrTooWideOrUnfitIsAnError() {
    assertEquals(List.of("data-outside"), ids(new DataSymbol("·x", 0, 4, List.of(data(2, 4, 0, 2)), line(1))));
    assertEquals(List.of("data-outside"), ids(new DataSymbol("·x", 0, 4, List.of(data(-1, 1, 0, 2)), line(1))));
    assertEquals(List.of("data-width"), ids(new DataSymbol("·x", 0, 8, List.of(data(0, 3, 0, 2)), line(1))));
    assertEquals(List.of("immediate-range"), ids(new DataSymbol("·x", 0, 8, List.of(data(0, 1, 256, 2)), line(1))));
    assertEquals(List.of(), ids(new DataSymbol("·x", 0, 8, List.of(data(0, 1, -128, 2)), line(1))));
    assertEquals(List.of("data-width"), ids(new DataSymbol("·x", 0, 8,
        List.of(new DataSymbol.Init(0, 4, new SymAddr("·y", 0), line(2))), line(1))));
  }

  @Test
  void globlFlagsAndSizeAreChecked() {
    assertEquals(List.of("globl-flags"), ids(new DataSymbol("·x", TextFlags.NOSPLIT, 8, List.of(), line(1))));
    assertEquals(List.of("globl-size"), ids(new DataSymbol("·x", 0, -8, List.of(), line(1))));
    assertEquals(List.of(), ids(new DataSymbol("·x", TextFlags.NOPTR | TextFlags.RODATA, 8, List.of(), line(1))));
  }
}
