package dev.pylayer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
    @ParameterizedTest(name = "{0} bytes read {1}")
    @CsvSource({
            "0, 0 B",
            "12, 12 B",
            "1023, 1023 B",
            "1024, 1.0 KB",
            "104448, 102.0 KB",
            "1048575, 1024.0 KB",
            "1048576, 1.0 MB",
            "52428800, 50.0 MB",
            "262144000, 250.0 MB",
            "-12, -12 B",
            "-3145728, -3.0 MB",
    })
    void humanPicksTheClosestBinaryUnit(long bytes, String expected) {
        assertEquals(expected, ByteSize.human(bytes));
    }

    @ParameterizedTest(name = "{0} bytes read {1}")
    @CsvSource({
            "0, 0.0 MB",
            "104857, 0.1 MB",
            "52428800, 50.0 MB",
            "67031415, 63.9 MB",
    })
    void megabytesKeepsOneUnit(long bytes, String expected) {
        assertEquals(expected, ByteSize.megabytes(bytes));
    }
}
