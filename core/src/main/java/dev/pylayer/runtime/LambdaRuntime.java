package dev.pylayer.runtime;

import dev.pylayer.tags.GlibcVersion;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The AWS Lambda Python runtimes and the facts about them that decide which wheels load:
 * the CPython minor version and the glibc of the Amazon Linux image underneath.
 *
 * <p>python3.9–3.11 run on Amazon Linux 2 (glibc 2.26); python3.12 and later on Amazon Linux 2023
 * (glibc 2.34). See the Lambda runtimes table in the AWS Lambda developer guide.
 */
public enum LambdaRuntime {
    PYTHON_3_9(9, OperatingSystem.AMAZON_LINUX_2),
    PYTHON_3_10(10, OperatingSystem.AMAZON_LINUX_2),
    PYTHON_3_11(11, OperatingSystem.AMAZON_LINUX_2),
    PYTHON_3_12(12, OperatingSystem.AMAZON_LINUX_2023),
    PYTHON_3_13(13, OperatingSystem.AMAZON_LINUX_2023),
    PYTHON_3_14(14, OperatingSystem.AMAZON_LINUX_2023);

    /** The runtime used when none is named: the newest that AWS lists as the default in its console. */
    public static final LambdaRuntime DEFAULT = PYTHON_3_12;

    private final int pythonMinor;
    private final OperatingSystem operatingSystem;

    LambdaRuntime(int pythonMinor, OperatingSystem operatingSystem) {
        this.pythonMinor = pythonMinor;
        this.operatingSystem = operatingSystem;
    }

    /** The Lambda identifier, e.g. {@code python3.12}, as used by the Lambda API's Runtime field. */
    public String identifier() {
        return "python3." + pythonMinor;
    }

    /** Always 3. */
    public int pythonMajor() {
        return 3;
    }

    public int pythonMinor() {
        return pythonMinor;
    }

    /** {@code 3.12}: the marker variable python_version and the folder name suffix. */
    public String pythonVersion() {
        return "3." + pythonMinor;
    }

    /** The folder under {@code python/lib/} where site-packages lives: {@code python3.12}. */
    public String libFolder() {
        return "python3." + pythonMinor;
    }

    public OperatingSystem operatingSystem() {
        return operatingSystem;
    }

    /** The glibc of the runtime's image: the highest manylinux_2_N a wheel may require. */
    public GlibcVersion glibc() {
        return operatingSystem.glibc();
    }

    /** The runtime named by a Lambda identifier ({@code python3.12}) or its bare version ({@code 3.12}). */
    public static Optional<LambdaRuntime> find(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (!wanted.startsWith("python")) {
            wanted = "python" + wanted;
        }
        for (LambdaRuntime runtime : values()) {
            if (runtime.identifier().equals(wanted)) {
                return Optional.of(runtime);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but throws {@link UnknownRuntimeException} naming the supported runtimes. */
    public static LambdaRuntime of(String text) {
        return find(text).orElseThrow(() -> new UnknownRuntimeException(text, supportedIdentifiers()));
    }

    /** {@code python3.9, python3.10, …}: for messages and help text. */
    public static String supportedIdentifiers() {
        return Arrays.stream(values()).map(LambdaRuntime::identifier).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return identifier();
    }
}
