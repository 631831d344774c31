package dev.pylayer.resolve.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The backtracking resolver: resolvelib 1.x's {@code Resolution} state machine (as vendored by pip 26),
 * written again in Java so that, given the same provider decisions, it pins what pip pins. As in resolvelib, the
 * state tuple is its own type ({@link ResolutionState}, {@code structs.State}) and the result is built outside the
 * state machine ({@link ResultGraph}, {@code _build_result}).
 */
public final class BacktrackingResolver<R, C, K> {
    /** resolvelib's {@code _OPTIMISTIC_BACKJUMPING_RATIO}: share of the remaining rounds to try it for. */
    private static final double OPTIMISTIC_BACKJUMPING_RATIO = 0.1;

    private final ResolutionProvider<R, C, K> provider;
    private final ResolutionReporter<R, C> reporter;

    public BacktrackingResolver(ResolutionProvider<R, C, K> provider, ResolutionReporter<R, C> reporter) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /**
     * Resolves the root requirements.
     *
     * @param maxRounds the round budget (pip uses 200,000)
     * @throws ResolutionImpossibleException when no solution exists
     * @throws ResolutionTooDeepException when the budget runs out
     */
    public ResolutionResult<R, C, K> resolve(List<R> requirements, int maxRounds) {
        return new Run().resolve(requirements, maxRounds);
    }

    /** A criterion that left its identifier without candidates. */
    private static final class RequirementsConflicted extends Exception {
        private final transient Criterion<?, ?> criterion;

        RequirementsConflicted(Criterion<?, ?> criterion) {
            super(null, null, false, false);
            this.criterion = criterion;
        }
    }

    private final class Run {
        private List<ResolutionState<R, C, K>> states = new ArrayList<>();
        private double optimisticBackjumpingRatio = OPTIMISTIC_BACKJUMPING_RATIO;
        private List<ResolutionState<R, C, K>> savedStates;

        ResolutionState<R, C, K> state() {
            return states.get(states.size() - 1);
        }

        void pushNewState() {
            states.add(state().copy());
        }

        void addToCriteria(Map<K, Criterion<R, C>> criteria, R requirement, C parent) throws RequirementsConflicted {
            K identifier = provider.identifyRequirement(requirement);
            Criterion<R, C> criterion = criteria.get(identifier);
            List<C> incompatibilities = criterion == null ? new ArrayList<>()
                    : new ArrayList<>(criterion.incompatibilities());

            List<C> matches = provider.findMatches(identifier,
                    key -> {
                        Criterion<R, C> existing = criteria.get(key);
                        List<R> requirements = existing == null ? new ArrayList<>()
                                : new ArrayList<>(existing.requirements());
                        if (key.equals(identifier)) {
                            requirements.add(requirement);
                        }
                        return requirements;
                    },
                    key -> {
                        if (key.equals(identifier)) {
                            return incompatibilities;
                        }
                        Criterion<R, C> existing = criteria.get(key);
                        return existing == null ? List.of() : existing.incompatibilities();
                    });

            List<RequirementInformation<R, C>> information = criterion == null ? new ArrayList<>()
                    : new ArrayList<>(criterion.information());
            information.add(new RequirementInformation<>(requirement, parent));

            Criterion<R, C> updated = new Criterion<>(matches, information, incompatibilities);
            if (updated.candidates().isEmpty()) {
                throw new RequirementsConflicted(updated);
            }
            criteria.put(identifier, updated);
        }

        void removeInformationFromCriteria(Map<K, Criterion<R, C>> criteria, Set<K> parents) {
            if (parents.isEmpty()) {
                return;
            }
            for (Map.Entry<K, Criterion<R, C>> entry : criteria.entrySet()) {
                Criterion<R, C> criterion = entry.getValue();
                List<RequirementInformation<R, C>> kept = new ArrayList<>();
                for (RequirementInformation<R, C> information : criterion.information()) {
                    if (information.parent() == null
                            || !parents.contains(provider.identifyCandidate(information.parent()))) {
                        kept.add(information);
                    }
                }
                entry.setValue(new Criterion<>(criterion.candidates(), kept, criterion.incompatibilities()));
            }
        }

        boolean isCurrentPinSatisfying(K name, Criterion<R, C> criterion) {
            C currentPin = state().mapping.get(name);
            if (currentPin == null) {
                return false;
            }
            for (R requirement : criterion.requirements()) {
                if (!provider.isSatisfiedBy(requirement, currentPin)) {
                    return false;
                }
            }
            return true;
        }

        Map<K, Criterion<R, C>> updatedCriteria(C candidate) throws RequirementsConflicted {
            Map<K, Criterion<R, C>> criteria = new LinkedHashMap<>(state().criteria);
            for (R requirement : provider.dependencies(candidate)) {
                addToCriteria(criteria, requirement, candidate);
            }
            return criteria;
        }

        /** Returns {@code null} when a candidate was pinned, otherwise the criteria that blocked every one. */
        List<Criterion<R, C>> attemptToPinCriterion(K name) {
            Criterion<R, C> criterion = state().criteria.get(name);
            List<Criterion<R, C>> causes = new ArrayList<>();
            for (C candidate : criterion.candidates()) {
                Map<K, Criterion<R, C>> criteria;
                try {
                    criteria = updatedCriteria(candidate);
                } catch (RequirementsConflicted conflict) {
                    @SuppressWarnings("unchecked")
                    Criterion<R, C> conflicting = (Criterion<R, C>) conflict.criterion;
                    reporter.rejectingCandidate(conflicting, candidate);
                    causes.add(conflicting);
                    continue;
                } catch (CandidateUnusableException unusable) {
                    // Not in resolvelib: an unusable candidate blames the requirements that asked for it,
                    // so that "no usable version" still names who wanted the project.
                    reporter.unusableCandidate(candidate, unusable);
                    causes.add(criterion);
                    continue;
                }

                for (R requirement : criterion.requirements()) {
                    if (!provider.isSatisfiedBy(requirement, candidate)) {
                        throw new IllegalStateException("provider returned candidate " + candidate
                                + " that does not satisfy " + requirement);
                    }
                }

                reporter.pinning(candidate);
                state().criteria.putAll(criteria);
                // The newly pinned candidate goes last: backtracking pops the most recent pin.
                state().mapping.remove(name);
                state().mapping.put(name, candidate);
                return null;
            }
            return causes;
        }

        boolean patchCriteria(List<Map.Entry<K, List<C>>> incompatibilitiesFromBroken) {
            for (Map.Entry<K, List<C>> entry : incompatibilitiesFromBroken) {
                K key = entry.getKey();
                List<C> incompatibilities = entry.getValue();
                if (incompatibilities.isEmpty()) {
                    continue;
                }
                Criterion<R, C> criterion = state().criteria.get(key);
                if (criterion == null) {
                    continue;
                }
                Map<K, Criterion<R, C>> criteria = state().criteria;
                List<C> matches = provider.findMatches(key,
                        k -> {
                            Criterion<R, C> existing = criteria.get(k);
                            return existing == null ? List.of() : existing.requirements();
                        },
                        k -> {
                            Criterion<R, C> existing = criteria.get(k);
                            List<C> known = new ArrayList<>(existing == null ? List.of() : existing.incompatibilities());
                            if (k.equals(key)) {
                                known.addAll(incompatibilities);
                            }
                            return known;
                        });
                if (matches.isEmpty()) {
                    return false;
                }
                List<C> merged = new ArrayList<>(incompatibilities);
                merged.addAll(criterion.incompatibilities());
                criteria.put(key, new Criterion<>(matches, criterion.information(), merged));
            }
            return true;
        }

        void saveState() {
            if (savedStates == null) {
                savedStates = new ArrayList<>();
                for (ResolutionState<R, C, K> state : states) {
                    savedStates.add(state.copy());
                }
            }
        }

        void rollbackStates() {
            optimisticBackjumpingRatio = 0.0;
            if (savedStates != null && !savedStates.isEmpty()) {
                states = savedStates;
                savedStates = null;
            }
        }

        boolean backjump(List<RequirementInformation<R, C>> causes) {
            Set<K> incompatibleDeps = new HashSet<>();
            for (RequirementInformation<R, C> cause : causes) {
                if (cause.parent() != null) {
                    incompatibleDeps.add(provider.identifyCandidate(cause.parent()));
                }
            }
            for (RequirementInformation<R, C> cause : causes) {
                incompatibleDeps.add(provider.identifyRequirement(cause.requirement()));
            }

            while (states.size() >= 3) {
                // Remove the state that triggered backtracking.
                states.remove(states.size() - 1);

                ResolutionState<R, C, K> brokenState;
                Map.Entry<K, C> pin;
                while (true) {
                    if (states.isEmpty()) {
                        throw new ResolutionImpossibleException(causes);
                    }
                    brokenState = states.remove(states.size() - 1);
                    pin = brokenState.popLastPin();
                    if (pin == null) {
                        throw new ResolutionImpossibleException(causes);
                    }
                    K name = pin.getKey();

                    if (optimisticBackjumpingRatio == 0.0 && !incompatibleDeps.contains(name)) {
                        // Safe back-jumping stops at a pin that is not itself part of the conflict.
                        break;
                    }
                    if (optimisticBackjumpingRatio != 0.0 && savedStates == null
                            && !incompatibleDeps.contains(name)) {
                        saveState();
                    }

                    Set<K> currentDependencies = new HashSet<>();
                    for (R dependency : provider.dependencies(pin.getValue())) {
                        currentDependencies.add(provider.identifyRequirement(dependency));
                    }
                    if (!Collections.disjoint(currentDependencies, incompatibleDeps)) {
                        break;
                    }
                    // Do not go back to a state with no pins at all: leave room to recover.
                    if (brokenState.mapping.isEmpty()) {
                        break;
                    }
                    if (states.size() <= 1) {
                        throw new ResolutionImpossibleException(causes);
                    }
                }

                List<Map.Entry<K, List<C>>> incompatibilitiesFromBroken = new ArrayList<>();
                for (Map.Entry<K, Criterion<R, C>> entry : brokenState.criteria.entrySet()) {
                    incompatibilitiesFromBroken.add(Map.entry(entry.getKey(),
                            new ArrayList<>(entry.getValue().incompatibilities())));
                }
                incompatibilitiesFromBroken.add(Map.entry(pin.getKey(), new ArrayList<>(List.of(pin.getValue()))));

                pushNewState();
                if (patchCriteria(incompatibilitiesFromBroken)) {
                    return true;
                }
                // The state does not work with the known incompatibilities: try the one before it.
            }
            return false;
        }

        List<RequirementInformation<R, C>> extractCauses(List<Criterion<R, C>> criteria) {
            Map<RequirementInformation<R, C>, Boolean> seen = new IdentityHashMap<>();
            List<RequirementInformation<R, C>> causes = new ArrayList<>();
            for (Criterion<R, C> criterion : criteria) {
                for (RequirementInformation<R, C> information : criterion.information()) {
                    if (seen.put(information, Boolean.TRUE) == null) {
                        causes.add(information);
                    }
                }
            }
            return causes;
        }

        ResolutionResult<R, C, K> resolve(List<R> requirements, int maxRounds) {
            states.add(new ResolutionState<>(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>()));
            for (R requirement : requirements) {
                try {
                    addToCriteria(state().criteria, requirement, null);
                } catch (RequirementsConflicted conflict) {
                    throw new ResolutionImpossibleException(conflict.criterion.information());
                }
            }
            // The root state is kept as a sentinel so that the first pin has something to go back to.
            pushNewState();

            Integer optimisticStartRound = null;
            Integer optimisticRoundsCutoff = null;

            for (int round = 0; round < maxRounds; round++) {
                reporter.startingRound(round);

                if (optimisticBackjumpingRatio != 0.0 && savedStates != null) {
                    if (optimisticStartRound == null) {
                        optimisticStartRound = round;
                        optimisticRoundsCutoff = (int) ((maxRounds - round) * optimisticBackjumpingRatio);
                        if (optimisticRoundsCutoff <= 0) {
                            rollbackStates();
                            continue;
                        }
                    } else if (optimisticRoundsCutoff != null
                            && round - optimisticStartRound >= optimisticRoundsCutoff) {
                        rollbackStates();
                        continue;
                    }
                }

                List<K> unsatisfied = new ArrayList<>();
                for (Map.Entry<K, Criterion<R, C>> entry : state().criteria.entrySet()) {
                    if (!isCurrentPinSatisfying(entry.getKey(), entry.getValue())) {
                        unsatisfied.add(entry.getKey());
                    }
                }
                if (unsatisfied.isEmpty()) {
                    return ResultGraph.build(state());
                }
                Set<K> satisfiedNames = new HashSet<>(state().criteria.keySet());
                satisfiedNames.removeAll(unsatisfied);

                K name = unsatisfied.size() == 1 ? unsatisfied.get(0) : provider.select(unsatisfied, state());
                List<Criterion<R, C>> failure = attemptToPinCriterion(name);

                if (failure != null) {
                    List<RequirementInformation<R, C>> causes = extractCauses(failure);
                    reporter.resolvingConflicts(causes);
                    boolean success;
                    boolean failedOptimisticBackjumping;
                    try {
                        success = backjump(causes);
                        failedOptimisticBackjumping = !success && optimisticBackjumpingRatio != 0.0
                                && savedStates != null;
                    } catch (ResolutionImpossibleException impossible) {
                        if (optimisticBackjumpingRatio != 0.0 && savedStates != null) {
                            success = false;
                            failedOptimisticBackjumping = true;
                        } else {
                            throw impossible;
                        }
                    }
                    if (failedOptimisticBackjumping && savedStates != null) {
                        rollbackStates();
                    } else {
                        state().backtrackCauses = new ArrayList<>(causes);
                        if (!success) {
                            throw new ResolutionImpossibleException(state().backtrackCauses);
                        }
                    }
                } else {
                    // Pins that stopped satisfying their criteria no longer count as sources of information.
                    Set<K> newlyUnsatisfied = new LinkedHashSet<>();
                    for (Map.Entry<K, Criterion<R, C>> entry : state().criteria.entrySet()) {
                        if (satisfiedNames.contains(entry.getKey())
                                && !isCurrentPinSatisfying(entry.getKey(), entry.getValue())) {
                            newlyUnsatisfied.add(entry.getKey());
                        }
                    }
                    removeInformationFromCriteria(state().criteria, newlyUnsatisfied);
                    pushNewState();
                }
            }
            throw new ResolutionTooDeepException(maxRounds);
        }
    }
}
