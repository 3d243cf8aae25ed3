package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.ArrayExpr;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.expr.ExprException;
import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.emulator.Layout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where things are, symbolically: the entry SP and its stack window, a base address variable per data
 * symbol, code symbols at the emulator's addresses, and (with the thread model) the thread's g slot at
 * {@code -8(FS)} holding the current g. Every constraint comes with the sentence the report prints, so
 * a proof lists exactly what it assumed.
 */
public final class Environment {
  /** Lowest mappable address (Linux {@code mmap_min_addr}). */
  public static final long MIN_ADDRESS = 0x10000L;
  /** The stack window around the entry SP, as the emulator maps it. */
  public static final long STACK_BELOW = Layout.STACK_SIZE - (Layout.STACK_TOP - Layout.INITIAL_SP);
  public static final long STACK_ABOVE = Layout.STACK_TOP - Layout.INITIAL_SP;
  /** Region names of the thread model. */
  public static final String TLS_SLOT = "tls-g-slot";
  public static final String CURRENT_G = "current-g";
  /** The variable naming the current g's address. */
  public static final String CURRENT_G_VAR = "current_g";

  /**
   * A mapped range: a name, the variable its addresses are written against, where it starts, its size,
   * and the offset of that variable inside it.
   */
  public record Region(String name, String baseVariable, BitVecExpr start, long size, long baseOffset) {}

  public final Smt smt;
  public final Program program;
  public final Layout layout;
  public final BitVecExpr sp0;
  private final Map<String, BitVecExpr> dataBases = new LinkedHashMap<>();
  private final List<Region> regions = new ArrayList<>();
  private final Map<String, Integer> regionByBase = new LinkedHashMap<>();
  private final List<BoolExpr> constraints = new ArrayList<>();
  private final Set<String> assumptions = new LinkedHashSet<>();
  private final List<BoolExpr> preferences = new ArrayList<>();
  private final List<BoolExpr> replayable = new ArrayList<>();
  private final Set<String> named = new java.util.HashSet<>();
  private final boolean threadModel;
  private Names names;
  private BitVecExpr frameSize;
  private final Map<Instr, Map<Integer, BitVecExpr>> operandTerms = new java.util.IdentityHashMap<>();
  private final Map<Reg, FuncDecl<BitVecSort>> cpuid = new java.util.EnumMap<>(Reg.class);
  private final List<BitVecExpr> cpuidLeaves = new ArrayList<>();

  /**
   * The environment of {@code program} as far as {@code scope} reaches: one region per data symbol it names;
   * with the thread model, the thread's g slot at {@code -8(FS)}, which holds a pointer to a mapped g at
   * entry, as on any thread running Go code.
   */
  public Environment(Smt smt, Program program, VerificationScope scope) {
    this.smt = smt;
    this.program = program;
    this.layout = new Layout(program.symbols());
    this.threadModel = scope.threadModel();
    this.sp0 = smt.var("SP");
    addRegion(new Region("stack", "SP", smt.sub(sp0, smt.bv(STACK_BELOW)), STACK_BELOW + STACK_ABOVE, STACK_BELOW));
    constraints.add(smt.eq(smt.and(sp0, smt.bv(7)), smt.bv(0)));
    constraints.add(smt.ule(smt.bv(MIN_ADDRESS + STACK_BELOW), sp0));
    constraints.add(smt.ule(sp0, smt.bv(Linux.TASK_SIZE_MAX - STACK_ABOVE)));
    assumptions.add("SP at entry is 8-byte aligned, in user space, and [SP-" + (STACK_BELOW / 1024) + " KiB, SP+"
        + (STACK_ABOVE / 1024) + " KiB) is mapped stack");
    preferences.add(smt.eq(sp0, smt.bv(Layout.INITIAL_SP)));
    List<String> sized = new ArrayList<>();
    for (SymbolTable.Symbol s : program.symbols().all()) {
      if (s.kind() != SymbolTable.Kind.DATA || !scope.dataSymbols().contains(s.name())) {
        continue;
      }
      BitVecExpr base = smt.var(s.name());
      dataBases.put(s.name(), base);
      placed(base, s.size());
      addRegion(new Region(s.name(), s.name(), base, s.size(), 0));
      sized.add(s.name() + " " + s.size() + " bytes (" + s.sizeSource() + ")");
      preferences.add(smt.eq(base, smt.bv(layout.address(s.name()))));
    }
    if (threadModel) {
      Long known = program.profile().constants().get("g__size");
      long gSize = known != null ? known : SymbolTable.DEFAULT_DATA_SIZE;
      BitVecExpr fs = smt.var("FS");
      BitVecExpr g = smt.var(CURRENT_G_VAR);
      addRegion(new Region(TLS_SLOT, "FS", smt.sub(fs, smt.bv(8)), 8, 8));
      addRegion(new Region(CURRENT_G, CURRENT_G_VAR, g, gSize, 0));
      placed(smt.sub(fs, smt.bv(8)), 8);
      placed(g, gSize);
      constraints.add(smt.eq(smt.load(smt.memory(initialArrayName(TLS_SLOT)), smt.bv(0), 8), g));
      assumptions.add("at entry FS-8 is the thread's g slot (mapped, 8-byte aligned) and holds the address of the"
          + " current g (" + gSize + " bytes" + (known != null ? "" : ", assumed: the target has no g__size")
          + ", mapped), both disjoint from the stack and the data symbols");
    }
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++) {
        constraints.add(disjoint(regions.get(i), regions.get(j)));
      }
    }
    if (!sized.isEmpty()) {
      assumptions.add("data symbols are 8-byte aligned, in user space, disjoint from each other and the stack: "
          + String.join(", ", sized));
    }
    // The scope leaves out globals nothing here names: say that the model maps only what it lists.
    assumptions.add("mapped memory is only " + String.join(", ", regions.stream().map(Region::name).toList())
        + "; an access anywhere else faults");
    readOnlyImages();
  }

  /** A RODATA global is read-only: at entry, as always, it holds its DATA image. */
  private void readOnlyImages() {
    List<String> images = new ArrayList<>();
    for (DataSymbol d : program.data().values()) {
      if ((d.flags() & TextFlags.RODATA) == 0 || !dataBases.containsKey(d.name())) {
        continue;
      }
      ArrayExpr<BitVecSort, BitVecSort> mem = smt.memory(initialArrayName(d.name()));
      byte[] image = d.image();
      // image() leaves the bytes of an address at zero; they are constrained to the address below.
      boolean[] address = new boolean[image.length];
      for (DataSymbol.Init a : d.addresses()) {
        for (int b = 0; b < a.width(); b++) {
          address[(int) a.offset() + b] = true;
        }
      }
      for (int i = 0; i < image.length; i++) {
        if (!address[i]) {
          constraints.add(smt.eq(smt.ctx.mkSelect(mem, smt.bv(i)), smt.bv(image[i] & 0xff, 8)));
        }
      }
      for (DataSymbol.Init a : d.addresses()) {
        SymAddr target = (SymAddr) a.value();
        BitVecExpr value = smt.addConstant(address(target.symbol()), target.offset());
        for (int b = 0; b < a.width(); b++) {
          BitVecExpr byteValue = b < 8 ? smt.extract(8 * b + 7, 8 * b, value) : smt.bv(0, 8);
          constraints.add(smt.eq(smt.ctx.mkSelect(mem, smt.bv(a.offset() + b)), byteValue));
        }
      }
      images.add(d.name());
    }
    if (!images.isEmpty()) {
      assumptions.add("RODATA globals hold their DATA images: " + String.join(", ", images));
    }
  }

  /** The name of region {@code region}'s byte array at entry. */
  public static String initialArrayName(String region) {
    return "mem!" + region;
  }

  private void addRegion(Region r) {
    regionByBase.put(r.baseVariable(), regions.size());
    regions.add(r);
  }

  private void placed(BitVecExpr start, long size) {
    constraints.add(smt.eq(smt.and(start, smt.bv(7)), smt.bv(0)));
    constraints.add(smt.ule(smt.bv(MIN_ADDRESS), start));
    constraints.add(smt.ule(start, smt.bv(Linux.TASK_SIZE_MAX - size)));
  }

  private BoolExpr disjoint(Region a, Region b) {
    return smt.any(
        smt.ule(smt.add(a.start(), smt.bv(a.size())), b.start()),
        smt.ule(smt.add(b.start(), smt.bv(b.size())), a.start()));
  }

  /**
   * Makes the frame size a symbolic constant {@code f}: the operands {@code terms} names (by instruction
   * object and operand index) take the given terms instead of their numbers, and {@code stackguard}
   * checks against {@code f}.
   */
  public void parameterizeFrameSize(BitVecExpr f, Map<Instr, Map<Integer, BitVecExpr>> terms) {
    this.frameSize = f;
    operandTerms.putAll(terms);
  }

  /** The symbolic frame size, or null. */
  public BitVecExpr frameSizeParameter() {
    return frameSize;
  }

  /** The term replacing operand {@code operand}'s number in {@code in} (an immediate or a displacement), or null. */
  public BitVecExpr operandTerm(Instr in, int operand) {
    if (operandTerms.isEmpty()) {
      return null;
    }
    Map<Integer, BitVecExpr> t = operandTerms.get(in);
    return t == null ? null : t.get(operand);
  }

  /** How expressions name things in this program: registers, layout constants, symbols. */
  public Names names() {
    if (names == null) {
      names = new Names(program.profile().constants(), program.symbols().all().stream()
          .map(SymbolTable.Symbol::name).collect(java.util.stream.Collectors.toSet()));
    }
    return names;
  }

  /**
   * Translates condition {@code text} (the expression language) at {@code now}, with {@code entry(R)}
   * from {@code entry}; a malformed expression is an IllegalArgumentException naming {@code what}.
   */
  public BoolExpr condition(String text, String what, SymState now, Snapshot entry, PathOracle oracle) {
    try {
      return new ExprTranslator(this, now, entry, oracle).condition(ExprParser.parseCondition(text, names()));
    } catch (ExprException e) {
      throw new IllegalArgumentException(what + "(\"" + text + "\"): " + e.getMessage(), e);
    }
  }

  /** What CPUID answers in {@code r} for {@code leaf}: an uninterpreted function of the leaf. */
  public BitVecExpr cpuid(Reg r, BitVecExpr leaf) {
    FuncDecl<BitVecSort> f = cpuid.computeIfAbsent(r,
        x -> smt.ctx.mkFuncDecl("cpuid_" + x, smt.ctx.mkBitVecSort(32), smt.ctx.mkBitVecSort(32)));
    return (BitVecExpr) smt.ctx.mkApp(f, leaf);
  }

  /** The leaves CPUID was executed with, in execution order (a counterexample answers each). */
  public List<BitVecExpr> cpuidLeaves() {
    return cpuidLeaves;
  }

  public boolean threadModel() {
    return threadModel;
  }

  /** The address of {@code symbol}: a variable for data, the emulator's concrete address for code. */
  public BitVecExpr address(String symbol) {
    BitVecExpr base = dataBases.get(symbol);
    if (base != null) {
      return base;
    }
    Long text = layout.textSymbols().get(symbol);
    if (text != null) {
      return smt.bv(text);
    }
    throw new IllegalArgumentException("symbol " + symbol + " is not used by the routines being verified");
  }

  public boolean knows(String symbol) {
    return dataBases.containsKey(symbol) || layout.textSymbols().containsKey(symbol);
  }

  /** The region whose addresses are {@code variable + offset}, or -1. */
  public int regionOfBase(String variable) {
    Integer i = regionByBase.get(variable);
    return i == null ? -1 : i;
  }

  /** Offset in region {@code i} of its base variable (the stack starts below the entry SP). */
  public long baseOffset(int i) {
    return regions.get(i).baseOffset();
  }

  /** True when {@code [address, address + bytes)} lies inside region {@code i}. */
  public BoolExpr inRegion(Expr<BitVecSort> address, int bytes, int i) {
    Region r = regions.get(i);
    return fits(smt.sub(address, r.start()), bytes, i);
  }

  /**
   * True when {@code bytes} bytes at {@code offset} lie inside region {@code i}; never for a region smaller
   * than the access (its {@code size - bytes} would wrap around and admit every offset).
   */
  public BoolExpr fits(BitVecExpr offset, int bytes, int i) {
    long size = regions.get(i).size();
    return size >= bytes ? smt.ule(offset, smt.bv(size - bytes)) : smt.falsity();
  }

  /** The regions, in order. */
  public List<Region> regions() {
    return Collections.unmodifiableList(regions);
  }

  public Map<String, BitVecExpr> dataBases() {
    return Collections.unmodifiableMap(dataBases);
  }

  /** The conjunction of all placement constraints. */
  public BoolExpr constraints() {
    return smt.all(constraints.toArray(new BoolExpr[0]));
  }

  /**
   * Conditions a counterexample should meet if it can, so that it reads like an emulator run: the
   * emulator's SP and symbol placement, and whatever executions add (a return address that ends the run).
   */
  public List<BoolExpr> preferences() {
    return Collections.unmodifiableList(preferences);
  }

  /**
   * Conditions that a counterexample needs so that the emulator can replay it at all (an indirect call goes to
   * code); tried before the other preferences are given up.
   */
  public List<BoolExpr> replayable() {
    return Collections.unmodifiableList(replayable);
  }

  /** Adds a condition a replayable counterexample meets. */
  public void preferReplayable(BoolExpr condition) {
    replayable.add(condition);
  }

  /**
   * A code symbol with no routine in the program (not abort, not morestack, not one the property names),
   * whose calls a replay answers with the counterexample's values; null when there is none.
   */
  public String answeredFunction() {
    for (String symbol : layout.textSymbols().keySet()) {
      if (program.routine(symbol) == null && !named.contains(symbol) && !symbol.equals(dev.rtproof.emulator.Emulator.ABORT)
          && !isMorestack(symbol)) {
        return symbol;
      }
    }
    return null;
  }

  /** morestack's names after the package dot: examples keep other Go versions' runtimes apart by package. */
  private static final Set<String> MORESTACK = Set.of("morestack", "morestack_noctxt", "morestackc");

  /** True for the functions an inserted stack check calls ({@code runtime·morestack_noctxt}, …). */
  static boolean isMorestack(String symbol) {
    return MORESTACK.contains(symbol.substring(symbol.indexOf('·') + 1));
  }

  /** Symbols the property names (an indirect call should not stand in for a call to them). */
  public void named(java.util.Collection<String> symbols) {
    named.addAll(symbols);
  }

  /** Adds a preference for counterexamples. */
  public void prefer(BoolExpr condition) {
    preferences.add(condition);
  }

  /** Adds a constraint every state satisfies, with the sentence that states it in the report. */
  public void constrain(BoolExpr c, String assumption) {
    constraints.add(c);
    assumptions.add(assumption);
  }

  /** Records an assumption the proof now depends on (a syscall model, a call default, …). */
  public void assume(String sentence) {
    assumptions.add(sentence);
  }

  public List<String> assumptions() {
    return List.copyOf(assumptions);
  }
}
