package dev.rtproof.dsl.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rtproof.dsl.ir.GoTool;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ArgFrame} and {@link FrameLayoutCheck} against {@code go vet}'s asmdecl (Go 1.19): for each
 * declaration, assembly that touches every part at rtproof's offset and width passes vet and rtproof's
 * check; the same with one offset or one width off fails both, with the same kind of complaint.
 */
class ArgFrameAgainstGoVetTest {
  private static final List<String> DECLS = List.of(
      "func f0(a bool, b int16) (c []byte)",
      "func f1(a, b int) (int, int)",
      "func f2(x uint8) (r uint8)",
      "func f3(s string, e interface{}, i error, z complex64, w complex128, p unsafe.Pointer) (ok bool)",
      "func f4(a [3]uint16, s struct{ x bool; y int64; z [2]byte }) (r struct{ a int32; b string })",
      "func f5(m map[string]int, c chan int, fn func(int) bool, p *int, rest ...int) (n uint32, err error)",
      "func f6(a int8, b float32, c int32, d float64, e uint64) (float32, int8)",
      "func f7(b byte, r rune, u uintptr, x any) (s []string)",
      "func f8()");

  /** How a reference is spoiled: not at all, its offset plus one, or its width halved. */
  private enum Spoil { NONE, OFFSET, WIDTH }

  private record Access(Op op, ArgFrame.Var v, boolean write) {}

  private static Op move(long size) {
    return switch ((int) size) {
      case 1 -> Op.MOVB;
      case 2 -> Op.MOVW;
      case 4 -> Op.MOVL;
      default -> Op.MOVQ;
    };
  }

  /** One access per leaf part: reads of parameters, writes of results. */
  private static List<Access> accesses(ArgFrame frame) {
    List<Access> out = new ArrayList<>();
    for (ArgFrame.Var v : frame.vars().values()) {
      if (v.inner().isEmpty() && v.kind() == GoType.Kind.SCALAR) {
        out.add(new Access(move(v.size()), v, v.result()));
      }
    }
    return out;
  }

  private static String asm(String name, ArgFrame frame, List<Access> accesses, int spoilAt, Spoil spoil) {
    StringBuilder s = new StringBuilder("TEXT ·" + name + "(SB),NOSPLIT,$0-" + frame.size() + "\n");
    for (int i = 0; i < accesses.size(); i++) {
      Access a = accesses.get(i);
      long off = a.v().offset() + (i == spoilAt && spoil == Spoil.OFFSET ? 1 : 0);
      Op op = i == spoilAt && spoil == Spoil.WIDTH ? (a.v().size() == 1 ? Op.MOVW : move(a.v().size() / 2)) : a.op();
      String ref = a.v().name() + "+" + off + "(FP)";
      s.append('\t').append(op).append(' ').append(a.write() ? "AX, " + ref : ref + ", AX").append('\n');
    }
    return s.append("\tRET\n").toString();
  }

  private static Routine routine(String name, ArgFrame frame, List<Access> accesses, int spoilAt, Spoil spoil) {
    Routine.Builder b = Routine.builder("·" + name, "GO1_19").flags(TextFlags.NOSPLIT).args((int) frame.size());
    for (int i = 0; i < accesses.size(); i++) {
      Access a = accesses.get(i);
      long off = a.v().offset() + (i == spoilAt && spoil == Spoil.OFFSET ? 1 : 0);
      Op op = i == spoilAt && spoil == Spoil.WIDTH ? (a.v().size() == 1 ? Op.MOVW : move(a.v().size() / 2)) : a.op();
      Mem ref = Mem.fp(a.v().name(), off);
      b.at(i + 2, 1);
      if (a.write()) {
        b.instr(op, Reg.AX, ref);
      } else {
        b.instr(op, ref, Reg.AX);
      }
    }
    return b.at(accesses.size() + 2, 1).instr(Op.RET).build();
  }

  @Test
  void vetAndRtproofAgreeOnEveryPartOfEveryFrame(@TempDir Path dir) throws Exception {
    StringBuilder go = new StringBuilder("package p\n\nimport \"unsafe\"\n\nvar _ unsafe.Pointer\n\n");
    StringBuilder s = new StringBuilder("#include \"textflag.h\"\n\n");
    Map<String, String> ours = new TreeMap<>();
    int n = 0;
    for (String decl : DECLS) {
      ArgFrame frame = ArgFrame.of(GoDecl.parse(decl));
      List<Access> accesses = accesses(frame);
      String base = frame.decl().name();
      List<Spoil> spoils = accesses.isEmpty() ? List.of(Spoil.NONE) : List.of(Spoil.NONE, Spoil.OFFSET, Spoil.WIDTH);
      for (Spoil spoil : spoils) {
        String name = base + "_" + spoil.name().toLowerCase();
        int spoilAt = accesses.isEmpty() ? -1 : (n++ % accesses.size());
        go.append(decl.replaceFirst("func " + base, "func " + name)).append("\n");
        s.append(asm(name, frame, accesses, spoilAt, spoil)).append('\n');
        List<Problem> problems = FrameLayoutCheck.check(routine(name, frame, accesses, spoilAt, spoil), frame);
        ours.put(name, problems.stream().map(Problem::id).distinct().collect(Collectors.joining(",")));
      }
    }
    Map<String, String> vet = vet(dir, go.toString(), s.toString());
    Map<String, String> expected = new TreeMap<>();
    ours.keySet().forEach(name -> expected.put(name, name.endsWith("_none") ? ""
        : name.endsWith("_offset") ? FrameLayoutCheck.WRONG_OFFSET : FrameLayoutCheck.WRONG_WIDTH));
    assertEquals(expected, ours, "rtproof's check");
    assertEquals(expected, vet, "go vet's asmdecl");
  }

  /** Runs go vet on the package; per function, the kind of asmdecl complaint ("" for none). */
  private static Map<String, String> vet(Path dir, String goSource, String asmSource) throws IOException,
      InterruptedException {
    Path pkg = dir.resolve("p");
    Files.createDirectories(pkg);
    Files.writeString(dir.resolve("go.mod"), "module example.com/m\n\ngo 1.19\n");
    Files.writeString(pkg.resolve("p.go"), goSource, StandardCharsets.UTF_8);
    Files.writeString(pkg.resolve("p_amd64.s"), asmSource, StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder("go", "vet", "-asmdecl", "./p").directory(dir.toFile())
        .redirectErrorStream(true);
    pb.environment().put("GOCACHE", dir.resolve("gocache").toString());
    pb.environment().put("GOPATH", dir.resolve("gopath").toString());
    pb.environment().put("GOFLAGS", "-mod=mod");
    pb.environment().put("GO111MODULE", "on");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("go vet hung");
    }
    Map<String, String> kinds = new TreeMap<>();
    for (String decl : goSource.split("\n")) {
      if (decl.startsWith("func ")) {
        kinds.put(decl.substring(5, decl.indexOf('(')), "");
      }
    }
    for (String line : out.split("\n")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[amd64\\] (\\w+): (.*)").matcher(line);
      if (m.find()) {
        String kind = m.group(2).startsWith("invalid offset") ? FrameLayoutCheck.WRONG_OFFSET
            : m.group(2).startsWith("invalid MOV") ? FrameLayoutCheck.WRONG_WIDTH : "other: " + m.group(2);
        kinds.merge(m.group(1), kind, (a, b) -> a.isEmpty() ? b : a + "," + b);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        kinds.put("(vet output)", line);
      }
    }
    return kinds;
  }
}
