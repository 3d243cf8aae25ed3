package dev.rtproof.cli;

import java.util.Set;

/** Java class names for playback tests: {@code runtime·settls} + {@code no-fault} → {@code RuntimeSettlsNoFaultPlaybackTest}. */
final class TestNames {
  private TestNames() {}

  static String of(String routine, String property) {
    return camel(routine) + camel(property) + "PlaybackTest";
  }

  /** {@code name}, or {@code name2}, {@code name3}… when taken; records the answer in {@code taken}. */
  static String unique(String name, Set<String> taken) {
    String n = name;
    for (int i = 2; !taken.add(n); i++) {
      n = name + i;
    }
    return n;
  }

  /** The letters and digits of {@code s}, each run starting with a capital; a leading digit gets a prefix. */
  private static String camel(String s) {
    StringBuilder b = new StringBuilder();
    boolean start = true;
    for (char c : s.toCharArray()) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        b.append(start ? Character.toUpperCase(c) : c);
        start = false;
      } else {
        start = true;
      }
    }
    if (b.length() > 0 && Character.isDigit(b.charAt(0))) {
      b.insert(0, 'R');
    }
    return b.toString();
  }
}
