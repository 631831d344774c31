package dev.pylayer.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * pip 26 itself, on each {@link PipScenarios} world written to a folder, installs exactly the expected files:
 * the table {@link ResolverScenariosTest} holds pylayer to is pip's answer. Skipped when the machine has no
 * python3.11 or no pip 26 wheel.
 */
class ResolverMatchesPipIT {
    @TempDir
    static Path work;
    static Optional<PipFolderOracle> pip;

    @BeforeAll
    static void findPip() {
        pip = PipFolderOracle.find(Path.of("target"));
    }

    static Stream<PipScenarios.Scenario> scenarios() {
        return PipScenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void pipInstallsTheExpectedFiles(PipScenarios.Scenario scenario) {
        assumeTrue(pip.isPresent(), "no python3.11 with a pip 26 wheel on this machine");
        assertEquals(new TreeSet<>(scenario.expected()), pip.get().install(scenario.wheels(), scenario.requirements(),
                scenario.constraints(), scenario.target(), scenario.pre(), work));
    }
}
