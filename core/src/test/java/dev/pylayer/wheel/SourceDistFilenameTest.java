package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.tables.ExpectationTables;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceDistFilenameTest {

    static Stream<Arguments> table() {
        return ExpectationTables.rows(SourceDistFilenameTest.class, "sdist-filenames.csv").stream()
                .map(row -> Arguments.of(row[0], row[1], row[2]));
    }

    @ParameterizedTest(name = "{0} of {1} → {2}")
    @MethodSource("table")
    void recognisesSdistsAsPipDoes(String filename, String project, String expected) {
        var parsed = SourceDistFilename.tryParse(filename, PackageName.of(project));
        if (expected.equals("NONE")) {
            assertEquals(java.util.Optional.empty(), parsed);
        } else {
            assertEquals(expected, parsed.orElseThrow().version().toString());
            assertEquals(PackageName.of(project), parsed.get().name());
            assertEquals(filename, parsed.get().filename());
            assertEquals(true, filename.endsWith(parsed.get().extension()));
        }
    }
}
