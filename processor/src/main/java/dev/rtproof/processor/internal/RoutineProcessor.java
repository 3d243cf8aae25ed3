package dev.rtproof.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Lowering;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.processor.internal.ContractReader.ReadContract;
import dev.rtproof.processor.internal.DataSectionReader.ReadSection;
import dev.rtproof.processor.internal.RoutineReader.ReadRoutine;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Task;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.cache.ProofCache;
import dev.rtproof.verifier.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The rtproof annotation processor proper (loaded through {@code RtproofProcessor}): reads every
 * {@code @Routine}, generates its emulator program, verifies its properties with Z3, reports each
 * failure on the line of the offending instruction, and at the end of processing writes the service
 * registration of the generated programs and the proof reports.
 */
public final class RoutineProcessor extends AbstractProcessor {
  static final String SERVICE = "META-INF/services/dev.rtproof.emulator.RoutineProgram";
  static final String DATA_SERVICE = "META-INF/services/dev.rtproof.emulator.DataSection";
  static final String CONTRACT_SERVICE = "META-INF/services/dev.rtproof.emulator.ContractSection";

  private Trees trees;
  private Diagnostics diags;
  private ExpressionChecks expressions;
  private ProcessorOptions options;
  private Members members;
  private final Map<String, ReadRoutine> routines = new LinkedHashMap<>();
  private final Map<String, ReadContract> contracts = new LinkedHashMap<>();
  private final Map<String, ReadSection> dataBySymbol = new LinkedHashMap<>();
  private final Set<String> generated = new TreeSet<>();
  private final Set<String> generatedData = new TreeSet<>();
  private final Set<String> generatedContracts = new TreeSet<>();
  private final List<Element> origins = new ArrayList<>();
  private final List<Verdict> verdicts = new ArrayList<>();
  private ProofCache cache;
  private int cacheHits;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.rtproof.dsl.Routines", "dev.rtproof.dsl.Routine", "dev.rtproof.dsl.DataSection",
        "dev.rtproof.dsl.Contract", "dev.rtproof.dsl.Contract.List");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.NAMES;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    this.trees = Trees.instance(env);
    this.members = new Members(env.getElementUtils());
    this.diags = new Diagnostics(trees, env.getMessager());
    this.expressions = new ExpressionChecks(diags);
    this.options = ProcessorOptions.parse(env.getOptions(), diags);
    Path cacheDir = options.noCache() ? null
        : options.cacheDir() != null ? options.cacheDir()
        : OutputDirs.sibling(OutputDirs.classes(env.getFiler()), "rtproof-cache");
    this.cache = cacheDir == null ? null : ProofCache.at(cacheDir);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        finish();
      } else {
        readContracts(round);
        List<ReadSection> sections = readData(round);
        List<ReadRoutine> batch = read(round);
        generateData(sections);
        generate(batch);
        verify(batch);
      }
    } catch (RuntimeException | LinkageError e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Diagnostics.format("internal-error",
          "rtproof failed: " + e + " (please report it with the routine that triggered it)"));
    }
    return false;
  }

  // ---- reading ---------------------------------------------------------------------------------------

  private List<ReadRoutine> read(RoundEnvironment round) {
    TypeElement routineAnnotation = processingEnv.getElementUtils().getTypeElement("dev.rtproof.dsl.Routine");
    if (routineAnnotation == null) {
      return List.of();
    }
    RoutineReader reader = new RoutineReader(members, trees, diags,
        (routine, problem) -> verdicts.add(StaticVerdicts.frameLayoutViolated(routine, problem)));
    List<ReadRoutine> batch = new ArrayList<>();
    for (Element e : round.getElementsAnnotatedWith(routineAnnotation)) {
      if (!(e instanceof ExecutableElement method) || !(e.getEnclosingElement() instanceof TypeElement owner)) {
        continue;
      }
      Target target = target(owner, method);
      if (target == null) {
        continue;
      }
      ReadRoutine r = reader.read(method, owner, target);
      if (r == null) {
        continue;
      }
      ReadRoutine previous = routines.get(r.routine().symbol());
      if (previous != null) {
        diags.report(Diagnostic.Kind.ERROR, "duplicate-symbol", r.routine().symbol() + " is already declared by "
            + previous.routine().origin(), method);
        continue;
      }
      routines.put(r.routine().symbol(), r);
      batch.add(r);
    }
    return batch;
  }

  private void readContracts(RoundEnvironment round) {
    Set<TypeElement> types = new java.util.LinkedHashSet<>();
    for (String name : List.of("dev.rtproof.dsl.Contract", "dev.rtproof.dsl.Contract.List")) {
      TypeElement ann = processingEnv.getElementUtils().getTypeElement(name);
      if (ann != null) {
        round.getElementsAnnotatedWith(ann).stream().filter(TypeElement.class::isInstance)
            .forEach(e -> types.add((TypeElement) e));
      }
    }
    ContractReader reader = new ContractReader(processingEnv.getElementUtils(), trees, diags);
    for (TypeElement type : types) {
      List<dev.rtproof.dsl.ir.Contract> declared = new ArrayList<>();
      for (ReadContract c : reader.read(type)) {
        ReadContract previous = contracts.putIfAbsent(c.contract().symbol(), c);
        if (previous != null) {
          diags.error("duplicate-contract", "a @Contract for " + c.contract().symbol() + " is already declared at "
              + previous.contract().pos(), c.tree(), c.cu());
        } else {
          declared.add(c.contract());
        }
      }
      if (!declared.isEmpty()) {
        generateContracts(type, declared);
      }
    }
  }

  /** The class's contracts as a generated ContractSection, so tools verify with them too. */
  private void generateContracts(TypeElement owner, List<dev.rtproof.dsl.ir.Contract> declared) {
    String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
    String ownerName = owner.getQualifiedName().toString().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
    ClassName name = ProgramGenerator.className(pkg, ownerName, "contracts");
    JavaFile file = new ContractGenerator().generate(name, declared, owner.getQualifiedName().toString());
    try (Writer w = processingEnv.getFiler().createSourceFile(name.canonicalName(), owner).openWriter()) {
      file.writeTo(w);
    } catch (IOException e) {
      diags.report(Diagnostic.Kind.ERROR, "cannot-write", "cannot write " + name + ": " + e.getMessage(), owner);
      return;
    }
    generatedContracts.add(name.reflectionName());
    origins.add(owner);
  }

  private List<ReadSection> readData(RoundEnvironment round) {
    TypeElement ann = processingEnv.getElementUtils().getTypeElement("dev.rtproof.dsl.DataSection");
    if (ann == null) {
      return List.of();
    }
    DataSectionReader reader = new DataSectionReader(members, trees, diags);
    List<ReadSection> out = new ArrayList<>();
    for (Element e : round.getElementsAnnotatedWith(ann)) {
      if (!(e instanceof ExecutableElement method)) {
        continue;
      }
      ReadSection section = reader.read(method);
      if (section == null) {
        continue;
      }
      boolean clash = false;
      for (DataSymbol d : section.symbols()) {
        ReadSection previous = dataBySymbol.get(d.name());
        if (previous != null) {
          diags.error("duplicate-globl", "GLOBL " + d.name() + " is already declared by " + previous.method()
              .getEnclosingElement() + "#" + previous.method().getSimpleName(), section.trees().get(d.name()),
              section.cu());
          clash = true;
        }
      }
      if (!clash) {
        section.symbols().forEach(d -> dataBySymbol.put(d.name(), section));
        out.add(section);
      }
    }
    return out;
  }

  /** The target of {@code owner}'s {@code @Routines}; null (after reporting) when it has none or a bad one. */
  private Target target(TypeElement owner, ExecutableElement method) {
    AnnotationMirror routines = Annotations.find(owner, "Routines");
    if (routines == null) {
      diags.report(Diagnostic.Kind.ERROR, "missing-routines", "the class declaring @Routine "
          + method.getSimpleName() + " needs @Routines(target = …)", method);
      return null;
    }
    Object value = new Annotations(processingEnv.getElementUtils()).values(routines).get("target");
    Target t = value instanceof VariableElement v ? Target.byName(v.getSimpleName().toString()) : null;
    if (t == null) {
      diags.report(Diagnostic.Kind.ERROR, "missing-routines", "@Routines(target = " + value + ") names no target; the"
          + " targets are " + java.util.Arrays.toString(Target.values()), owner);
    }
    return t;
  }

  // ---- generating ------------------------------------------------------------------------------------

  private void generate(List<ReadRoutine> batch) {
    ProgramGenerator generator = new ProgramGenerator();
    for (ReadRoutine r : batch) {
      TypeElement owner = (TypeElement) r.method().getEnclosingElement();
      String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
      String ownerName = owner.getQualifiedName().toString().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
      ClassName name = ProgramGenerator.className(pkg, ownerName, r.method().getSimpleName().toString());
      Routine routine = r.routine();
      JavaFile file = generator.generate(name, routine,
          Lowering.lower(routine, Target.valueOf(routine.target()).profile()));
      try (Writer w = processingEnv.getFiler().createSourceFile(name.canonicalName(), r.method()).openWriter()) {
        file.writeTo(w);
      } catch (IOException e) {
        diags.report(Diagnostic.Kind.ERROR, "cannot-write", "cannot write " + name + ": " + e.getMessage(), r.method());
        continue;
      }
      generated.add(name.reflectionName());
      origins.add(r.method());
    }
  }

  private void generateData(List<ReadSection> sections) {
    DataSectionGenerator generator = new DataSectionGenerator();
    for (ReadSection section : sections) {
      ExecutableElement method = section.method();
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
      String ownerName = owner.getQualifiedName().toString().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
      ClassName name = ProgramGenerator.className(pkg, ownerName, method.getSimpleName().toString());
      JavaFile file = generator.generate(name, section.symbols(), owner.getQualifiedName() + "#" + method.getSimpleName());
      try (Writer w = processingEnv.getFiler().createSourceFile(name.canonicalName(), method).openWriter()) {
        file.writeTo(w);
      } catch (IOException e) {
        diags.report(Diagnostic.Kind.ERROR, "cannot-write", "cannot write " + name + ": " + e.getMessage(), method);
        continue;
      }
      generatedData.add(name.reflectionName());
      origins.add(method);
    }
  }

  // ---- verifying -------------------------------------------------------------------------------------

  /**
   * Verifies every property the routines of {@code batch} claim (declared, and stackguard where the
   * assembler inserts a stack check), in parallel over {@code -Artproof.jobs} threads, and reports each
   * failure on its line; the verdicts keep the order of the routines and their properties.
   */
  private void verify(List<ReadRoutine> batch) {
    Map<String, List<ReadRoutine>> byTarget = new LinkedHashMap<>();
    routines.values().forEach(r -> byTarget.computeIfAbsent(r.routine().target(), t -> new ArrayList<>()).add(r));
    List<Task> tasks = new ArrayList<>();
    Map<Task, ReadRoutine> origin = new java.util.IdentityHashMap<>();
    for (List<ReadRoutine> group : byTarget.values()) {
      List<DataSymbol> data = new ArrayList<>();
      // A section declares several symbols: take each once, by identity (no need to compare their contents).
      Set<ReadSection> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (ReadSection sec : dataBySymbol.values()) {
        if (seen.add(sec)) {
          data.addAll(sec.symbols());
        }
      }
      Program program = new Program(group.stream().map(ReadRoutine::routine).collect(Collectors.toList()), data,
          contracts.values().stream().map(ReadContract::contract).collect(Collectors.toList()));
      Names names = new Names(program.profile().constants(),
          program.symbols().all().stream().map(SymbolTable.Symbol::name).collect(Collectors.toSet()));
      expressions.contractsParse(contracts.values(), names);
      for (ReadRoutine r : group) {
        if (batch.contains(r) && expressions.routineParses(r, names)) {
          for (Task t : Task.of(program, r.routine())) {
            tasks.add(t);
            origin.put(t, r);
          }
        }
      }
    }
    Verifier verifier = new Verifier(options.verifyOptions());
    List<Verdict> found;
    if (cache == null) {
      found = verifier.verifyAll(tasks, options.jobs());
    } else {
      ProofCache.Run run = cache.verifyAll(verifier, tasks, options.jobs());
      found = run.verdicts();
      cacheHits += run.hits();
    }
    for (int i = 0; i < tasks.size(); i++) {
      verdicts.add(found.get(i));
      report(origin.get(tasks.get(i)), found.get(i));
    }
  }

  private void report(ReadRoutine r, Verdict v) {
    if (v.status() == Status.PROVED) {
      return;
    }
    Diagnostic.Kind kind = options.failOn().fails(v.status()) ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    String message = v.status() + " " + v.label() + " of " + v.routine() + ": " + v.message();
    ReadRoutine at = r;
    for (ReadRoutine other : routines.values()) {
      if (other.trees().containsKey(v.pos())) {
        at = other;
      }
    }
    Tree tree = at.treeAt(v.pos());
    diags.report(kind, v.property(), message, tree, at.cu());
  }

  // ---- finishing ---------------------------------------------------------------------------------------

  private void finish() {
    if (generated.isEmpty() && generatedData.isEmpty() && generatedContracts.isEmpty() && verdicts.isEmpty()) {
      return;
    }
    try {
      if (!generatedData.isEmpty()) {
        register(DATA_SERVICE, generatedData);
      }
      if (!generatedContracts.isEmpty()) {
        register(CONTRACT_SERVICE, generatedContracts);
      }
      if (!generated.isEmpty()) {
        register(SERVICE, generated);
      }
    } catch (IOException e) {
      diags.note("rtproof: cannot register generated programs: " + e.getMessage());
    }
    if (routines.isEmpty() && verdicts.isEmpty()) {
      return;
    }
    Map<Status, Integer> counts = ReportWriter.counts(verdicts);
    diags.note("rtproof: " + verdicts.size() + " properties of " + routines.size() + " routines: " + counts
        + " (" + Verifier.z3Version() + ")" + (cache == null ? "" : "; " + cacheHits + " from the proof cache in "
        + cache.directory()));
    Path reportDir = options.reportDir() != null ? options.reportDir()
        : OutputDirs.sibling(OutputDirs.classes(processingEnv.getFiler()), "rtproof");
    if (reportDir != null) {
      ReportWriter.write(reportDir, "compiled routines", verdicts);
      HostInfo.write(reportDir, RoutineProcessor.class);
    }
  }

  private void register(String service, Set<String> names) throws IOException {
    FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", service,
        origins.toArray(new Element[0]));
    try (Writer w = file.openWriter()) {
      for (String name : names) {
        w.write(name + "\n");
      }
    }
  }
}
