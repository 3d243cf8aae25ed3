package dev.rtproof.processor.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated Java sources in memory, against the test classpath, and loads the classes. */
public final class InMemoryCompiler {
  private InMemoryCompiler() {}

  /** A source file: its class's binary name and text. */
  record Source(String className, String text) {}

  /**
   * Compiles {@code sources} (independent of each other) and returns a class loader that defines them.
   * Two javac tasks run side by side, one per core.
   */
  static ClassLoader compile(List<Source> sources) throws InterruptedException, ExecutionException {
    return loader(classes(sources));
  }

  /** Compiles {@code sources} and returns the class files by binary name. */
  static Map<String, byte[]> classes(List<Source> sources) throws InterruptedException, ExecutionException {
    Map<String, byte[]> classes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int half = sources.size() / 2;
      Future<?> a = pool.submit(() -> compile(sources.subList(0, half), classes));
      Future<?> b = pool.submit(() -> compile(sources.subList(half, sources.size()), classes));
      a.get();
      b.get();
    } finally {
      pool.shutdown();
    }
    return classes;
  }

  /** A class loader defining {@code classes}. */
  public static ClassLoader loader(Map<String, byte[]> classes) {
    return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  private static void compile(List<Source> sources, Map<String, byte[]> classes) {
    if (sources.isEmpty()) {
      return;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager std = javac.getStandardFileManager(null, null, null);
    ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(std) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
          FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
          @Override
          public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
              @Override
              public void close() {
                classes.put(className, toByteArray());
              }
            };
          }
        };
      }
    };
    List<JavaFileObject> units = sources.stream().<JavaFileObject>map(s ->
        new SimpleJavaFileObject(URI.create("string:///" + s.className().replace('.', '/') + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return s.text();
          }
        }).toList();
    StringWriter log = new StringWriter();
    String classpath = System.getProperty("java.class.path");
    boolean ok = javac.getTask(log, files, null, List.of("-classpath", classpath, "-proc:none", "-nowarn",
        "-Xlint:none", "-g:none"), null, units).call();
    if (!ok) {
      throw new AssertionError("generated code does not compile:\n" + log);
    }
  }

}
