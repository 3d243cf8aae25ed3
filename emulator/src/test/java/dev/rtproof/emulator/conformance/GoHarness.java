package dev.rtproof.emulator.conformance;

import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.random.InitialState;
import dev.rtproof.emulator.random.RandomCase;
import dev.rtproof.emulator.random.RandomPrograms;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs random cases on the real CPU: prints each case's routine as the body of a Go assembly function
 * that loads the initial state from a struct, and saves the final registers, RFLAGS (PUSHFQ) and the
 * scratch buffer (a Go global, {@code ·scratch}); builds one Go 1.19 program per batch with
 * {@code go build} (a local module, no network) and runs it once over all the batch's inputs.
 */
final class GoHarness {
  private static final String GO = "go";
  private final Path work;
  private final Path cache;

  /** A harness building in {@code work}, with Go's build cache in {@code cache} (reused between batches). */
  GoHarness(Path work, Path cache) {
    this.work = work;
    this.cache = cache;
  }

  /** Why a batch could not run: the assembler rejected a case, or the program crashed on one. */
  static final class BatchFailure extends Exception {
    final int caseIndex;

    BatchFailure(String message, int caseIndex) {
      super(message);
      this.caseIndex = caseIndex;
    }
  }

  /** Runs {@code cases} natively and returns their final states, in order. */
  List<NativeState> run(List<RandomCase> cases) throws IOException, InterruptedException, BatchFailure {
    Files.createDirectories(work);
    Files.writeString(work.resolve("go.mod"), "module conformance\n\ngo 1.19\n");
    Files.writeString(work.resolve("main.go"), mainGo(cases.size()));
    List<Integer> lineOfCase = new ArrayList<>();
    Files.writeString(work.resolve("cases_amd64.s"), assembly(cases, lineOfCase));
    Path exe = work.resolve("conformance");
    ProcessBuilder pb = new ProcessBuilder(GO, "build", "-o", exe.toString(), ".").directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(work.resolve("build.log").toFile());
    pb.environment().put("GOCACHE", cache.toString());
    pb.environment().put("GOPATH", work.resolve("gopath").toString());
    pb.environment().put("GOFLAGS", "-mod=mod");
    pb.environment().put("GOPROXY", "off");
    pb.environment().put("GO111MODULE", "on");
    pb.environment().put("CGO_ENABLED", "0");
    Process build = pb.start();
    if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
      String log = Files.readString(work.resolve("build.log"));
      throw new BatchFailure("go build failed:\n" + log, caseAt(log, lineOfCase));
    }
    Path in = work.resolve("in.bin");
    Path out = work.resolve("out.bin");
    Files.write(in, inputs(cases));
    Process run = new ProcessBuilder(exe.toString(), in.toString(), out.toString()).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(work.resolve("run.log").toFile()).start();
    if (!run.waitFor(10, TimeUnit.MINUTES) || run.exitValue() != 0) {
      long done = Files.exists(out) ? Files.size(out) / NativeState.BYTES : 0;
      throw new BatchFailure("the native program failed on case " + done + ":\n"
          + Files.readString(work.resolve("run.log")), (int) done);
    }
    return outputs(Files.readAllBytes(out), cases.size());
  }

  private static int caseAt(String log, List<Integer> lineOfCase) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("cases_amd64\\.s:(\\d+)").matcher(log);
    if (!m.find()) {
      return -1;
    }
    int line = Integer.parseInt(m.group(1));
    int c = -1;
    for (int i = 0; i < lineOfCase.size() && lineOfCase.get(i) <= line; i++) {
      c = i;
    }
    return c;
  }

  private static String mainGo(int n) {
    StringBuilder table = new StringBuilder();
    StringBuilder decls = new StringBuilder();
    for (int i = 0; i < n; i++) {
      decls.append("func c").append(i).append("(s *state)\n");
      table.append("\tc").append(i).append(",\n");
    }
    return """
        package main

        import (
        \t"encoding/binary"
        \t"os"
        )

        type state struct {
        \tregs  [16]uint64
        \tflags uint64
        }

        var scratch [256]byte

        %s
        var cases = []func(*state){
        %s}

        const size = 16*8 + 8 + 256

        func main() {
        \tin, err := os.ReadFile(os.Args[1])
        \tif err != nil {
        \t\tpanic(err)
        \t}
        \tout, err := os.Create(os.Args[2])
        \tif err != nil {
        \t\tpanic(err)
        \t}
        \tvar s state
        \tbuf := make([]byte, size)
        \tfor i, c := range cases {
        \t\trec := in[i*size : (i+1)*size]
        \t\tfor r := 0; r < 16; r++ {
        \t\t\ts.regs[r] = binary.LittleEndian.Uint64(rec[8*r:])
        \t\t}
        \t\ts.flags = binary.LittleEndian.Uint64(rec[128:])
        \t\tcopy(scratch[:], rec[136:])
        \t\tc(&s)
        \t\tfor r := 0; r < 16; r++ {
        \t\t\tbinary.LittleEndian.PutUint64(buf[8*r:], s.regs[r])
        \t\t}
        \t\tbinary.LittleEndian.PutUint64(buf[128:], s.flags)
        \t\tcopy(buf[136:], scratch[:])
        \t\tif _, err := out.Write(buf); err != nil {
        \t\t\tpanic(err)
        \t\t}
        \t}
        \tif err := out.Close(); err != nil {
        \t\tpanic(err)
        \t}
        }
        """.formatted(decls, table);
  }

  /**
   * The functions: load every register but SP from the state (flags through POPFQ, R15 = &scratch, AX
   * last), the body without its final RET, then save registers and PUSHFQ's flags, and clear DF.
   */
  private static String assembly(List<RandomCase> cases, List<Integer> lineOfCase) {
    StringBuilder sb = new StringBuilder("#include \"textflag.h\"\n\n");
    int line = 3;
    for (int i = 0; i < cases.size(); i++) {
      lineOfCase.add(line);
      StringBuilder f = new StringBuilder();
      f.append("TEXT ·c").append(i).append("(SB), NOSPLIT, $16-8\n");
      // The body's SP goes out in SP's slot: the emulator replays the case on a stack at the same address,
      // so even the flags of arithmetic on SP (ADJSP) are comparable.
      f.append("\tMOVQ s+0(FP), AX\n\tMOVQ SP, 32(AX)\n\tMOVQ 128(AX), BX\n\tPUSHQ BX\n\tPOPFQ\n");
      for (int r = 1; r < 16; r++) {
        if (r != Reg.SP.number() && r != RandomPrograms.BASE.number()) {
          f.append("\tMOVQ ").append(8 * r).append("(AX), ").append(Reg.gpr(r)).append('\n');
        }
      }
      f.append("\tLEAQ ·scratch(SB), ").append(RandomPrograms.BASE).append('\n');
      f.append("\tMOVQ 0(AX), AX\n");
      f.append(body(cases.get(i).entry()));
      f.append("\tMOVQ AX, 0(SP)\n\tPUSHFQ\n\tPOPQ AX\n\tMOVQ AX, 8(SP)\n\tMOVQ s+0(FP), AX\n");
      for (int r = 1; r < 16; r++) {
        if (r != Reg.SP.number() && r != RandomPrograms.BASE.number()) {
          f.append("\tMOVQ ").append(Reg.gpr(r)).append(", ").append(8 * r).append("(AX)\n");
        }
      }
      f.append("\tMOVQ 0(SP), BX\n\tMOVQ BX, 0(AX)\n\tMOVQ 8(SP), BX\n\tMOVQ BX, 128(AX)\n\tCLD\n\tRET\n\n");
      line += (int) f.chars().filter(ch -> ch == '\n').count();
      sb.append(f);
    }
    return sb.toString();
  }

  /** The routine's instructions with their labels; the final RET becomes a fall-through into the epilogue. */
  static String body(Routine r) {
    StringBuilder sb = new StringBuilder();
    List<Instr> code = r.instrs();
    for (int i = 0; i < code.size(); i++) {
      for (LabelDef l : r.labels()) {
        if (l.index() == i) {
          sb.append(l.name()).append(":\n");
        }
      }
      Instr in = code.get(i);
      if (i == code.size() - 1 && in.op() == Op.RET) {
        break;
      }
      if (in.op() == Op.RET) {
        throw new IllegalArgumentException("a RET before the end: " + r.symbol());
      }
      sb.append('\t').append(in).append('\n');
    }
    return sb.toString();
  }

  private static byte[] inputs(List<RandomCase> cases) {
    ByteBuffer b = ByteBuffer.allocate(cases.size() * NativeState.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (RandomCase c : cases) {
      InitialState s = c.state();
      for (long r : s.registers()) {
        b.putLong(r);
      }
      b.putLong(Flags.INITIAL | (s.statusFlags() & Flags.STATUS));
      b.put(s.scratch());
    }
    return b.array();
  }

  private static List<NativeState> outputs(byte[] bytes, int n) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<NativeState> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long[] regs = new long[16];
      for (int r = 0; r < 16; r++) {
        regs[r] = b.getLong();
      }
      long flags = b.getLong();
      byte[] scratch = new byte[256];
      b.get(scratch);
      out.add(new NativeState(regs, flags, scratch));
    }
    return out;
  }
}
