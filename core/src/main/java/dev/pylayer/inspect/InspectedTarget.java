package dev.pylayer.inspect;

import dev.pylayer.runtime.LambdaTarget;
import java.util.Objects;

/**
 * The target a layer was inspected against, and where each half came from: {@code given} on the command line, or
 * inferred from the layer ("python/lib/python3.11/", "12 x86-64 ELF files"), or assumed when the layer says nothing.
 */
public record InspectedTarget(LambdaTarget target, String runtimeBasis, String architectureBasis) {
    public static final String GIVEN = "given";

    public InspectedTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runtimeBasis, "runtimeBasis");
        Objects.requireNonNull(architectureBasis, "architectureBasis");
    }

    static InspectedTarget given(LambdaTarget target) {
        return new InspectedTarget(target, GIVEN, GIVEN);
    }
}
