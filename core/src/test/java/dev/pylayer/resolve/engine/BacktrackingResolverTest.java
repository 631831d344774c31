package dev.pylayer.resolve.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine on a toy world of integer versions: requirements are {@code name lo..hi}, candidates
 * {@code name@version}. The scenarios are the classic backtracking cases from resolvelib's test suite.
 */
class BacktrackingResolverTest {

    record Req(String name, int low, int high) {
        static Req parse(String text) {
            String[] parts = text.split(" ");
            String[] range = parts[1].split("\\.\\.");
            return new Req(parts[0], Integer.parseInt(range[0]), Integer.parseInt(range[1]));
        }

        boolean accepts(int version) {
            return version >= low && version <= high;
        }
    }

    record Cand(String name, int version) {
    }

    /** name → version → dependencies. */
    static class World implements ResolutionProvider<Req, Cand, String> {
        final Map<String, TreeMap<Integer, List<Req>>> packages = new HashMap<>();
        int dependencyCalls;

        World add(String name, int version, String... dependencies) {
            packages.computeIfAbsent(name, n -> new TreeMap<>(Comparator.reverseOrder()))
                    .put(version, java.util.Arrays.stream(dependencies).map(Req::parse).toList());
            return this;
        }

        @Override
        public String identifyRequirement(Req requirement) {
            return requirement.name();
        }

        @Override
        public String identifyCandidate(Cand candidate) {
            return candidate.name();
        }

        @Override
        public String select(List<String> unsatisfied, ResolutionView<Req, Cand, String> view) {
            return unsatisfied.stream().min(Comparator.naturalOrder()).orElseThrow();
        }

        @Override
        public List<Cand> findMatches(String identifier, Function<String, List<Req>> requirements,
                Function<String, Collection<Cand>> incompatibilities) {
            List<Cand> matches = new ArrayList<>();
            for (int version : packages.getOrDefault(identifier, new TreeMap<>()).keySet()) {
                Cand candidate = new Cand(identifier, version);
                if (requirements.apply(identifier).stream().allMatch(r -> r.accepts(version))
                        && !incompatibilities.apply(identifier).contains(candidate)) {
                    matches.add(candidate);
                }
            }
            return matches;
        }

        @Override
        public boolean isSatisfiedBy(Req requirement, Cand candidate) {
            return requirement.accepts(candidate.version());
        }

        @Override
        public List<Req> dependencies(Cand candidate) {
            dependencyCalls++;
            return packages.get(candidate.name()).get(candidate.version());
        }

        Map<String, Integer> resolve(String... roots) {
            ResolutionResult<Req, Cand, String> result = new BacktrackingResolver<>(this, ResolutionReporter.<Req, Cand>none())
                    .resolve(java.util.Arrays.stream(roots).map(Req::parse).toList(), 10_000);
            return result.mapping().values().stream().collect(Collectors.toMap(Cand::name, Cand::version));
        }
    }

    @Test
    void picksNewestVersionsWhenNothingConflicts() {
        World world = new World()
                .add("app", 1, "lib 1..9").add("app", 2, "lib 1..9")
                .add("lib", 1).add("lib", 3);
        assertEquals(Map.of("app", 2, "lib", 3), world.resolve("app 0..9"));
    }

    @Test
    void backtracksToAnOlderVersionWhenTheNewestConflicts() {
        // app 2 needs lib 2, tool needs lib 1: only app 1 (lib any) works with tool.
        World world = new World()
                .add("app", 1, "lib 1..9").add("app", 2, "lib 2..2")
                .add("tool", 1, "lib 1..1")
                .add("lib", 1).add("lib", 2);
        assertEquals(Map.of("app", 1, "tool", 1, "lib", 1), world.resolve("app 0..9", "tool 0..9"));
    }

    @Test
    void backtracksThroughTransitiveDependencies() {
        World world = new World()
                .add("a", 1, "b 1..1").add("a", 2, "b 2..2")
                .add("b", 1, "c 1..1").add("b", 2, "c 2..2")
                .add("c", 1).add("c", 2)
                .add("d", 1, "c 1..1");
        assertEquals(Map.of("a", 1, "b", 1, "c", 1, "d", 1), world.resolve("a 0..9", "d 0..9"));
    }

    @Test
    void dropsPinsNoLongerReachableFromTheRoot() {
        World world = new World()
                .add("a", 1).add("a", 2, "orphan 1..1")
                .add("orphan", 1, "x 5..5")
                .add("b", 1, "a 1..1");
        Map<String, Integer> result = world.resolve("a 0..9", "b 0..9");
        assertEquals(Map.of("a", 1, "b", 1), result);
    }

    @Test
    void reportsBothSidesOfAnImpossibleConflict() {
        World world = new World()
                .add("a", 1, "c 1..1")
                .add("b", 1, "c 2..2")
                .add("c", 1).add("c", 2);
        ResolutionImpossibleException impossible = assertThrows(ResolutionImpossibleException.class,
                () -> world.resolve("a 0..9", "b 0..9"));
        List<RequirementInformation<Req, Cand>> causes = impossible.causes();
        assertTrue(causes.stream().anyMatch(c -> c.requirement().equals(Req.parse("c 1..1"))), causes.toString());
        assertTrue(causes.stream().anyMatch(c -> c.requirement().equals(Req.parse("c 2..2"))), causes.toString());
    }

    @Test
    void rootRequirementWithoutCandidatesIsImpossibleAtOnce() {
        World world = new World().add("a", 1);
        ResolutionImpossibleException impossible = assertThrows(ResolutionImpossibleException.class,
                () -> world.resolve("a 2..9"));
        assertEquals(1, impossible.causes().size());
        assertEquals(null, impossible.causes().get(0).parent());
    }

    @Test
    void unusableCandidatesAreSkipped() {
        World world = new World() {
            @Override
            public List<Req> dependencies(Cand candidate) {
                if (candidate.equals(new Cand("a", 2))) {
                    throw new CandidateUnusableException("broken metadata");
                }
                return super.dependencies(candidate);
            }
        }.add("a", 1).add("a", 2);
        assertEquals(Map.of("a", 1), world.resolve("a 0..9"));
    }

    @Test
    void givesUpAfterTheRoundBudget() {
        World world = new World();
        // A long chain needs one round per package.
        for (int i = 0; i < 50; i++) {
            world.add("p" + i, 1, "p" + (i + 1) + " 1..1");
        }
        world.add("p50", 1);
        assertThrows(ResolutionTooDeepException.class, () -> new BacktrackingResolver<>(world,
                ResolutionReporter.<Req, Cand>none()).resolve(List.of(Req.parse("p0 1..1")), 10));
    }
}
