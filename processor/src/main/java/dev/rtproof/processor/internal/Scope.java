package dev.rtproof.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import javax.lang.model.element.TypeElement;

/**
 * Where a body is read: its compilation unit and file, the class it is declared in, and the readers that
 * resolve its names, fold its constants and build its operands, with the parameters of the macro being
 * expanded bound to their arguments.
 */
record Scope(CompilationUnitTree cu, String file, NameResolver names, ConstantFolder folder, OperandReader operands) {

  static Scope of(Members members, CompilationUnitTree cu, TypeElement owner, Bindings bindings) {
    NameResolver names = new NameResolver(members, cu, owner);
    ConstantFolder folder = new ConstantFolder(names, bindings);
    return new Scope(cu, RoutineReader.fileOf(cu), names, folder, new OperandReader(names, folder, bindings));
  }
}
