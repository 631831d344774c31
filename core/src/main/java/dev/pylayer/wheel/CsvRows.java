package dev.pylayer.wheel;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Python's {@code csv} module (excel dialect, {@code strict=False}) that RECORD needs: comma
 * delimiter, {@code "} quoting with doubled quotes, line breaks inside quoted fields, blank lines skipped.
 */
final class CsvRows {
    record Row(int line, List<String> fields) {
    }

    private enum State { START_FIELD, IN_FIELD, IN_QUOTED, QUOTE_IN_QUOTED }

    private CsvRows() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.START_FIELD;
        int line = 1;
        int rowLine = 1;
        boolean rowStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || c == '\r';
            if (newline && state != State.IN_QUOTED) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (rowStarted) {
                    fields.add(field.toString());
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                state = State.START_FIELD;
                rowStarted = false;
                line++;
                rowLine = line;
                continue;
            }
            if (newline) {
                line++;
            }
            rowStarted = true;
            switch (state) {
                case START_FIELD -> {
                    if (c == '"') {
                        state = State.IN_QUOTED;
                    } else if (c == ',') {
                        fields.add("");
                    } else {
                        // An unquoted field (nearly every one of a RECORD) runs to the next comma or line break,
                        // quotes in it kept as they are: taken whole rather than a character at a time.
                        int end = unquotedEnd(text, i + 1);
                        field.append(text, i, end);
                        i = end - 1;
                        state = State.IN_FIELD;
                    }
                }
                case IN_FIELD -> {
                    if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        state = State.START_FIELD;
                    } else {
                        field.append(c);
                    }
                }
                case IN_QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        field.append(c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        field.append('"');
                        state = State.IN_QUOTED;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        state = State.START_FIELD;
                    } else {
                        field.append(c);
                        state = State.IN_FIELD;
                    }
                }
            }
        }
        if (state == State.IN_QUOTED) {
            throw new InvalidRecordException(rowLine, "a quoted field is not closed");
        }
        if (rowStarted) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }

    /** Where the unquoted field going on at {@code from} ends: its next comma or line break, else the text's end. */
    private static int unquotedEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** Python's {@code QUOTE_MINIMAL}: quote a field holding the delimiter, a quote or a line break. */
    static void appendRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0 || (fields.size() == 1 && field.isEmpty());
            if (quote) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append('\n');
    }
}
