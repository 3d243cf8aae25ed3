package dev.rtproof.verifier.report;

/** HTML escaping. */
final class Html {
  private Html() {}

  static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
