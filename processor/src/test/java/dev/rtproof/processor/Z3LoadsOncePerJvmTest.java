package dev.rtproof.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maven's situation, reproduced: one JVM whose own classpath has no rtproof compiles two modules
 * in-process, each with rtproof on the processor path, so javac makes a new processor classloader per
 * compilation. Both verify; Z3's native library is loaded into that JVM once, by one shared host.
 */
class Z3LoadsOncePerJvmTest {
  /** Compiles each module directory given, in this JVM, then reports libz3 copies and Z3 hosts. */
  private static final String BUILD_JVM = """
      import java.nio.file.*;
      import java.util.stream.*;
      public class BuildJvm {
        public static void main(String[] a) throws Exception {
          var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
          for (int i = 1; i < a.length; i++) {
            Path m = Path.of(a[i]);
            int rc = javac.run(null, null, null, "-d", m.resolve("classes").toString(),
                "-s", m.resolve("generated").toString(), "-classpath", a[0], "-processorpath", a[0],
                "-Artproof.reportDir=" + m.resolve("rtproof"), m.resolve("src/dev/t/Tls.java").toString());
            System.out.println("compile " + m.getFileName() + " rc=" + rc);
          }
          // z3-turnkey extracts libz3 into a new turnkey* directory each time a classloader loads Z3.
          try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            System.out.println("z3loads=" + dirs.filter(d -> d.getFileName().toString().startsWith("turnkey")).count());
          }
          System.out.println("hosts=" + Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("rtproof-host-z3-")).count());
        }
      }
      """;

  @Test
  void twoModulesInOneBuildJvmShareOneZ3(@TempDir Path tmp) throws IOException, InterruptedException {
    for (String module : List.of("first", "second")) {
      Path src = tmp.resolve(module).resolve("src/dev/t/Tls.java");
      Files.createDirectories(src.getParent());
      Files.writeString(src, Sources.HEADER + Sources.settls(true));
    }
    Path runner = Files.writeString(tmp.resolve("BuildJvm.java"), BUILD_JVM);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    Process p = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + jvmTmp, "-Duser.home=" + home,
        runner.toString(),
        System.getProperty("java.class.path"),
        tmp.resolve("first").toString(), tmp.resolve("second").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("compile first rc=0") && out.contains("compile second rc=0"), out);
    assertTrue(out.contains("z3loads=1\n"), "Z3's native library loaded once: " + out);
    assertTrue(out.contains("hosts=1\n"), "one Z3 host: " + out);
    try (Stream<Path> copies = Files.list(home.resolve(".cache/rtproof/native"))) {
      assertTrue(copies.anyMatch(f -> f.getFileName().toString().contains("libz3")),
          "libz3 is kept uncompressed for the next JVM");
    }

    Properties first = host(tmp.resolve("first/rtproof/z3-host.properties"));
    Properties second = host(tmp.resolve("second/rtproof/z3-host.properties"));
    assertTrue(first.getProperty("z3Loader").startsWith("rtproof-host-z3-"), first.toString());
    assertEquals(first.getProperty("z3Loader"), second.getProperty("z3Loader"), "both modules used the same Z3");
    assertEquals(first.getProperty("pid"), second.getProperty("pid"), "in the same JVM");
  }

  private static Properties host(Path file) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }
}
