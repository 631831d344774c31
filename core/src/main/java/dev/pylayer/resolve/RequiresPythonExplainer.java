package dev.pylayer.resolve;

import dev.pylayer.resolve.engine.RequirementInformation;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.version.InvalidSpecifierException;
import dev.pylayer.version.SpecifierSet;
import dev.pylayer.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The failures {@link FailureExplainer} explains by a Requires-Python: how the target's Python was judged, and
 * which runtime would do. pylayer, like pip --python-version X.Y, judges a runtime as Python X.Y.0.
 */
final class RequiresPythonExplainer {
    private RequiresPythonExplainer() {
    }

    /**
     * How the runtime's Python was judged against a Requires-Python. Like pip --python-version X.Y, pylayer checks
     * X.Y.0 (Lambda changes a runtime's patch release without notice); when only a later patch release would pass,
     * saying "runs Python X.Y" reads as a contradiction, so the release judged is named.
     */
    static String judged(LambdaTarget target, String requiresPython) {
        String minor = target.runtime().pythonVersion();
        boolean laterPatchFits = false;
        try {
            SpecifierSet specifiers = SpecifierSet.parse(requiresPython);
            for (int patch = 1; patch < 100 && !laterPatchFits; patch++) {
                laterPatchFits = specifiers.contains(Version.parse(minor + "." + patch), true);
            }
        } catch (InvalidSpecifierException unparsable) {
            laterPatchFits = false;
        }
        if (!laterPatchFits) {
            return target.runtime() + " runs Python " + minor;
        }
        return "pylayer judges " + target.runtime() + " as Python " + minor + ".0, as pip --python-version " + minor
                + " does, because Lambda changes the patch release without notice";
    }

    /**
     * The Requires-Python of releases' METADATA (the index said nothing, or the release is a {@code name @ URL})
     * excludes the target's Python: pip's "Package 'a' requires a different Python: 3.9.0 not in '>=3.10'".
     */
    static ResolutionException metadataMismatch(LambdaTarget target,
            List<RequirementInformation<PythonRequirement, Candidate>> causes) {
        List<String> lines = new ArrayList<>();
        Set<String> releases = new LinkedHashSet<>();
        for (RequirementInformation<PythonRequirement, Candidate> cause : causes) {
            lines.add((cause.parent() == null ? "you" : cause.parent().describe()) + " requires "
                    + cause.requirement().describe());
            if (cause.parent() != null) {
                releases.add("`" + cause.parent().describe() + "`");
            }
        }
        String who = releases.isEmpty() ? "the requirements need" : String.join(", ", releases)
                + (releases.size() == 1 ? " needs" : " need");
        String minor = target.runtime().pythonVersion();
        Optional<LambdaTarget> fits = LambdaTarget.all().stream()
                .filter(t -> t.architecture() == target.architecture() && !t.equals(target))
                .filter(t -> causes.stream().allMatch(cause -> admits(cause, t)))
                // The nearest Python that fits (a newer one on a tie): the smallest change to the function.
                .min(Comparator.comparingInt((LambdaTarget t) -> Math.abs(t.runtime().pythonMinor()
                        - target.runtime().pythonMinor())).thenComparing(t -> -t.runtime().pythonMinor()));
        List<String> hints = new ArrayList<>();
        fits.ifPresent(t -> hints.add("use --runtime " + t.runtime() + " (" + t.runtime().operatingSystem()
                + ", glibc " + t.runtime().glibc() + ")"));
        hints.add((fits.isPresent() ? "or " : "") + "pin releases that support Python " + minor);
        return new ResolutionException.DependencyConflict(FailureExplainer.join(who + " another Python than " + target.runtime()
                + " (Python " + minor + ")", lines), hints);
    }

    /** Whether the cause's Requires-Python accepts {@code other}'s Python and its wheel loads there. */
    private static boolean admits(RequirementInformation<PythonRequirement, Candidate> cause, LambdaTarget other) {
        if (!(cause.requirement() instanceof PythonRequirement.RequiresPython requires)
                || !requires.specifier().contains(Version.parse(other.runtime().pythonVersion() + ".0"), true)) {
            return false;
        }
        Candidate parent = cause.parent() instanceof ExtrasCandidate extras ? extras.base() : cause.parent();
        return !(parent instanceof WheelCandidate wheel) || other.accepts(wheel.wheel().tags());
    }
}
