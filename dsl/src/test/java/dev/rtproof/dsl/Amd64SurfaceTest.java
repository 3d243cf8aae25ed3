package dev.rtproof.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Op;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The DSL has a method for every mnemonic and alias rtproof models, and nothing that is not one. */
class Amd64SurfaceTest {
  /** Upper-case DSL statements that are not instructions. */
  private static final Set<String> STATEMENTS = Set.of("ASSERT", "ASSUME", "GLOBL", "DATA");

  private static Set<String> upperCaseMethods() {
    return Arrays.stream(Amd64.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
        .map(Method::getName).filter(n -> n.equals(n.toUpperCase()) && !n.equals("$"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyMnemonicAndAliasHasADslMethod() {
    Set<String> missing = new TreeSet<>(Op.names());
    missing.removeAll(upperCaseMethods());
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyUpperCaseDslMethodIsAnInstructionOrAStatement() {
    Set<String> unknown = upperCaseMethods().stream()
        .filter(n -> Op.byName(n) == null && !STATEMENTS.contains(n)).collect(Collectors.toSet());
    assertEquals(Set.of(), unknown);
  }

  @Test
  void theIssuesInstructionListIsModelled() {
    String list = "MOVQ MOVL MOVW MOVB MOVD MOVLQZX MOVBLZX MOVWLZX MOVBQZX MOVLQSX LEAQ LEAL ADDQ ADDL SUBQ SUBL"
        + " ANDQ ANDL ORQ ORL XORQ XORL NEGQ NOTQ INCQ DECQ INCL DECL SHLQ SHRQ SARQ SHLL SHRL CMPQ CMPL CMPW CMPB"
        + " TESTQ TESTL TESTB PUSHQ POPQ XCHGQ CMPXCHGQ LOCK CALL RET JMP SYSCALL CPUID CLD STD INT UNDEF NOP PAUSE"
        + " BYTE ADJSP PCALIGN XGETBV"
        // every conditional jump of cmd/asm/internal/arch/arch.go, with its aliases (reference §1)
        + " JA JAE JB JBE JC JCC JCS JE JEQ JG JGE JGT JHI JHS JL JLE JLO JLS JLT JMI JNA JNAE JNB JNBE JNC JNE"
        + " JNG JNGE JNL JNLE JNO JNP JNS JNZ JO JOC JOS JP JPC JPE JPL JPO JPS JS JZ";
    for (String name : list.split(" ")) {
      assertTrue(Op.byName(name) != null, name);
    }
    assertEquals(Op.MOVQ, Op.byName("MOVD"));
    assertEquals(Op.JLS, Op.byName("JBE"));
    assertEquals(Op.JCC, Op.byName("JHS"));
  }
}
