package dev.pylayer.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionModuleNameTest {
    private static final LambdaTarget PY311_X86 = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file name, module, kind, suffix, minor, flags, platform, importable on python3.11/x86_64
            "_multiarray_umath.cpython-311-x86_64-linux-gnu.so, _multiarray_umath, CPYTHON, .cpython-311-x86_64-linux-gnu.so, 11, '', x86_64-linux-gnu, true",
            "_x.cpython-312-x86_64-linux-gnu.so, _x, CPYTHON, .cpython-312-x86_64-linux-gnu.so, 12, '', x86_64-linux-gnu, false",
            "_x.cpython-311-aarch64-linux-gnu.so, _x, CPYTHON, .cpython-311-aarch64-linux-gnu.so, 11, '', aarch64-linux-gnu, false",
            "_x.cpython-313t-x86_64-linux-gnu.so, _x, CPYTHON, .cpython-313t-x86_64-linux-gnu.so, 13, t, x86_64-linux-gnu, false",
            "_x.cpython-311d-x86_64-linux-gnu.so, _x, CPYTHON, .cpython-311d-x86_64-linux-gnu.so, 11, d, x86_64-linux-gnu, false",
            "_x.cpython-37m-x86_64-linux-gnu.so, _x, CPYTHON, .cpython-37m-x86_64-linux-gnu.so, 7, m, x86_64-linux-gnu, false",
            "_x.cpython-311-x86_64-linux-musl.so, _x, CPYTHON, .cpython-311-x86_64-linux-musl.so, 11, '', x86_64-linux-musl, false",
            "_x.cpython-311-darwin.so, _x, CPYTHON, .cpython-311-darwin.so, 11, '', darwin, false",
            "_rust.abi3.so, _rust, STABLE_ABI, .abi3.so, , '', '', true",
            "_cffi_backend.so, _cffi_backend, UNTAGGED, .so, , '', '', true",
            "_x.pypy310-pp73-x86_64-linux-gnu.so, _x, PYPY, .pypy310-pp73-x86_64-linux-gnu.so, , '', x86_64-linux-gnu, false",
            "_x.cp311-win_amd64.pyd, _x, WINDOWS, .cp311-win_amd64.pyd, , '', windows, false",
            "_x.pyd, _x, WINDOWS, .pyd, , '', windows, false",
    })
    void readsTheAbiFromTheFileName(String file, String module, ExtensionModuleName.Kind kind, String suffix,
            Integer minor, String flags, String platform, boolean importable) {
        ExtensionModuleName name = ExtensionModuleName.parse(file).orElseThrow();
        assertEquals(module, name.module());
        assertEquals(kind, name.kind());
        assertEquals(suffix, name.suffix());
        assertEquals(minor == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(minor), name.pythonMinor());
        assertEquals(flags == null ? "" : flags, name.abiFlags());
        assertEquals(platform == null ? "" : platform, name.platform());
        assertEquals(importable, name.importableOn(PY311_X86));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"libfoo.so.1", "libscipy_openblas64_-fdde5778.so", "libgfortran-040039e1.so.5.0.0",
            "module.py", "x.cpython-311-x86_64-linux-gnu.so.bak", "1abc.so", ".so", "_foo.SO", "_foo.PYD", "_foo.abi3.so/",
            "_foo.pyd.txt", "so"})
    void otherFilesAreNotExtensionModules(String file) {
        assertTrue(ExtensionModuleName.parse(file).isEmpty(), file);
    }

    /** python3.11 -c "import importlib.machinery as m; print(m.EXTENSION_SUFFIXES)" on x86_64 Linux. */
    @Test
    void importsTheSuffixesCPythonLooksFor() {
        assertEquals(List.of(".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"),
                ExtensionModuleName.importableSuffixes(PY311_X86));
        assertEquals(List.of(".cpython-313-aarch64-linux-gnu.so", ".abi3.so", ".so"), ExtensionModuleName
                .importableSuffixes(new LambdaTarget(LambdaRuntime.PYTHON_3_13, Architecture.ARM64)));
    }
}
