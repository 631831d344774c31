package dev.pylayer.requirement;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values PEP 508 environment markers are evaluated against: what {@code packaging.markers.default_environment()}
 * returns on the target interpreter (for pylayer, a Lambda runtime, not the machine pylayer runs on).
 */
public record MarkerEnvironment(
        String implementationName,
        String implementationVersion,
        String osName,
        String platformMachine,
        String platformPythonImplementation,
        String platformRelease,
        String platformSystem,
        String platformVersion,
        String pythonFullVersion,
        String pythonVersion,
        String sysPlatform) {

    public MarkerEnvironment {
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(implementationVersion, "implementationVersion");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(platformMachine, "platformMachine");
        Objects.requireNonNull(platformPythonImplementation, "platformPythonImplementation");
        Objects.requireNonNull(platformRelease, "platformRelease");
        Objects.requireNonNull(platformSystem, "platformSystem");
        Objects.requireNonNull(platformVersion, "platformVersion");
        Objects.requireNonNull(pythonFullVersion, "pythonFullVersion");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(sysPlatform, "sysPlatform");
    }

    /** The value of a PEP 508 marker variable ({@code python_version}, {@code sys_platform}, …), or empty if unknown. */
    public Optional<String> value(String variable) {
        return Optional.ofNullable(asMap().get(variable));
    }

    /** The variables by their PEP 508 names. {@code platform.python_implementation} is accepted as an alias. */
    public Map<String, String> asMap() {
        return Map.ofEntries(
                Map.entry("implementation_name", implementationName),
                Map.entry("implementation_version", implementationVersion),
                Map.entry("os_name", osName),
                Map.entry("platform_machine", platformMachine),
                Map.entry("platform_python_implementation", platformPythonImplementation),
                Map.entry("platform.python_implementation", platformPythonImplementation),
                Map.entry("python_implementation", platformPythonImplementation),
                Map.entry("platform_release", platformRelease),
                Map.entry("platform_system", platformSystem),
                Map.entry("platform_version", platformVersion),
                Map.entry("python_full_version", pythonFullVersion),
                Map.entry("python_version", pythonVersion),
                Map.entry("sys_platform", sysPlatform),
                Map.entry("os.name", osName),
                Map.entry("sys.platform", sysPlatform),
                Map.entry("platform.version", platformVersion),
                Map.entry("platform.machine", platformMachine));
    }
}
