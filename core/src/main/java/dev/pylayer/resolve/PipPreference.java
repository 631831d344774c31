package dev.pylayer.resolve;

import dev.pylayer.resolve.engine.Criterion;
import dev.pylayer.resolve.engine.RequirementInformation;
import dev.pylayer.resolve.engine.ResolutionView;
import dev.pylayer.version.Specifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine works on next, chosen as pip chooses it ({@code pip/_internal/resolution/resolvelib/provider.py}):
 * {@code PipProvider.narrow_requirement_selection} narrows the unsatisfied identifiers, then the one with the
 * lowest {@code get_preference} tuple wins. Remembers across rounds how often each identifier appeared unpinned in
 * a conflict, as pip's provider does ({@code _conflict_counts}, {@code _conflict_promoted}). Not thread-safe: the
 * engine selects from one thread.
 */
final class PipPreference {
    /** pip's {@code _CONFLICT_PRIORITY_THRESHOLD}. */
    private static final int CONFLICT_PRIORITY_THRESHOLD = 5;

    private final Map<String, Integer> userRequested;
    private final Map<String, Integer> conflictCounts = new HashMap<>();
    private final Set<String> conflictPromoted = new HashSet<>();

    /** @param userRequested each identifier's position among the user's requirements (pip's {@code user_requested}) */
    PipPreference(Map<String, Integer> userRequested) {
        this.userRequested = Map.copyOf(userRequested);
    }

    /** pip's {@code narrow_requirement_selection}, then {@code min} over {@code get_preference}. */
    String select(List<String> unsatisfied, ResolutionView<PythonRequirement, Candidate, String> view) {
        Set<String> backtrackIdentifiers = new HashSet<>();
        for (RequirementInformation<PythonRequirement, Candidate> info : view.backtrackCauses()) {
            List<String> names = new ArrayList<>();
            names.add(info.requirement().identifier());
            if (info.parent() != null) {
                names.add(info.parent().identifier());
            }
            for (String name : names) {
                backtrackIdentifiers.add(name);
                // pip: identifiers that keep appearing unpinned in conflicts are promoted, so that their
                // constraints take effect before other packages pick a version.
                if (!view.resolutions().containsKey(name)) {
                    int count = conflictCounts.merge(name, 1, Integer::sum);
                    if (count >= CONFLICT_PRIORITY_THRESHOLD) {
                        conflictPromoted.add(name);
                    }
                }
            }
        }
        // pip: Requires-Python alone, else the current backtrack causes, else the promoted ones, else all.
        List<String> causes = new ArrayList<>();
        List<String> promoted = new ArrayList<>();
        List<String> narrowed = null;
        for (String identifier : unsatisfied) {
            if (identifier.equals(PythonCandidate.IDENTIFIER)) {
                narrowed = List.of(identifier);
                break;
            }
            if (backtrackIdentifiers.contains(identifier)) {
                causes.add(identifier);
            } else if (conflictPromoted.contains(identifier)) {
                promoted.add(identifier);
            }
        }
        if (narrowed == null) {
            narrowed = !causes.isEmpty() ? causes : !promoted.isEmpty() ? promoted : unsatisfied;
        }
        Comparator<Preference> order = Comparator.naturalOrder();
        return narrowed.stream().map(id -> preference(id, view.criteria().get(id))).min(order)
                .orElseThrow().identifier();
    }

    /** pip's preference tuple; lower sorts first. */
    record Preference(boolean notPromoted, boolean notDirect, boolean notPinned, boolean notUpperBounded,
            double requestedOrder, boolean notUnfree, String identifier) implements Comparable<Preference> {
        @Override
        public int compareTo(Preference other) {
            return Comparator.comparing(Preference::notPromoted)
                    .thenComparing(Preference::notDirect)
                    .thenComparing(Preference::notPinned)
                    .thenComparing(Preference::notUpperBounded)
                    .thenComparingDouble(Preference::requestedOrder)
                    .thenComparing(Preference::notUnfree)
                    .thenComparing(Preference::identifier)
                    .compare(this, other);
        }
    }

    /**
     * pip's {@code get_preference}: direct (an explicit candidate), pinned ({@code ==}/{@code ===} without a
     * wildcard), upper-bounded ({@code <}, {@code <=}, {@code ~=}, {@code ==} with a wildcard), the user's order,
     * non-free (any operator), then the name.
     */
    private Preference preference(String identifier, Criterion<PythonRequirement, Candidate> criterion) {
        boolean direct = false;
        boolean pinned = false;
        boolean upperBounded = false;
        boolean unfree = false;
        if (criterion != null) {
            for (RequirementInformation<PythonRequirement, Candidate> info : criterion.information()) {
                if (info.requirement() instanceof PythonRequirement.Explicit) {
                    direct = true;
                } else if (info.requirement() instanceof PythonRequirement.Specified specified) {
                    for (Specifier spec : specified.specifier().specifiers()) {
                        unfree = true;
                        String op = spec.operator().symbol();
                        boolean wildcard = spec.isWildcard();
                        if (op.startsWith("==") && !wildcard) {
                            pinned = true;
                        }
                        if (op.equals("<") || op.equals("<=") || op.equals("~=") || (op.equals("==") && wildcard)) {
                            upperBounded = true;
                        }
                    }
                }
            }
        }
        Integer requested = userRequested.get(identifier);
        return new Preference(!conflictPromoted.contains(identifier), !direct, !pinned, !upperBounded,
                requested == null ? Double.POSITIVE_INFINITY : requested, !unfree, identifier);
    }
}
