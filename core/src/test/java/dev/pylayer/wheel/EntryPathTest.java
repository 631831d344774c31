package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.wheel.UnsafeWheelEntryException.Reason;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryPathTest {

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(value = {
            "demo/__init__.py, ",
            "demo/, ",
            "demo-1.0.dist-info/RECORD, ",
            "demo/...py, ",
            "demo/..hidden, ",
            "demo/a:b.py, ",
            "'', EMPTY",
            "/, ABSOLUTE",
            "/etc/passwd, ABSOLUTE",
            "../evil.py, PARENT_SEGMENT",
            "demo/../../evil.py, PARENT_SEGMENT",
            "demo/.., PARENT_SEGMENT",
            "demo/../, PARENT_SEGMENT",
            "./demo.py, DOT_SEGMENT",
            "demo//x.py, DOT_SEGMENT",
            "demo/./x.py, DOT_SEGMENT",
            "C:/Windows/evil.py, DRIVE_LETTER",
            "c:evil.py, DRIVE_LETTER",
            "C:\\evil.py, DRIVE_LETTER",
            "demo\\..\\evil.py, BACKSLASH",
            "demo\\x.py, BACKSLASH"})
    void classifiesEntryNames(String name, Reason expected) {
        assertEquals(Optional.ofNullable(expected), EntryPath.problem(name));
    }

    @ParameterizedTest
    @CsvSource({"0", "10", "13", "27", "127"})
    void refusesControlCharacters(int code) {
        assertEquals(Optional.of(Reason.CONTROL_CHARACTER), EntryPath.problem("demo/x" + (char) code + ".py"));
    }
}
