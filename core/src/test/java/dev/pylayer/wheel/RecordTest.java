package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordTest {

    private static Record parse(String text) {
        return Record.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRowsWithHashSizeOrNeither() {
        Record record = parse("""
                demo/__init__.py,sha256=AVL5Yq4xU7kpOQkXc0i2wZtOIgFqO3E8p3L7vv4n3mo,10
                demo-1.0.dist-info/RECORD,,
                demo/data.bin,,42
                """);
        assertEquals(3, record.entries().size());
        RecordEntry first = record.entries().get(0);
        assertEquals("demo/__init__.py", first.path());
        assertEquals(Optional.of(new RecordHash("sha256", "AVL5Yq4xU7kpOQkXc0i2wZtOIgFqO3E8p3L7vv4n3mo")), first.hash());
        assertEquals(OptionalLong.of(10), first.size());
        assertEquals(RecordEntry.unhashed("demo-1.0.dist-info/RECORD"), record.entry("demo-1.0.dist-info/RECORD").orElseThrow());
        assertEquals(OptionalLong.of(42), record.entry("demo/data.bin").orElseThrow().size());
        assertEquals(Optional.empty(), record.entry("demo/data.bin").orElseThrow().hash());
    }

    /** Rows as Python's csv module writes them, checked with python3.11 -c "import csv, sys; csv.writer(...)". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'\"a,b.py\",sha256=x,1'|a,b.py",
            "'\"say \"\"hi\"\".txt\",,'|say \"hi\".txt",
            "'plain.py,sha256=x,1'|plain.py",
            "'a\"b.py,,'|a\"b.py",
            "'\"ab\"c.py,,'|abc.py",
            "'\"semi;colon.py\",,'|semi;colon.py"})
    void readsQuotedFieldsAsPythonCsvDoes(String line, String path) {
        assertEquals(path, parse(line + "\n").entries().get(0).path());
    }

    @Test
    void readsLineBreaksInsideQuotesAndCrLfLineEnds() {
        Record record = parse("\"two\nlines.txt\",,\r\nnext.py,,\r\n\r\nlast.py,,");
        assertEquals(List.of("two\nlines.txt", "next.py", "last.py"), record.entries().stream().map(RecordEntry::path).toList());
    }

    @Test
    void writesAsPythonCsvDoes() {
        Record record = Record.of(List.of(
                new RecordEntry("a,b.py", Optional.of(new RecordHash("sha256", "xyz")), OptionalLong.of(3)),
                new RecordEntry("say \"hi\".txt", Optional.empty(), OptionalLong.empty()),
                RecordEntry.unhashed("demo-1.0.dist-info/RECORD")));
        assertEquals("\"a,b.py\",sha256=xyz,3\n\"say \"\"hi\"\".txt\",,\ndemo-1.0.dist-info/RECORD,,\n", record.toString());
        assertEquals(record.entries(), Record.parse(record.toBytes()).entries());
    }

    @Test
    void collapsesIdenticalDuplicateRows() {
        assertEquals(1, parse("a.py,sha256=x,1\na.py,sha256=x,1\n").entries().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'a.py,sha256=x,1\na.py,sha256=y,1\n'|listed twice",
            "'a.py,sha256,1\n'|`sha256`",
            "'a.py,=x,1\n'|`=x`",
            "'a.py,sha256=x,-1\n'|`-1`",
            "'a.py,sha256=x,1.5\n'|`1.5`",
            "',sha256=x,1\n'|empty path",
            "'\"a.py,sha256=x,1\n'|not closed"})
    void refusesMalformedRows(String text, String named) {
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> parse(text));
        assertTrue(error.getMessage().contains(named), error.getMessage());
    }

    @Test
    void refusesRecordsThatAreNotUtf8() {
        assertThrows(InvalidRecordException.class, () -> Record.parse(new byte[] {'a', (byte) 0xff, ',', ',', '\n'}));
    }

    @Test
    void matchesDigestsInTheSpellingsToolsWrote() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("VALUE = 1\n".getBytes(StandardCharsets.UTF_8));
        RecordHash urlsafe = RecordHash.sha256(digest);
        assertTrue(urlsafe.matches(digest));
        assertTrue(new RecordHash("sha256", urlsafe.value() + "=").matches(digest));
        assertTrue(new RecordHash("sha256", java.util.Base64.getEncoder().encodeToString(digest)).matches(digest));
        assertTrue(new RecordHash("sha256", HexFormat.of().formatHex(digest)).matches(digest));
        assertFalse(new RecordHash("sha256", "AAAA").matches(digest));
        assertTrue(new RecordHash("sha512", "x").newDigest().isPresent());
        assertTrue(new RecordHash("blake2b", "x").newDigest().isEmpty());
    }
}
