package dev.pylayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pylayer.resolve.PythonCandidate;
import dev.pylayer.tags.GlibcVersion;
import dev.pylayer.tags.Tag;
import dev.pylayer.version.Version;
import dev.pylayer.wheel.WheelEntry;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records whose {@code equals} and {@code hashCode} are written out (for start-up time, see docs/architecture.md) keep
 * the contract of the generated ones: equal exactly when every component is equal, and then the same hash.
 */
class WrittenOutRecordEqualityTest {
    private static final Random RANDOM = new Random(7);

    private static String pick(String... values) {
        return values[RANDOM.nextInt(values.length)];
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("Tag", (Function<Random, Object>) random -> new Tag(pick("cp311", "py3", "CP311"),
                        pick("cp311", "abi3", "none"), pick("any", "manylinux_2_17_x86_64"))),
                Arguments.of("GlibcVersion", (Function<Random, Object>) random ->
                        new GlibcVersion(random.nextInt(3), random.nextInt(3))),
                Arguments.of("WheelEntry", (Function<Random, Object>) random -> new WheelEntry(pick("a.py", "b.py"),
                        random.nextBoolean() ? 0 : 8, random.nextInt(2), random.nextInt(2), random.nextInt(2),
                        random.nextBoolean() ? 0100644 : 0100755)),
                Arguments.of("PythonCandidate", (Function<Random, Object>) random ->
                        new PythonCandidate(Version.parse(pick("3.11", "3.11.0", "3.12", "3.9")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void equalExactlyWhenEveryComponentIsEqual(String name, Function<Random, Object> make) throws Exception {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add(make.apply(RANDOM));
        }
        int equalPairs = 0;
        for (Object a : values) {
            for (Object b : values) {
                boolean componentsEqual = componentsEqual(a, b);
                assertEquals(componentsEqual, a.equals(b), a + " vs " + b);
                if (componentsEqual) {
                    equalPairs++;
                    assertEquals(a.hashCode(), b.hashCode(), a + " vs " + b);
                }
            }
            assertNotEquals(a, null);
            assertNotEquals(a, "text");
        }
        // Both outcomes were met many times.
        assertEquals(true, equalPairs > values.size() && equalPairs < values.size() * values.size());
    }

    private static boolean componentsEqual(Object a, Object b) throws Exception {
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                return false;
            }
        }
        return true;
    }
}
