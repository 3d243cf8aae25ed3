package dev.rtproof.benchmarks.cpu;

import dev.rtproof.benchmarks.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The running {@link GoProgram}: runs workloads on the real CPU and hands out its machine code. */
public final class NativeProcess implements AutoCloseable {
  /** One native run: the routine's AX and the time the call took inside the Go program. */
  public record Run(long ax, long nanos) {}

  private final Process process;
  private final PrintWriter in;
  private final BufferedReader out;

  NativeProcess(Process process) {
    this.process = process;
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
  }

  /** Runs {@code w} for {@code rounds} rounds natively. */
  public Run run(Workload w, long rounds) {
    String[] f = ask("run " + w.goName() + " " + rounds).split(" ");
    return new Run(Long.parseUnsignedLong(f[0]), Long.parseLong(f[1]));
  }

  /** The program's {@code .text} section and where its routines are, read from its own ELF file. */
  public CodeImage code(Path scratch) throws IOException {
    String[] f = ask("code " + scratch).split(" ");
    if (f.length < 2 || !f[0].equals("text")) {
      throw new IOException("unexpected answer to 'code': " + String.join(" ", f));
    }
    Map<String, CodeImage.Symbol> symbols = new LinkedHashMap<>();
    for (int i = 2; i < f.length; i++) {
      String[] nameRest = f[i].split("=");
      String[] addressSize = nameRest[1].split("\\+");
      symbols.put("·" + nameRest[0],
          new CodeImage.Symbol(Long.parseLong(addressSize[0]), Long.parseLong(addressSize[1])));
    }
    return new CodeImage(Long.parseLong(f[1]), Files.readAllBytes(scratch), symbols);
  }

  private String ask(String command) {
    try {
      in.println(command);
      String answer = out.readLine();
      if (answer == null) {
        throw new IllegalStateException("the native program ended (exit " + process.waitFor() + ")");
      }
      if (answer.startsWith("error:")) {
        throw new IllegalStateException("the native program: " + answer);
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    in.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
