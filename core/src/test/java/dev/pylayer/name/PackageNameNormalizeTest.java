package dev.pylayer.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PEP 503 normalization, table-driven from the PEP and against its regex for any string. */
class PackageNameNormalizeTest {
    @ParameterizedTest
    @CsvSource({"Foo__Bar.baz,foo-bar-baz", "friendly-bard,friendly-bard", "Friendly-Bard,friendly-bard",
            "FRIENDLY-BARD,friendly-bard", "friendly.bard,friendly-bard", "friendly_bard,friendly-bard",
            "friendly--bard,friendly-bard", "FrIeNdLy-._.-bArD,friendly-bard", "a,a", "-a-,-a-", "a---b,a-b"})
    void normalizesAsPep503(String name, String normalized) {
        assertEquals(normalized, PackageName.normalize(name));
    }

    @Test
    void agreesWithThePepsRegexOnAnyString() {
        Pattern separators = Pattern.compile("[-_.]+");
        Random random = new Random(3);
        String alphabet = "aZz09-_.-İ";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertEquals(separators.matcher(s).replaceAll("-").toLowerCase(Locale.ROOT), PackageName.normalize(s), s);
        }
    }
}
