package dev.pylayer.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.requirement.Requirement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** pylayer's resolver picks the files pip 26 picks ({@link PipScenarios}), whichever way it reads the index. */
class ResolverScenariosTest {
    static Stream<Arguments> scenarios() {
        return PipScenarios.all().flatMap(scenario -> Stream.of(IndexWorld.Flavour.values())
                .map(flavour -> Arguments.of(scenario, flavour)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("scenarios")
    void picksWhatPipPicks(PipScenarios.Scenario scenario, IndexWorld.Flavour flavour) {
        try (IndexWorld world = new IndexWorld()) {
            scenario.wheels().forEach(world::add);
            ResolveRequest request = new ResolveRequest(IndexWorld.roots(scenario.requirements().toArray(String[]::new)),
                    scenario.constraints().stream().map(Requirement::parse).toList(), Map.of(), scenario.pre(), false);
            IndexWorld.Outcome outcome = world.resolve(flavour, scenario.target(), request);
            Set<String> chosen = outcome.resolution().packages().stream().map(p -> p.file().filename())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(scenario.expected()), chosen);
        }
    }
}
