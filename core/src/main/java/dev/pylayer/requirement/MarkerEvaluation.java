package dev.pylayer.requirement;

import dev.pylayer.requirement.MarkerTree.Atom;
import dev.pylayer.requirement.MarkerTree.Comparison;
import dev.pylayer.requirement.MarkerTree.Group;
import dev.pylayer.version.InvalidSpecifierException;
import dev.pylayer.version.Specifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One evaluation of a marker: packaging's {@code _evaluate_markers} and {@code _eval_op}. */
final class MarkerEvaluation {
    /** Variables compared as PEP 440 versions when the other side forms a specifier. */
    private static final Set<String> VERSION_VARIABLES = Set.of("implementation_version", "platform_release",
            "python_full_version", "python_version");
    /** The keys of packaging's {@code default_environment()}: what a variable, or a quoted name, can look up. */
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("implementation_name", "implementation_version",
            "os_name", "platform_machine", "platform_release", "platform_system", "platform_version",
            "python_full_version", "platform_python_implementation", "python_version", "sys_platform");
    /** Variables only lock files (PEP 751) define; pip evaluates requirements in the "metadata" context. */
    private static final Set<String> LOCK_FILE_VARIABLES = Set.of("extras", "dependency_groups");

    private final Marker marker;
    private final Map<String, String> environment;
    private final String extra;

    MarkerEvaluation(Marker marker, MarkerEnvironment environment, String extra) {
        this.marker = marker;
        this.environment = environment.asMap();
        this.extra = extra;
    }

    /** Splits on {@code or}, all of a run must hold; every comparison is evaluated (no short cut). */
    boolean evaluate(Group group) {
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < group.atoms().size(); i++) {
            if (i > 0 && group.joins().get(i - 1).equals("or")) {
                any |= all;
                all = true;
            }
            boolean value = evaluate(group.atoms().get(i));
            all &= value;
        }
        return any | all;
    }

    private boolean evaluate(Atom atom) {
        if (atom instanceof Group group) {
            return evaluate(group);
        }
        Comparison c = (Comparison) atom;
        String key;
        String left;
        String right;
        if (c.left().variable()) {
            key = c.left().value();
            left = lookup(key, c);
            right = c.right().value();
        } else {
            // packaging takes the right side as the variable, even a quoted string naming one.
            key = c.right().value();
            left = c.left().value();
            right = lookup(key, c);
        }
        return compare(left, c.op(), right, key, c);
    }

    private String lookup(String key, Comparison c) {
        if (key.equals("extra")) {
            return extra;
        }
        if (!ENVIRONMENT_KEYS.contains(key)) {
            if (LOCK_FILE_VARIABLES.contains(key)) {
                throw new MarkerEvaluationException(marker.toString(), "`" + key + "` is defined only in lock"
                        + " files (PEP 751), not in package metadata",
                        "pip cannot evaluate this marker either; ask the package's authors to use `extra`");
            }
            throw new MarkerEvaluationException(marker.toString(), "`" + c.serialize()
                    + "` compares two quoted strings; one side must be a marker variable",
                    "write the comparison with a variable such as `python_version` or `sys_platform`");
        }
        String value = environment.get(key);
        // packaging appends "local" to an untagged build's "3.11.1+" so that it is a valid version.
        return key.equals("python_full_version") && value.endsWith("+") ? value + "local" : value;
    }

    private boolean compare(String left, String op, String right, String key, Comparison c) {
        if (VERSION_VARIABLES.contains(key)) {
            Optional<Specifier> specifier = specifier(op + right);
            if (specifier.isPresent()) {
                return specifier.get().containsText(left, true);
            }
        }
        switch (op) {
            case "in": return right.contains(left);
            case "not in": return !right.contains(left);
            case "<": case ">": return false;
            case "<=": case "==": case ">=": return left.equals(right);
            case "!=": return !left.equals(right);
            default:
                throw new MarkerEvaluationException(marker.toString(), "`" + op + "` compares versions, and `"
                        + c.serialize() + "` does not compare two versions (" + quote(left) + " and " + quote(right)
                        + ")", "use `==` or `!=` to compare strings; `~=` and `===` work only on version variables"
                        + " such as `python_version` with a version on the other side");
        }
    }

    private static Optional<Specifier> specifier(String text) {
        try {
            return Optional.of(Specifier.parse(text));
        } catch (InvalidSpecifierException e) {
            return Optional.empty();
        }
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
