package dev.rtproof.dsl.ir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The installed Go toolchain (Debian's golang-go), with its cache under a test's temporary directory. */
public final class GoTool {
  private GoTool() {}

  public static String env(Path scratch, String name) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("go", "env", name).redirectErrorStream(true);
    pb.environment().put("GOCACHE", scratch.resolve("gocache").toString());
    pb.environment().put("GOPATH", scratch.resolve("gopath").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("go env " + name + " failed: " + out);
    }
    return out;
  }

  public static String toolDir(Path scratch) throws IOException, InterruptedException {
    return env(scratch, "GOTOOLDIR");
  }

  public static String goroot(Path scratch) throws IOException, InterruptedException {
    return env(scratch, "GOROOT");
  }
}
