package dev.rtproof.verifier.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each property means, for report help texts (the architecture's property table). */
final class Rules {
  /** A property: its id (the property name), a display name, a one-line summary and its help text. */
  record Rule(String id, String name, String summary, String help) {}

  static final Map<String, Rule> ALL = new LinkedHashMap<>();

  static {
    add("stack-alignment", "StackAlignment", "The stack pointer is aligned where the routine says.",
        "SP ≡ 0 (mod n) just before each listed CALL (or SYSCALL) executes, before it pushes the return address. "
            + "Declared with @StackAligned(value = n, at = {…}); an empty `at` means every CALL. Calls into C and the "
            + "OS need SP 16-aligned; the Go ABI itself only guarantees 8.");
    add("stack-balance", "StackBalance", "The routine returns with the stack as it found it.",
        "At every RET (and tail JMP to a symbol) SP equals SP at entry and the return address at 0(SP) is unchanged. "
            + "Declared with @StackBalanced.");
    add("unreachable", "UnreachableCall", "Named calls never happen.",
        "No CALL or JMP to the named symbols (typically runtime·abort) is reachable, in the routine or a routine "
            + "inlined into it. Declared with @Unreachable({…}).");
    add("no-fault", "NoFault", "Every memory access is to mapped memory.",
        "No load or store touches memory outside the mapped regions (the stack window, each symbol's extent) and "
            + "control never leaves the code. Declared with @Unreachable(faults = true).");
    add("tls-round-trip", "TlsRoundTrip", "-8(FS) and m.tls[0] are the same cell.",
        "Once FS is set for m, every access through g(r) addresses m+m_tls: a store through g(r) is read back from "
            + "m.tls[0] and vice versa. Declared with @TlsRoundTrip(m = …).");
    add("stackguard", "StackGuardPrologue", "The split-stack prologue protects the frame.",
        "Entering the body implies SP − frame > stackguard0 − StackSmall without unsigned wrap, and a poisoned guard "
            + "(≥ 0x…f000, including StackPreempt) always reaches morestack.");
    add("frame-layout", "FrameLayout", "Argument offsets match the Go declaration.",
        "Every name+off(FP) matches the @Go declaration's offset and width, as go vet's asmdecl checks, and args "
            + "matches the frame size.");
    add("ensures", "Postcondition", "The postcondition holds at every exit.",
        "The @Ensures expression holds at each RET or tail JMP, under the @Requires preconditions.");
    add("assert", "Assertion", "The assertion holds where it is written.",
        "The ASSERT(\"…\") expression holds whenever execution reaches that point, under the requirements.");
  }

  private Rules() {}

  private static void add(String id, String name, String summary, String help) {
    ALL.put(id, new Rule(id, name, summary, help));
  }

  static Rule of(String id) {
    Rule r = ALL.get(id);
    return r != null ? r : new Rule(id, "Property_" + id.replace('-', '_'), "rtproof property " + id + ".",
        "See the rtproof README.");
  }
}
