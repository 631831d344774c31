package dev.pylayer.resolve;

import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;

import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Worlds of generated wheels, what to ask for, and the files pip 26 installs for them
 * ({@code pip install --dry-run --report - --only-binary=:all: --python-version 3.X --platform … --no-index
 * --find-links DIR}). {@link ResolverScenariosTest} checks pylayer's resolver against the expected column;
 * {@link ResolverMatchesPipIT} checks pip itself against the same column, so a row cannot drift from pip.
 * Only worlds that a folder of wheels can express are here (no yanked files, no index-only Requires-Python), and
 * only targets whose markers pip evaluates like ours: pip judges markers against the interpreter it runs on
 * (CPython 3.11 on x86_64 Linux), not against {@code --platform}/{@code --python-version}.
 */
final class PipScenarios {
    record Scenario(String name, List<WheelBuilder> wheels, List<String> requirements, LambdaTarget target,
            boolean pre, List<String> constraints, Set<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String M2014 = "manylinux_2_17_x86_64.manylinux2014_x86_64";

    private PipScenarios() {
    }

    static Stream<Scenario> all() {
        return Stream.of(
                scenario("newest release first", List.of("a"),
                        wheels(wheel("a", "1.0"), wheel("a", "1.1"), wheel("a", "2.0"), wheel("a", "1.9")),
                        "a-2.0-py3-none-any.whl"),
                scenario("cp311 beats abi3 beats py3 within one release", List.of("a"),
                        wheels(wheel("a", "1.0"), wheel("a", "1.0").tag("cp38-abi3-" + M2014),
                                wheel("a", "1.0").tag("cp311-cp311-" + M2014)),
                        "a-1.0-cp311-cp311-" + M2014 + ".whl"),
                scenario("abi3 beats pure Python", List.of("a"),
                        wheels(wheel("a", "1.0"), wheel("a", "1.0").tag("cp38-abi3-" + M2014)),
                        "a-1.0-cp38-abi3-" + M2014 + ".whl"),
                scenario("newest glibc the runtime has wins; newer ones are skipped (3.11)", List.of("a"),
                        wheels(wheel("a", "1.0").tag("cp311-cp311-" + M2014),
                                wheel("a", "1.0").tag("cp311-cp311-manylinux_2_26_x86_64"),
                                wheel("a", "1.0").tag("cp311-cp311-manylinux_2_28_x86_64")),
                        "a-1.0-cp311-cp311-manylinux_2_26_x86_64.whl"),
                scenario("a newer release beats a better tag", List.of("a"),
                        wheels(wheel("a", "1.0").tag("cp311-cp311-" + M2014), wheel("a", "2.0")),
                        "a-2.0-py3-none-any.whl"),
                scenario("the highest build tag wins", List.of("a"),
                        wheels(wheel("a", "1.0"), wheel("a", "1.0").build("1"), wheel("a", "1.0").build("2"),
                                wheel("a", "1.0").build("10")),
                        "a-1.0-10-py3-none-any.whl"),
                scenario("a release for another Python is passed over", List.of("a"),
                        wheels(wheel("a", "1.0").tag("cp311-cp311-" + M2014), wheel("a", "2.0").tag("cp312-cp312-" + M2014)),
                        "a-1.0-cp311-cp311-" + M2014 + ".whl"),
                scenario("backtracks to an older parent", List.of("a", "b"),
                        wheels(wheel("a", "2.0").requiresDist("shared>=2"), wheel("a", "1.0").requiresDist("shared>=1"),
                                wheel("b", "1.0").requiresDist("shared<2"), wheel("shared", "1.0"), wheel("shared", "2.0")),
                        "a-1.0-py3-none-any.whl", "b-1.0-py3-none-any.whl", "shared-1.0-py3-none-any.whl"),
                scenario("backtracks the last pin first: an older sibling, not the parent", List.of("a", "b"),
                        wheels(wheel("a", "2.0").requiresDist("shared>=2"), wheel("a", "1.0").requiresDist("shared>=1"),
                                wheel("b", "1.0").requiresDist("shared<2"), wheel("b", "0.9").requiresDist("shared<2"),
                                wheel("b", "0.5"), wheel("shared", "1.0"), wheel("shared", "2.0")),
                        "a-2.0-py3-none-any.whl", "b-0.5-py3-none-any.whl", "shared-2.0-py3-none-any.whl"),
                scenario("backtracks through two levels", List.of("top"),
                        wheels(wheel("top", "3.0").requiresDist("mid>=2", "leaf<2"), wheel("top", "2.0").requiresDist("mid", "leaf"),
                                wheel("mid", "2.1").requiresDist("leaf>=2"), wheel("mid", "2.0").requiresDist("leaf>=2"),
                                wheel("mid", "1.0").requiresDist("leaf>=1"), wheel("leaf", "1.0"), wheel("leaf", "2.0")),
                        "top-2.0-py3-none-any.whl", "mid-2.1-py3-none-any.whl", "leaf-2.0-py3-none-any.whl"),
                scenario("Requires-Python in METADATA sends the resolver to an older release", List.of("a"),
                        wheels(wheel("a", "2.0").requiresPython(">=3.12"), wheel("a", "1.0").requiresPython(">=3.8")),
                        "a-1.0-py3-none-any.whl"),
                scenario("Requires-Python of a dependency backtracks its parent", List.of("a"),
                        wheels(wheel("a", "2.0").requiresDist("b>=2"), wheel("a", "1.0").requiresDist("b"),
                                wheel("b", "2.0").requiresPython(">=3.12"), wheel("b", "1.0")),
                        "a-1.0-py3-none-any.whl", "b-1.0-py3-none-any.whl"),
                scenario("extras pull their dependencies", List.of("web[server]"),
                        extrasWorld(), "web-2.0-py3-none-any.whl", "base-1.0-py3-none-any.whl", "uv-1.0-py3-none-any.whl"),
                scenario("extras of a dependency", List.of("app"),
                        with(extrasWorld(), wheel("app", "1.0").requiresDist("web[server,cli]>=1")),
                        "app-1.0-py3-none-any.whl", "web-2.0-py3-none-any.whl", "base-1.0-py3-none-any.whl",
                        "uv-1.0-py3-none-any.whl", "click-1.0-py3-none-any.whl"),
                scenario("web[server] and web[cli]<2 agree on one web", List.of("web[server]", "web[cli]<2"),
                        extrasWorld(), "web-1.0-py3-none-any.whl", "base-1.0-py3-none-any.whl",
                        "uv-1.0-py3-none-any.whl", "click-1.0-py3-none-any.whl"),
                scenario("markers are judged for CPython 3.11 on x86_64 Linux", List.of("pkg"),
                        markersWorld(), "pkg-1.0-py3-none-any.whl", "x86dep-1.0-py3-none-any.whl",
                        "newdep-1.0-py3-none-any.whl", "linuxdep-1.0-py3-none-any.whl"),
                scenario("a marker on the requirement itself", List.of("a; python_version < '3.11'", "b; sys_platform == 'linux'"),
                        wheels(wheel("a", "1.0"), wheel("b", "1.0")), "b-1.0-py3-none-any.whl"),
                scenario("pre-releases are not chosen unless asked for", List.of("a"),
                        wheels(wheel("a", "1.0"), wheel("a", "2.0b1")), "a-1.0-py3-none-any.whl"),
                scenario("a specifier that names a pre-release admits it", List.of("a>=2.0b1"),
                        wheels(wheel("a", "1.0"), wheel("a", "2.0b1")), "a-2.0b1-py3-none-any.whl"),
                scenario("a pre-release is chosen when it is the only release the specifier admits", List.of("a>=1.5"),
                        wheels(wheel("a", "1.0"), wheel("a", "2.0b1")), "a-2.0b1-py3-none-any.whl"),
                scenario("only pre-releases: chosen", List.of("a"),
                        wheels(wheel("a", "1.0rc1"), wheel("a", "1.0b2")), "a-1.0rc1-py3-none-any.whl"),
                scenario("a dependency's pre-release is chosen when its specifier names one", List.of("a"),
                        wheels(wheel("a", "1.0").requiresDist("b>=2.0rc1"), wheel("b", "1.5"), wheel("b", "2.0rc1")),
                        "a-1.0-py3-none-any.whl", "b-2.0rc1-py3-none-any.whl"),
                new Scenario("--pre chooses pre-releases", wheels(wheel("a", "1.0"), wheel("a", "2.0b1")), List.of("a"),
                        IndexWorld.PY311, true, List.of(), Set.of("a-2.0b1-py3-none-any.whl")),
                new Scenario("constraints limit versions and never add projects",
                        wheels(wheel("a", "2.0").requiresDist("shared"), wheel("shared", "1.0"), wheel("shared", "2.0"),
                                wheel("unrelated", "1.0")),
                        List.of("a"), IndexWorld.PY311, false, List.of("shared<2", "unrelated==1.0"),
                        Set.of("a-2.0-py3-none-any.whl", "shared-1.0-py3-none-any.whl")),
                new Scenario("a constraint makes the resolver backtrack its parent",
                        wheels(wheel("a", "2.0").requiresDist("shared>=2"), wheel("a", "1.0").requiresDist("shared"),
                                wheel("shared", "1.0"), wheel("shared", "2.0")),
                        List.of("a"), IndexWorld.PY311, false, List.of("shared<2"),
                        Set.of("a-1.0-py3-none-any.whl", "shared-1.0-py3-none-any.whl")),
                new Scenario("newest glibc the runtime has wins (3.12)",
                        wheels(wheel("a", "1.0").tag("cp312-cp312-" + M2014),
                                wheel("a", "1.0").tag("cp312-cp312-manylinux_2_28_x86_64"),
                                wheel("a", "1.0").tag("cp312-cp312-manylinux_2_35_x86_64")),
                        List.of("a"), IndexWorld.PY312, false, List.of(),
                        Set.of("a-1.0-cp312-cp312-manylinux_2_28_x86_64.whl")));
    }

    /** web 2.0 and 1.0 with extras `server` (uv) and `cli` (click); both need base. */
    private static List<WheelBuilder> extrasWorld() {
        return wheels(
                wheel("web", "2.0").requiresDist("base>=1", "uv; extra == \"server\"", "click; extra == 'cli'")
                        .providesExtra("server", "cli"),
                wheel("web", "1.0").requiresDist("base>=1", "uv; extra == \"server\"", "click; extra == 'cli'")
                        .providesExtra("server", "cli"),
                wheel("base", "1.0"), wheel("uv", "1.0"), wheel("click", "1.0"));
    }

    /** pkg 1.0 with one dependency per marker; each dependency is a pure-Python wheel. */
    static List<WheelBuilder> markersWorld() {
        return wheels(
                wheel("pkg", "1.0").providesExtra("more").requiresDist(
                        "armdep; platform_machine == \"aarch64\"", "x86dep; platform_machine == \"x86_64\"",
                        "olddep; python_version < \"3.11\"", "newdep; python_version >= \"3.11\"",
                        "windep; sys_platform == \"win32\"", "linuxdep; sys_platform == \"linux\" and os_name == \"posix\"",
                        "extradep; extra == \"more\"", "pypydep; implementation_name != \"cpython\""),
                wheel("armdep", "1.0"), wheel("x86dep", "1.0"), wheel("olddep", "1.0"), wheel("newdep", "1.0"),
                wheel("windep", "1.0"), wheel("linuxdep", "1.0"), wheel("extradep", "1.0"), wheel("pypydep", "1.0"));
    }

    private static Scenario scenario(String name, List<String> requirements, List<WheelBuilder> wheels,
            String... expected) {
        return new Scenario(name, wheels, requirements, IndexWorld.PY311, false, List.of(),
                new TreeSet<>(Arrays.asList(expected)));
    }

    private static List<WheelBuilder> wheels(WheelBuilder... builders) {
        return List.of(builders);
    }

    private static List<WheelBuilder> with(List<WheelBuilder> world, WheelBuilder... more) {
        List<WheelBuilder> all = new java.util.ArrayList<>(world);
        all.addAll(List.of(more));
        return all;
    }
}
