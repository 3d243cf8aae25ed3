package dev.rtproof.processor.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a shared classloader alive for the rest of the JVM: a parked daemon thread whose context
 * classloader it is, found again by its name. Loaded from the shared loader itself, so the thread
 * retains nothing else.
 */
public final class HostKeeper implements Runnable {
  /** Prefix of every keeper thread's name. */
  public static final String PREFIX = "rtproof-host-";

  @Override
  public void run() {
    while (true) {
      LockSupport.park(this);
    }
  }
}
