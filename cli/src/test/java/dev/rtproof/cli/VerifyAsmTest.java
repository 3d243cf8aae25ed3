package dev.rtproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtproof verify --asm}: Go assembly text verified with properties from the command line. */
class VerifyAsmTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static Path settls(Path dir) throws IOException {
    try (InputStream in = VerifyAsmTest.class.getResourceAsStream("/asm/settls.s")) {
      return Files.write(dir.resolve("settls.s"), in.readAllBytes());
    }
  }

  @Test
  void goAssemblyIsVerifiedWithTheGivenPropertiesAndRequirements(@TempDir Path dir) throws IOException {
    Path s = settls(dir);
    int rc = run("verify", "--asm", s.toString(), "--report-dir", dir.resolve("r").toString(),
        "--property", "stack-balance", "--property", "no-fault", "--property", "ensures=FS == entry(DI) + 8",
        "--requires", "DI + 8 < 0x7ffffffff000");
    assertEquals(0, rc, out + "\n" + err);
    assertTrue(out.toString().contains("3 properties: 3 PROVED"), out.toString());
    String md = Files.readString(dir.resolve("r/report.md"));
    assertTrue(md.contains(s.getFileName().toString()), md);
  }

  @Test
  void aWeakerRequirementGivesTheKernelsCounterexample(@TempDir Path dir) throws IOException {
    int rc = run("verify", "--asm", settls(dir).toString(), "--report-dir", dir.resolve("r").toString(),
        "--property", "no-fault", "--requires", "DI + 8 < 0x800000000000");
    assertEquals(1, rc, out.toString());
    assertTrue(out.toString().contains("VIOLATED runtime·settls"), out.toString());
    assertTrue(out.toString().contains("settls.s:"), "the failing line of the .s file: " + out);
  }

  @Test
  void badInputNamesTheProblem(@TempDir Path dir) throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.s"), "TEXT ·f(SB),$0\n\tMOVQ $1, $2\n\tRET\n");
    assertEquals(2, run("verify", "--asm", broken.toString(), "--property", "stack-balance"));
    assertTrue(err.toString().contains("broken.s:2:"), err.toString());
    assertEquals(2, run("verify", "--asm", settls(dir).toString(), "--property", "stack-alignmnt"));
    assertTrue(err.toString().contains("'stack-alignmnt' is not a property"), err.toString());
    assertEquals(2, run("verify", "--asm", settls(dir).toString()));
    assertTrue(err.toString().contains("--asm needs at least one --property"), err.toString());
    assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
  }
}
