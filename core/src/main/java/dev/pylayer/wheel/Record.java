package dev.pylayer.wheel;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A RECORD file: CSV rows {@code path,hash,size} as Python's {@code csv} module reads and writes them with its
 * default (excel) dialect, which is what the binary distribution format specifies. Fields may be quoted
 * ({@code "a,b.py"}), quotes inside quoted fields are doubled, and the hash and size may be empty (RECORD
 * lists itself as {@code …/RECORD,,}). Rows beyond the third field are ignored, as pip ignores them.
 */
public final class Record {
    private final List<RecordEntry> entries;
    private final Map<String, RecordEntry> byPath;

    private Record(List<RecordEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, RecordEntry> map = new HashMap<>();
        for (RecordEntry entry : this.entries) {
            map.put(entry.path(), entry);
        }
        this.byPath = map;
    }

    /**
     * Parses RECORD bytes (UTF-8). A path listed twice with the same hash and size counts once (pip meets such
     * files in the wild); listed twice with different values it is an {@link InvalidRecordException}.
     */
    public static Record parse(byte[] data) {
        String text;
        try {
            text = StrictUtf8.decode(data, 0, data.length);
        } catch (CharacterCodingException e) {
            throw new InvalidRecordException(0, "it is not UTF-8");
        }
        Map<String, RecordEntry> rows = new LinkedHashMap<>();
        for (CsvRows.Row row : CsvRows.parse(text)) {
            RecordEntry entry = toEntry(row);
            RecordEntry earlier = rows.putIfAbsent(entry.path(), entry);
            if (earlier != null && !earlier.equals(entry)) {
                throw new InvalidRecordException(row.line(), "`" + entry.path() + "` is listed twice with different hashes or sizes");
            }
        }
        return new Record(new ArrayList<>(rows.values()));
    }

    /** A RECORD of these rows, in this order. */
    public static Record of(Collection<RecordEntry> entries) {
        return new Record(new ArrayList<>(entries));
    }

    private static RecordEntry toEntry(CsvRows.Row row) {
        List<String> fields = row.fields();
        String path = fields.get(0);
        if (path.isEmpty()) {
            throw new InvalidRecordException(row.line(), "a row has an empty path");
        }
        Optional<RecordHash> hash = Optional.empty();
        if (fields.size() > 1 && !fields.get(1).isEmpty()) {
            hash = RecordHash.tryParse(fields.get(1));
            if (hash.isEmpty()) {
                throw new InvalidRecordException(row.line(), "`" + fields.get(1) + "` is not `algorithm=digest`");
            }
        }
        OptionalLong size = OptionalLong.empty();
        if (fields.size() > 2 && !fields.get(2).isEmpty()) {
            size = parseSize(fields.get(2));
            if (size.isEmpty()) {
                throw new InvalidRecordException(row.line(), "`" + fields.get(2) + "` is not a size in bytes");
            }
        }
        return new RecordEntry(path, hash, size);
    }

    /** Python's {@code int()} as pip would apply it: surrounding whitespace, an optional {@code +}, decimal digits. */
    private static OptionalLong parseSize(String text) {
        String digits = text.strip();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** The rows, in file order, each path once. */
    public List<RecordEntry> entries() {
        return entries;
    }

    /** The row of a path, compared exactly. */
    public Optional<RecordEntry> entry(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The CSV text: rows in the order given, fields quoted only where needed, {@code \n} line ends. */
    public byte[] toBytes() {
        StringBuilder text = new StringBuilder();
        for (RecordEntry entry : entries) {
            CsvRows.appendRow(text, List.of(entry.path(), entry.hash().map(RecordHash::toString).orElse(""),
                    entry.size().isPresent() ? Long.toString(entry.size().getAsLong()) : ""));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
