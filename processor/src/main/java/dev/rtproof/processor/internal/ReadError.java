package dev.rtproof.processor.internal;

import com.sun.source.tree.Tree;

/** A problem in a routine's source, found while reading it: a stable ID, a message and the tree to report at. */
final class ReadError extends Exception {
  final String id;
  final transient Tree tree;

  ReadError(String id, String message, Tree tree) {
    super(message, null, false, false);
    this.id = id;
    this.tree = tree;
  }
}
