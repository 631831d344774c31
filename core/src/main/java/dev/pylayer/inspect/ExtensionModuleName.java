package dev.pylayer.inspect;

import dev.pylayer.runtime.LambdaTarget;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of a compiled Python extension module and the ABI it encodes (PEP 3149's {@code SOABI}, PEP 384's
 * {@code .abi3}, PEP 703's {@code t} for free-threaded builds): {@code _foo.cpython-311-x86_64-linux-gnu.so},
 * {@code _foo.abi3.so}, {@code _foo.so}, {@code _foo.pypy310-pp73-x86_64-linux-gnu.so}, {@code _foo.cp311-win_amd64.pyd}.
 * CPython's import system only tries the suffixes in {@code importlib.machinery.EXTENSION_SUFFIXES}; a module
 * file with any other suffix is invisible to it.
 *
 * @param module     the module name before the first dot
 * @param kind       what the suffix promises
 * @param suffix     everything from the first dot, e.g. {@code .cpython-311-x86_64-linux-gnu.so}
 * @param pythonMinor for {@link Kind#CPYTHON}, the 3.X minor version
 * @param abiFlags   for {@link Kind#CPYTHON}, {@code t} (free-threaded), {@code d} (debug), {@code m} (pymalloc, ≤3.7)
 * @param platform   the platform triplet, e.g. {@code x86_64-linux-gnu}, {@code aarch64-linux-musl}, {@code darwin}
 */
public record ExtensionModuleName(String module, Kind kind, String suffix, OptionalInt pythonMinor, String abiFlags,
        String platform) {

    /** The flavours of extension module suffix. */
    public enum Kind {
        /** {@code .cpython-3XY[flags]-<triplet>.so}: one CPython version and build. */
        CPYTHON,
        /** {@code .abi3.so}: the stable ABI, for every CPython 3 since the wheel's minimum. */
        STABLE_ABI,
        /** {@code .so}: no tag; CPython on Linux loads it whatever it was built for. */
        UNTAGGED,
        /** {@code .pypy…-pp…-<triplet>.so}: PyPy. */
        PYPY,
        /** {@code .pyd}: a Windows DLL. */
        WINDOWS
    }

    private static final String IDENTIFIER = "([A-Za-z_][A-Za-z0-9_]*)";
    private static final Pattern CPYTHON = Pattern.compile(IDENTIFIER + "\\.cpython-3(\\d+)([a-z]*)-([A-Za-z0-9_-]+)\\.so");
    private static final Pattern ABI3 = Pattern.compile(IDENTIFIER + "\\.abi3\\.so");
    private static final Pattern PYPY = Pattern.compile(IDENTIFIER + "\\.(pypy\\d*-pp\\d+)-([A-Za-z0-9_-]+)\\.so");
    private static final Pattern WINDOWS = Pattern.compile(IDENTIFIER + "(\\.[A-Za-z0-9_-]+)?\\.pyd");
    private static final Pattern UNTAGGED = Pattern.compile(IDENTIFIER + "\\.so");

    /** Parses a file name (no folders); empty when it is not an extension module's name (e.g. {@code libfoo.so.1}). */
    public static Optional<ExtensionModuleName> parse(String fileName) {
        if (!fileName.endsWith(".so") && !fileName.endsWith(".pyd")) {
            return Optional.empty(); // every pattern ends so: most files of a layer are decided here, without a regex
        }
        Matcher m = CPYTHON.matcher(fileName);
        if (m.matches()) {
            return Optional.of(new ExtensionModuleName(m.group(1), Kind.CPYTHON, fileName.substring(m.end(1)),
                    OptionalInt.of(Integer.parseInt(m.group(2))), m.group(3), m.group(4)));
        }
        m = ABI3.matcher(fileName);
        if (m.matches()) {
            return Optional.of(new ExtensionModuleName(m.group(1), Kind.STABLE_ABI, ".abi3.so", OptionalInt.empty(), "", ""));
        }
        m = PYPY.matcher(fileName);
        if (m.matches()) {
            return Optional.of(new ExtensionModuleName(m.group(1), Kind.PYPY, fileName.substring(m.end(1)),
                    OptionalInt.empty(), "", m.group(3)));
        }
        m = WINDOWS.matcher(fileName);
        if (m.matches()) {
            return Optional.of(new ExtensionModuleName(m.group(1), Kind.WINDOWS, fileName.substring(m.end(1)),
                    OptionalInt.empty(), "", "windows"));
        }
        m = UNTAGGED.matcher(fileName);
        if (m.matches()) {
            return Optional.of(new ExtensionModuleName(m.group(1), Kind.UNTAGGED, ".so", OptionalInt.empty(), "", ""));
        }
        return Optional.empty();
    }

    /**
     * The suffixes the target's interpreter imports, in its order: CPython's {@code EXTENSION_SUFFIXES} on Linux,
     * e.g. {@code [.cpython-311-x86_64-linux-gnu.so, .abi3.so, .so]} for python3.11 on x86_64.
     */
    public static List<String> importableSuffixes(LambdaTarget target) {
        return List.of(".cpython-3" + target.runtime().pythonMinor() + "-" + target.architecture().machine()
                + "-linux-gnu.so", ".abi3.so", ".so");
    }

    /** Whether the target's interpreter would import a module from a file with this name. */
    public boolean importableOn(LambdaTarget target) {
        return importableSuffixes(target).contains(suffix);
    }

    /** "CPython 3.12", "free-threaded CPython 3.13", "PyPy", "Windows", "the stable ABI": for messages. */
    public String builtFor() {
        return switch (kind) {
            case CPYTHON -> (abiFlags.contains("t") ? "free-threaded " : abiFlags.contains("d") ? "debug " : "")
                    + "CPython 3." + pythonMinor.getAsInt() + " on " + platform;
            case STABLE_ABI -> "the CPython stable ABI";
            case UNTAGGED -> "any CPython";
            case PYPY -> "PyPy on " + platform;
            case WINDOWS -> "Windows";
        };
    }
}
