package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.target.TargetProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The headers Go assembly may include, and where they come from: a given include directory first, then
 * rtproof's own copy (Go 1.19's {@code textflag.h}, {@code go_tls.h}, {@code funcdata.h},
 * {@code cgo/abi_amd64.h}) or, for {@code go_asm.h}, the header generated from the target profile.
 * Nothing else can be included.
 */
final class Includes {
  /** The header names {@code #include} accepts. */
  static final List<String> ALLOWED = List.of("textflag.h", "go_asm.h", "go_tls.h", "funcdata.h", "cgo/abi_amd64.h");

  /** A header's text and the name positions in it are reported with. */
  record Header(String file, String text) {}

  private final TargetProfile profile;
  private final List<Path> dirs;

  Includes(TargetProfile profile, List<Path> dirs) {
    this.profile = profile;
    this.dirs = List.copyOf(dirs);
  }

  /** The header {@code name}, or null when it is not one of {@link #ALLOWED}. */
  Header find(String name) {
    if (!ALLOWED.contains(name)) {
      return null;
    }
    for (Path dir : dirs) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        try {
          return new Header(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("reading " + p, e);
        }
      }
    }
    if (name.equals("go_asm.h")) {
      return new Header("go_asm.h", GoAsmHeader.generate(profile));
    }
    return new Header(name, builtIn(name));
  }

  /** rtproof's copy of a Go 1.19 header. */
  static String builtIn(String name) {
    try (InputStream in = Includes.class.getResourceAsStream("include/" + name)) {
      if (in == null) {
        throw new IllegalStateException("rtproof's copy of " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
