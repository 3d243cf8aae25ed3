package dev.rtproof.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first project: the pom exactly as the README shows it, one routine, one test factory,
 * built with Maven against rtproof installed into a fresh local repository.
 */
class ReadmeProjectTest {
  private static final Path ROOT = Path.of(System.getProperty("rtproof.root"));
  private static final String VERSION = System.getProperty("rtproof.version");
  private static final Path M2 = Path.of(System.getProperty("rtproof.localRepository"));
  private static final List<String> MODULES = List.of("dsl", "emulator", "verifier", "processor", "junit");

  @Test
  void theReadmeProjectBuildsProvesAndReports(@TempDir Path tmp) throws IOException, InterruptedException {
    Path repo = tmp.resolve("repository");
    install(repo);
    Path project = tmp.resolve("my-routines");
    Files.createDirectories(project.resolve("src/main/java/com/example"));
    Files.createDirectories(project.resolve("src/test/java/com/example"));
    Files.writeString(project.resolve("pom.xml"), readmePom());
    Files.writeString(project.resolve("src/main/java/com/example/Swap.java"), """
        package com.example;

        import static dev.rtproof.dsl.Amd64.*;

        import dev.rtproof.dsl.*;

        @Routines(target = Target.GO1_19)
        final class Swap {
          @Routine(symbol = "·swapRegs", flags = NOSPLIT)
          @StackBalanced
          @Ensures("AX == entry(BX) && BX == entry(AX)")
          static void swapRegs() {
            XCHGQ(AX, BX);
            RET();
          }
        }
        """);
    Files.writeString(project.resolve("src/test/java/com/example/ProofsTest.java"), """
        package com.example;

        import java.util.stream.Stream;
        import org.junit.jupiter.api.DynamicNode;
        import org.junit.jupiter.api.TestFactory;

        class ProofsTest {
          @TestFactory
          Stream<DynamicNode> proofs() {
            return dev.rtproof.junit.RtproofProofs.all();
          }
        }
        """);
    Path settings = Files.writeString(tmp.resolve("settings.xml"), """
        <settings>
          <profiles>
            <profile>
              <id>local-m2</id>
              <repositories>
                <repository><id>local-m2</id><url>%1$s</url></repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository><id>local-m2</id><url>%1$s</url></pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>local-m2</activeProfile></activeProfiles>
        </settings>
        """.formatted(M2.toUri()));

    Process p = new ProcessBuilder("mvn", "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repo, "verify")
        .directory(project.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the user build finishes");
    assertEquals(0, p.exitValue(), log);
    assertTrue(log.contains("rtproof: 2 properties of 1 routines: {PROVED=2}"), log);

    Path reports = project.resolve("target/rtproof");
    for (String f : List.of("report.md", "report.json", "TEST-rtproof.xml", "rtproof.sarif", "report.html")) {
      assertTrue(Files.isRegularFile(reports.resolve(f)), f + " written");
    }
    JsonNode json = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
    assertEquals(2, json.get("summary").get("PROVED").asInt());
    String surefire = Files.readString(project.resolve("target/surefire-reports/TEST-com.example.ProofsTest.xml"));
    assertTrue(surefire.contains("tests=\"2\"") && surefire.contains("failures=\"0\""), surefire);
    // Phrased names: routine (the container), factory, property.
    assertTrue(surefire.contains("name=\"·swapRegs proofs() stack-balance\""), surefire);
  }

  /** The pom between the README's user-pom markers. */
  private static String readmePom() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher m = Pattern.compile("<!-- user-pom:start -->\\s*```xml\\n(.*?)```\\s*<!-- user-pom:end -->", Pattern.DOTALL)
        .matcher(readme);
    assertTrue(m.find(), "README.md has the user pom between its markers");
    return m.group(1);
  }

  /** Installs the reactor's freshly packaged artifacts, as `mvn install` would lay them out. */
  private static void install(Path repo) throws IOException {
    Path group = repo.resolve("dev/rtproof");
    copy(ROOT.resolve("pom.xml"), group.resolve("rtproof-parent/" + VERSION + "/rtproof-parent-" + VERSION + ".pom"));
    for (String module : MODULES) {
      String artifact = "rtproof-" + module;
      Path dir = group.resolve(artifact).resolve(VERSION);
      copy(ROOT.resolve(module).resolve("pom.xml"), dir.resolve(artifact + "-" + VERSION + ".pom"));
      Path jar = ROOT.resolve(module).resolve("target").resolve(artifact + "-" + VERSION + ".jar");
      assertTrue(Files.isRegularFile(jar), jar + " is packaged (run the whole reactor: mvn -B verify)");
      copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"));
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
