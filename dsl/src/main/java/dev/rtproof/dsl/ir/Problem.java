package dev.rtproof.dsl.ir;

/**
 * Something wrong with a routine, found by a check over the IR: a stable bracketed ID
 * ({@code rtproof/unknown-label}), a message and the position to report it at.
 */
public record Problem(String id, String message, SourcePos pos) {
  @Override
  public String toString() {
    return "[rtproof/" + id + "] " + message;
  }
}
