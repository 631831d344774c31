package dev.pylayer.runtime;

import dev.pylayer.requirement.MarkerEnvironment;
import dev.pylayer.tags.CompatibleTags;
import dev.pylayer.tags.ManylinuxPolicy;
import dev.pylayer.tags.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a layer is built for: a Lambda Python runtime on an architecture. From it follow the wheel tags that
 * load there (CPython X.Y on manylinux up to the image's glibc), the PEP 508 marker environment, and where
 * packages go inside the layer.
 */
public record LambdaTarget(LambdaRuntime runtime, Architecture architecture) {
    private static final Map<LambdaRuntime, Map<Architecture, CompatibleTags>> TAGS = new EnumMap<>(LambdaRuntime.class);

    public LambdaTarget {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** Every runtime on every architecture, in table order: the candidates for "would work on …" hints. */
    public static List<LambdaTarget> all() {
        List<LambdaTarget> all = new ArrayList<>();
        for (LambdaRuntime runtime : LambdaRuntime.values()) {
            for (Architecture architecture : Architecture.values()) {
                all.add(new LambdaTarget(runtime, architecture));
            }
        }
        return all;
    }

    /** The manylinux platform tags this target accepts, best first. */
    public List<String> platforms() {
        return ManylinuxPolicy.platforms(architecture.machine(), runtime.glibc());
    }

    /** The accepted wheel tags in packaging's order (computed once per target). */
    public CompatibleTags compatibleTags() {
        synchronized (TAGS) {
            return TAGS.computeIfAbsent(runtime, r -> new EnumMap<>(Architecture.class))
                    .computeIfAbsent(architecture,
                            a -> CompatibleTags.cpython(runtime.pythonMajor(), runtime.pythonMinor(), platforms()));
        }
    }

    /** Whether a wheel with these tags loads on this target. */
    public boolean accepts(Collection<Tag> wheelTags) {
        return compatibleTags().compatibility(wheelTags).isCompatible();
    }

    /**
     * The marker environment of the runtime's interpreter. {@code python_full_version} is {@code X.Y.0}: the
     * patch level changes under a function without notice, so markers are judged for the release line.
     * {@code platform_release} and {@code platform_version} describe the kernel, which Lambda does not promise;
     * they are empty, as uv leaves them for a target platform.
     */
    public MarkerEnvironment markerEnvironment() {
        String full = runtime.pythonVersion() + ".0";
        return new MarkerEnvironment("cpython", full, "posix", architecture.machine(), "CPython", "", "Linux", "",
                full, runtime.pythonVersion(), "linux");
    }

    /** {@code python/lib/python3.12/site-packages/}: where Lambda's runtime finds a layer's packages under /opt. */
    public String sitePackagesPrefix() {
        return "python/lib/" + runtime.libFolder() + "/site-packages/";
    }

    /** "python3.11 on x86_64 (Amazon Linux 2, glibc 2.26)". */
    public String describe() {
        return runtime.identifier() + " on " + architecture.lambdaName() + " (" + runtime.operatingSystem().displayName()
                + ", glibc " + runtime.glibc() + ")";
    }

    @Override
    public String toString() {
        return runtime.identifier() + "/" + architecture.lambdaName();
    }
}
