package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.target.TargetProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Go assembler ({@code go tool asm}, linux/amd64) on printed assembly, with the headers it
 * includes: the target's generated {@code go_asm.h} and rtproof's copies of the Go headers. This is how
 * rtproof checks that its {@code .s} is what the Go toolchain accepts.
 */
public final class GoAssembler {
  /** What {@code go tool asm} said: its exit code and output; {@code object} is the .o it wrote. */
  public record Result(int exitCode, String output, Path object) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final String go;

  /** Uses {@code go} from the PATH. */
  public GoAssembler() {
    this("go");
  }

  public GoAssembler(String goCommand) {
    this.go = goCommand;
  }

  /**
   * Assembles {@code source} as {@code name} in {@code dir} (which must exist), as package {@code pkg}; the
   * headers are written next to it. {@code extraFlags} go before the file (e.g. {@code -compiling-runtime}).
   */
  public Result assemble(Path dir, String name, String source, TargetProfile profile, String pkg, String... extraFlags)
      throws IOException, InterruptedException {
    Path include = Files.createDirectories(dir.resolve("include"));
    Files.writeString(include.resolve("go_asm.h"), GoAsmHeader.generate(profile), StandardCharsets.UTF_8);
    for (String h : Includes.ALLOWED) {
      if (!h.equals("go_asm.h")) {
        Path p = include.resolve(h);
        Files.createDirectories(p.getParent());
        Files.writeString(p, Includes.builtIn(h), StandardCharsets.UTF_8);
      }
    }
    Path file = dir.resolve(name);
    Files.writeString(file, source, StandardCharsets.UTF_8);
    Path object = dir.resolve(name.replaceAll("\\.s$", "") + ".o");
    List<String> cmd = new ArrayList<>(List.of(go, "tool", "asm", "-I", include.toString(), "-D", "GOOS_linux",
        "-D", "GOARCH_amd64", "-p", pkg));
    cmd.addAll(List.of(extraFlags));
    cmd.addAll(List.of("-o", object.toString(), file.toString()));
    return run(dir, cmd, object);
  }

  /** {@code $(go env GOROOT)}: where the Go sources ({@code src/runtime/*.s}) are. */
  public Path goRoot(Path dir) throws IOException, InterruptedException {
    Result r = run(dir, List.of(go, "env", "GOROOT"), null);
    if (!r.ok()) {
      throw new IOException("go env GOROOT failed: " + r.output());
    }
    return Path.of(r.output().trim());
  }

  /** {@code go tool objdump} of an object: the instruction bytes of each TEXT symbol, one line each. */
  public String instructionBytes(Path dir, Path object) throws IOException, InterruptedException {
    Result r = run(dir, List.of(go, "tool", "objdump", object.toString()), object);
    if (!r.ok()) {
      throw new IOException("go tool objdump failed: " + r.output());
    }
    StringBuilder out = new StringBuilder();
    for (String line : r.output().split("\n")) {
      if (line.startsWith("TEXT ")) {
        out.append(line.split("\\s+")[1]).append('\n');
      } else if (line.startsWith("  ")) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 2) {
          out.append(f[2]).append('\n');
        }
      }
    }
    return out.toString();
  }

  private Result run(Path dir, List<String> cmd, Path object) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Path cache = Files.createDirectories(dir.resolve("gocache"));
    pb.environment().put("GOCACHE", cache.toString());
    pb.environment().put("GOPATH", dir.resolve("gopath").toString());
    pb.environment().put("GOOS", "linux");
    pb.environment().put("GOARCH", "amd64");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run '" + go + "': is Go installed (Debian: apt-get install golang-go)?", e);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " did not finish in 2 minutes");
    }
    return new Result(p.exitValue(), output, object);
  }
}
