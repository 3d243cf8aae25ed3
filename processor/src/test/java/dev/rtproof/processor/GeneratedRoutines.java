package dev.rtproof.processor;

import com.google.testing.compile.Compilation;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.processor.internal.InMemoryCompiler;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** The ROUTINE of every program a compile-testing compilation generated, loaded from its class files. */
final class GeneratedRoutines {
  private GeneratedRoutines() {}

  /** Routines by symbol. */
  static Map<String, Routine> of(Compilation c) throws Exception {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
            path.length() - ".class".length());
        try (InputStream in = f.openInputStream()) {
          classes.put(name.replace('/', '.'), in.readAllBytes());
        }
      }
    }
    ClassLoader loader = InMemoryCompiler.loader(classes);
    Map<String, Routine> out = new TreeMap<>();
    for (String name : classes.keySet()) {
      Class<?> k = loader.loadClass(name);
      for (Field f : k.getFields()) {
        if (f.getName().equals("ROUTINE") && f.getType() == Routine.class) {
          Routine r = (Routine) f.get(null);
          out.put(r.symbol(), r);
        }
      }
    }
    return out;
  }
}
