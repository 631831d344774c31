package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzInputs;
import dev.pylayer.name.PackageName;
import dev.pylayer.tags.Tag;
import dev.pylayer.testdata.tables.ExpectationTables;
import dev.pylayer.version.Version;
import dev.pylayer.wheel.UnsafeWheelEntryException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The names an index or a wheel hands us: wheel and sdist file names, zip entry names. Any text either parses
 * (and then agrees with itself: the name prints back, the tags re-expand, the version re-parses) or is refused
 * with the parser's own typed error or an empty result. Nothing else escapes.
 *
 * <p>Seeds under {@code WheelFilenameFuzzTestInputs/} come from the pip-generated tables
 * ({@code wheel-filenames.csv}, {@code sdist-filenames.csv}) and {@code EntryPathTest}; the generated runs join
 * and damage pieces of every table row. How to fuzz: see {@code VersionFuzzTest}, with
 * {@code -Dtest='WheelFilenameFuzzTest#wheelFilenames'}, {@code #sdistFilenames} or {@code #entryPaths}.
 */
class WheelFilenameFuzzTest {
    private static final List<PackageName> PROJECTS = List.of(PackageName.of("foo"), PackageName.of("python-dateutil"));
    static final List<String> PATH_FRAGMENTS = List.of("demo", "/", "/", "..", ".", "__init__.py", "demo-1.0.dist-info",
            "RECORD", "C:", "c:", "\\", "a:b", "\u0000", "\u007f", "\t", " ", "\u00e9", "\ud83d\ude00", "\ud800", "//");

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"-", ".whl", "py3-none-any", "cp311-cp311-manylinux_2_17_x86_64", ".manylinux2014_x86_64",
            "1!", ".post1", ".dev3", "+local", "__"})
    void wheelFilenames(byte[] input) {
        checkWheelFilename(new String(input, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"foo-", "python-dateutil-", ".tar.gz", ".tar", ".zip", ".tgz", ".tar.lzma", "-py3", "-py2.7",
            ".post0"})
    void sdistFilenames(byte[] input) {
        checkSdistFilename(new String(input, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"/", "..", "./", "C:", "\\", "//", ".dist-info/"})
    void entryPaths(byte[] input) {
        checkEntryPath(new String(input, StandardCharsets.UTF_8));
    }

    @Test
    void survivesGeneratedWheelFilenames() {
        FuzzInputs.of(427, fragments("wheel-filenames.csv")).feed(10_000, 6,
                WheelFilenameFuzzTest::checkWheelFilename);
    }

    @Test
    void survivesGeneratedSdistFilenames() {
        FuzzInputs.of(625, fragments("sdist-filenames.csv")).feed(10_000, 6,
                WheelFilenameFuzzTest::checkSdistFilename);
    }

    @Test
    void survivesGeneratedEntryPaths() {
        FuzzInputs.of(491, PATH_FRAGMENTS).feed(10_000, 8, WheelFilenameFuzzTest::checkEntryPath);
    }

    /** Every file name of a table, whole and cut into its dash- and dot-separated pieces (separators kept). */
    private static List<String> fragments(String table) {
        Set<String> fragments = new LinkedHashSet<>();
        for (String[] row : ExpectationTables.rows(WheelFilenameFuzzTest.class, table)) {
            String name = row[0];
            fragments.add(name);
            for (String piece : name.split("(?=[-.])|(?<=[-.])")) {
                fragments.add(piece);
            }
        }
        return new ArrayList<>(fragments);
    }

    static void checkWheelFilename(String text) {
        BuildTag.tryParse(text);
        Optional<WheelFilename> tried = WheelFilename.tryParse(text);
        WheelFilename filename;
        try {
            filename = WheelFilename.parse(text);
        } catch (InvalidWheelFilenameException e) {
            assertTrue(e.getMessage().startsWith("`" + text + "` is not a valid wheel file name: "), e.getMessage());
            assertEquals(text, e.filename());
            assertEquals(Optional.empty(), tried);
            return;
        }
        assertEquals(Optional.of(filename), tried);
        assertEquals(text, filename.filename());
        assertEquals(filename, WheelFilename.parse(filename.filename()));
        assertEquals(filename.tags(), Tag.parseCompressed(filename.compressedTags()));
        assertFalse(filename.tags().isEmpty());
        assertEquals(filename.version(), Version.parse(filename.version().toString()));
        assertTrue(PackageName.isValid(filename.name().normalized()), filename.name().normalized());
        filename.buildTag().ifPresent(build -> assertEquals(build, BuildTag.tryParse(build.toString()).orElseThrow()));
    }

    static void checkSdistFilename(String text) {
        List<PackageName> projects = new ArrayList<>(PROJECTS);
        int dash = text.indexOf('-');
        if (dash > 0 && PackageName.isValid(text.substring(0, dash))) {
            projects.add(PackageName.of(text.substring(0, dash)));
        }
        for (PackageName project : projects) {
            Optional<SourceDistFilename> sdist = SourceDistFilename.tryParse(text, project);
            if (sdist.isPresent()) {
                assertEquals(text, sdist.get().filename());
                assertEquals(project, sdist.get().name());
                assertTrue(SourceDistFilename.EXTENSIONS.contains(sdist.get().extension()), sdist.get().extension());
                assertTrue(text.endsWith(sdist.get().extension()), sdist.get().extension());
                assertEquals(sdist.get().version(), Version.parse(sdist.get().version().toString()));
            }
        }
    }

    static void checkEntryPath(String name) {
        Optional<Reason> problem = EntryPath.problem(name);
        try {
            EntryPath.check("fuzz-1.0-py3-none-any.whl", name);
        } catch (UnsafeWheelEntryException e) {
            assertEquals(problem, Optional.of(e.reason()));
            assertEquals(name, e.entry());
            assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), "control characters are escaped in messages");
            return;
        }
        assertEquals(Optional.empty(), problem);
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            assertFalse(segment.isEmpty() || segment.equals(".") || segment.equals(".."), name);
        }
        assertFalse(name.contains("\\") || name.startsWith("/"), name);
    }
}
