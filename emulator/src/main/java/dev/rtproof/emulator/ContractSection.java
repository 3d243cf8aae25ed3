package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Contract;
import java.util.List;

/**
 * The {@code @Contract}s one {@code @Routines} class declares, as the rtproof processor generated them.
 * Registered as services, so tools that verify routines found on the classpath use the same contracts the
 * processor used at compile time.
 */
public abstract class ContractSection {
  public abstract List<Contract> contracts();
}
