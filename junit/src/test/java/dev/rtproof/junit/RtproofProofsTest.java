package dev.rtproof.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

class RtproofProofsTest {
  /** What a user writes; run below through the JUnit engine, not directly. */
  static class UserProofs {
    @TestFactory
    Stream<DynamicNode> proofs() {
      return RtproofProofs.all();
    }
  }

  @Test
  void everyRoutineTimesPropertyIsATestAndViolationsFail() {
    var tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UserProofs.class)).execute().testEvents();
    tests.assertStatistics(s -> s.started(3).succeeded(2).failed(1));
    tests.failed().assertThatEvents().haveExactly(1, event(displayName("stack-balance"),
        finishedWithFailure(instanceOf(AssertionFailedError.class), message(m -> m.startsWith(
            "VIOLATED stack-balance of ·leaks") && m.contains("SP = ")))));
  }
}
