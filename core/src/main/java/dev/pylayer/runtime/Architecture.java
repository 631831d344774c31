package dev.pylayer.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * Lambda instruction set architectures. Lambda calls them {@code x86_64} and {@code arm64}; wheel
 * platform tags and {@code platform.machine()} call the second one {@code aarch64}.
 */
public enum Architecture {
    X86_64("x86_64", "x86_64"),
    ARM64("arm64", "aarch64");

    public static final Architecture DEFAULT = X86_64;

    private final String lambdaName;
    private final String machine;

    Architecture(String lambdaName, String machine) {
        this.lambdaName = lambdaName;
        this.machine = machine;
    }

    /** The Lambda API's name: {@code x86_64} or {@code arm64}. */
    public String lambdaName() {
        return lambdaName;
    }

    /** The machine name in wheel tags and the platform_machine marker: {@code x86_64} or {@code aarch64}. */
    public String machine() {
        return machine;
    }

    /** Accepts either spelling ({@code arm64}, {@code aarch64}, {@code x86_64}, {@code amd64}). */
    public static Optional<Architecture> find(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Architecture architecture : values()) {
            if (architecture.lambdaName.equals(wanted) || architecture.machine.equals(wanted)) {
                return Optional.of(architecture);
            }
        }
        if (wanted.equals("amd64") || wanted.equals("x64")) {
            return Optional.of(X86_64);
        }
        return Optional.empty();
    }

    /** Like {@link #find} but throws {@link UnknownArchitectureException}. */
    public static Architecture of(String text) {
        return find(text).orElseThrow(() -> new UnknownArchitectureException(text));
    }

    @Override
    public String toString() {
        return lambdaName;
    }
}
