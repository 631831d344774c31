/**
 * Static checks of a layer zip against a Lambda target, without running Python: where files sit (what the
 * runtime's {@code sys.path} and loader will see), every ELF file (machine, glibc and libstdc++ symbol versions,
 * musl, the CPython ABI in extension module names, libraries nobody provides), each distribution's wheel tags and
 * RECORD hashes, and the sizes against Lambda's limits. {@link dev.pylayer.inspect.LayerInspector} is the entry
 * point; {@link dev.pylayer.inspect.InspectionReport#willLoad()} is the verdict.
 */
package dev.pylayer.inspect;
