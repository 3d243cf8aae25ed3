package dev.rtproof.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * rtproof's annotation processor as javac sees it. It runs the real processor
 * ({@code dev.rtproof.processor.internal.RoutineProcessor}) inside the JVM-wide host of
 * {@link ProcessorHost}, so Z3's native library loads once per JVM however many modules a build
 * compiles with rtproof.
 */
@AutoService(Processor.class)
public final class RtproofProcessor implements Processor {
  private static final String REAL = "dev.rtproof.processor.internal.RoutineProcessor";
  private Processor delegate;
  private String failure;

  public RtproofProcessor() {
    try {
      ClassLoader host = ProcessorHost.loaderFor(RtproofProcessor.class.getClassLoader());
      delegate = (Processor) Class.forName(REAL, true, host).getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      failure = e.toString();
    }
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate == null ? Set.of() : delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate == null ? Set.of("dev.rtproof.dsl.Routine") : delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    if (delegate == null) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "[rtproof/internal-error] the rtproof processor could not start: " + failure);
      return;
    }
    delegate.init(env);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate != null && delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
      ExecutableElement member, String userText) {
    return delegate == null ? Set.of() : delegate.getCompletions(element, annotation, member, userText);
  }
}
