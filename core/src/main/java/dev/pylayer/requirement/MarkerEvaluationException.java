package dev.pylayer.requirement;

import java.util.List;

/**
 * A marker that parses but cannot be evaluated: packaging's {@code UndefinedComparison} ({@code ~=} or
 * {@code ===} on values that are not versions) and {@code UndefinedEnvironmentName} (a variable such as
 * {@code extras} that only lock files define).
 */
public final class MarkerEvaluationException extends RequirementException {
    MarkerEvaluationException(String marker, String why, String hint) {
        super("cannot evaluate the marker `" + marker + "`: " + why, marker, List.of(hint));
    }
}
