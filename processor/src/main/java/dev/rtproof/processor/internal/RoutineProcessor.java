package dev.rtproof.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.expr.ExprException;
import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Lowering;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.processor.internal.RoutineReader.ReadRoutine;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import javax.lang.model.element.AnnotationValue;
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

  private Trees trees;
  private Diagnostics diags;
  private ProcessorOptions options;
  private final Map<String, ReadRoutine> routines = new LinkedHashMap<>();
  private final Set<String> generated = new TreeSet<>();
  private final List<Element> origins = new ArrayList<>();
  private final List<Verdict> verdicts = new ArrayList<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.rtproof.dsl.Routines", "dev.rtproof.dsl.Routine");
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
    this.diags = new Diagnostics(trees, env.getMessager());
    this.options = ProcessorOptions.parse(env.getOptions(), diags);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        finish();
      } else {
        List<ReadRoutine> batch = read(round);
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
    RoutineReader reader = new RoutineReader(processingEnv.getElementUtils(), trees, diags);
    List<ReadRoutine> batch = new ArrayList<>();
    for (Element e : round.getElementsAnnotatedWith(routineAnnotation)) {
      if (!(e instanceof ExecutableElement method) || !(e.getEnclosingElement() instanceof TypeElement owner)) {
        continue;
      }
      Target target = target(owner);
      if (target == null) {
        diags.report(Diagnostic.Kind.ERROR, "missing-routines", "the class declaring @Routine " + method.getSimpleName()
            + " needs @Routines(target = …)", method);
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

  private static Target target(TypeElement owner) {
    for (AnnotationMirror am : owner.getAnnotationMirrors()) {
      if (((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().contentEquals("dev.rtproof.dsl.Routines")) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v : am.getElementValues().entrySet()) {
          if (v.getKey().getSimpleName().contentEquals("target")) {
            return Target.valueOf(((VariableElement) v.getValue().getValue()).getSimpleName().toString());
          }
        }
        return Target.GO1_19;
      }
    }
    return null;
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

  // ---- verifying -------------------------------------------------------------------------------------

  private void verify(List<ReadRoutine> batch) {
    Map<String, List<ReadRoutine>> byTarget = new LinkedHashMap<>();
    routines.values().forEach(r -> byTarget.computeIfAbsent(r.routine().target(), t -> new ArrayList<>()).add(r));
    Verifier verifier = new Verifier(options.verifyOptions());
    for (List<ReadRoutine> group : byTarget.values()) {
      Program program = new Program(group.stream().map(ReadRoutine::routine).collect(Collectors.toList()));
      Names names = new Names(program.profile().constants(),
          program.symbols().all().stream().map(SymbolTable.Symbol::name).collect(Collectors.toSet()));
      for (ReadRoutine r : group) {
        if (!batch.contains(r) || !expressionsParse(r, names)) {
          continue;
        }
        for (PropertySpec p : r.routine().properties()) {
          Verdict v = verifier.verify(program, r.routine(), p);
          verdicts.add(v);
          report(r, v);
        }
      }
    }
  }

  private boolean expressionsParse(ReadRoutine r, Names names) {
    boolean ok = true;
    List<Condition> conditions = new ArrayList<>(r.routine().requires());
    for (PropertySpec p : r.routine().properties()) {
      if (p.name().equals(PropertySpec.ENSURES)) {
        conditions.add(new Condition(p.args().get(0), p.pos()));
      }
    }
    for (Condition c : conditions) {
      try {
        ExprParser.parseCondition(c.expression(), names);
      } catch (ExprException e) {
        diags.error("bad-expression", "\"" + c.expression() + "\", column " + e.column() + ": " + e.getMessage(),
            r.treeAt(c.pos()), r.cu());
        ok = false;
      }
    }
    return ok;
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
    if (generated.isEmpty()) {
      return;
    }
    Path classes = null;
    try {
      FileObject services = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE,
          origins.toArray(new Element[0]));
      try (Writer w = services.openWriter()) {
        for (String name : generated) {
          w.write(name + "\n");
        }
      }
      URI uri = services.toUri();
      if ("file".equals(uri.getScheme())) {
        classes = Path.of(uri).getParent().getParent().getParent();
      }
    } catch (IOException e) {
      diags.note("rtproof: cannot register generated programs: " + e.getMessage());
    }
    Map<Status, Integer> counts = ReportWriter.counts(verdicts);
    diags.note("rtproof: " + verdicts.size() + " properties of " + routines.size() + " routines: " + counts
        + " (" + Verifier.z3Version() + ")");
    Path reportDir = options.reportDir() != null ? options.reportDir()
        : classes == null ? null
        : classes.resolveSibling(classes.getFileName().toString().equals("classes") ? "rtproof"
            : "rtproof-" + classes.getFileName());
    if (reportDir != null) {
      ReportWriter.write(reportDir, "compiled routines", verdicts);
      writeHostInfo(reportDir);
    }
  }

  /** Records which classloader loaded Z3 in this JVM, so a build can check it loaded only once. */
  private static void writeHostInfo(Path dir) {
    ClassLoader z3 = com.microsoft.z3.Context.class.getClassLoader();
    String text = "pid=" + ProcessHandle.current().pid() + "\n"
        + "z3Loader=" + HostInfo.describe(z3) + "\n"
        + "processorLoader=" + HostInfo.describe(RoutineProcessor.class.getClassLoader()) + "\n";
    try {
      Files.writeString(dir.resolve("z3-host.properties"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
