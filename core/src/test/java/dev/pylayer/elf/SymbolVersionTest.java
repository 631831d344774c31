package dev.pylayer.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Symbol version names split into family and number, the number test against the regex it replaces. */
class SymbolVersionTest {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,5}");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GLIBC_2.28|GLIBC|2.28",
            "GLIBCXX_3.4.29|GLIBCXX|3.4.29",
            "CXXABI_1.3.13|CXXABI|1.3.13",
            "GLIBC_PRIVATE|GLIBC_PRIVATE|",
            "GCC_3.0|GCC|3.0",
            "OPENSSL_1_1_0|OPENSSL_1_1|0",
            "V_1.2.3.4.5.6|V|1.2.3.4.5.6",
            "V_1.2.3.4.5.6.7|V_1.2.3.4.5.6.7|",
            "V_1234567|V_1234567|",
            "V_123456|V|123456",
            "V_2.|V_2.|",
            "V_.2|V_.2|",
            "V_2..8|V_2..8|",
            "_2.28|_2.28|",
            "GLIBC_|GLIBC_|",
            "GLIBC_2.28a|GLIBC_2.28a|",
            "GLIBC_٢.٢٨|GLIBC_٢.٢٨|"})
    void splitsFamilyAndNumber(String name, String family, String number) {
        SymbolVersion version = new SymbolVersion(name, false);
        assertEquals(family, version.family());
        assertEquals(Optional.ofNullable(number), version.number());
        assertEquals(number != null, version.isNumbered());
    }

    @Test
    void numbersAreParsed() {
        assertArrayEquals(new int[] {3, 4, 29}, new SymbolVersion("GLIBCXX_3.4.29", false).numbers());
        assertArrayEquals(new int[0], new SymbolVersion("GLIBC_PRIVATE", false).numbers());
    }

    @Test
    void theNumberTestAgreesWithTheRegex() {
        Random random = new Random(11);
        String alphabet = "0123456789..a_";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertEquals(NUMBER.matcher(s).matches(), SymbolVersion.isNumber(s, 0), s);
            assertEquals(NUMBER.matcher(s).matches(), SymbolVersion.isNumber("GLIBC_" + s, 6), s);
        }
    }
}
