package dev.pylayer.requirements;

import dev.pylayer.requirement.InvalidMarkerException;
import dev.pylayer.requirement.InvalidRequirementException;
import dev.pylayer.requirement.Marker;
import dev.pylayer.requirement.Requirement;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads requirements files the way pip's {@code req_file.py} does: decode, split lines, join continuations,
 * drop comments, expand {@code ${VAR}}, split each line into a requirement and options, follow {@code -r} and
 * {@code -c} includes. The options are collected into a {@link RequirementsFile.Builder}.
 */
final class RequirementsFileReader {
    // (^|\s+)#.*$ matched at the start of a line (re.match): a comment line, possibly indented.
    private static final Pattern COMMENT_LINE = Pattern.compile("^(?:[\\s\\x1C-\\x1F\\x85\\p{Z}]*)#.*");
    // (^|\s+)#.*$ anywhere (re.sub): a # at the start or after whitespace begins a comment.
    private static final Pattern COMMENT = Pattern.compile("(?:^|[\\s\\x1C-\\x1F\\x85\\p{Z}]+)#.*$");
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");
    private static final Pattern CODING = Pattern.compile("coding[:=]\\s*([-\\w.]+)");
    // Python's str.splitlines() boundaries.
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\x0B\\x0C\\x1C\\x1D\\x1E\\x85\\u2028\\u2029]");

    private final RequirementsFile.Builder result;
    private final UnaryOperator<String> environment;
    private final LineHandler handler;

    RequirementsFileReader(RequirementsFile.Builder result, UnaryOperator<String> environment) {
        this.result = result;
        this.environment = environment;
        this.handler = new LineHandler(result, this);
    }

    /** Reads {@code file}; {@code chain} maps each file being read (absolute) to where it was included from. */
    void readFile(Path file, boolean constraint, Map<Path, String> chain, String includedFrom) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RequirementsFileIncludeException(includedFrom, "cannot open the " + (constraint ? "constraints"
                    : "requirements") + " file `" + file + "`: it does not exist",
                    List.of("paths in -r and -c are relative to the file that contains them"), e);
        } catch (IOException e) {
            throw new RequirementsFileIncludeException(includedFrom, "cannot read `" + file + "`: " + e.getMessage(),
                    List.of("check that the file exists and can be read"), e);
        }
        readContent(decode(data, file, includedFrom), file, constraint, chain);
    }

    void readContent(String content, Path file, boolean constraint, Map<Path, String> chain) {
        for (NumberedLine line : preprocess(content)) {
            handler.handle(line.text(), file, line.number(), constraint, chain);
        }
    }

    /** Follows an include, refusing a file that is already being read further up the chain. */
    void include(String target, Path from, int lineNumber, boolean constraint, Map<Path, String> chain) {
        String source = from + ":" + lineNumber;
        if (target.matches("(?i)^(https?|file):.*")) {
            throw new UnsupportedRequirementException(source, "`" + target + "` is a URL; pylayer reads"
                    + " requirements files from disk", List.of("download the file and include it by its path"));
        }
        Path parent = from.getParent();
        Path path;
        try {
            path = (parent == null ? Path.of(target) : parent.resolve(target)).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new RequirementsFileIncludeException(source, "`" + target + "` is not a valid path: "
                    + e.getReason(), List.of("check the file name after -r or -c"), e);
        }
        Path key = identity(path);
        if (chain.containsKey(key)) {
            String first = chain.get(key);
            throw new RequirementsFileIncludeException(source, "`" + path + "` includes itself"
                    + (first == null ? "" : " (it was first included at " + first + ")"),
                    List.of("remove the -r or -c line that closes the cycle"), null);
        }
        Map<Path, String> extended = new HashMap<>(chain);
        extended.put(key, source);
        readFile(path, constraint, extended, source);
    }

    static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    String expand(String line) {
        Matcher m = ENV_VAR.matcher(line);
        String expanded = line;
        while (m.find()) {
            String value = environment.apply(m.group(1));
            // pip leaves ${VAR} as written when VAR is unset or empty.
            if (value != null && !value.isEmpty()) {
                expanded = expanded.replace(m.group(), value);
            }
        }
        return expanded;
    }

    record NumberedLine(int number, String text) {
    }

    /** pip's {@code preprocess}: split lines, join continuations, drop comments and blank lines, expand variables. */
    List<NumberedLine> preprocess(String content) {
        List<String> lines = splitLines(content);
        List<NumberedLine> joined = new ArrayList<>();
        StringBuilder pending = null;
        int primary = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean comment = COMMENT_LINE.matcher(line).matches();
            if (!line.endsWith("\\") || comment) {
                if (comment) {
                    line = " " + line; // so that the comment is stripped after joining
                }
                if (pending != null) {
                    joined.add(new NumberedLine(primary, pending.append(line).toString()));
                    pending = null;
                } else {
                    joined.add(new NumberedLine(i + 1, line));
                }
            } else {
                if (pending == null) {
                    pending = new StringBuilder();
                    primary = i + 1;
                }
                pending.append(stripBackslashes(line));
            }
        }
        if (pending != null) {
            joined.add(new NumberedLine(primary, pending.toString()));
        }
        List<NumberedLine> result = new ArrayList<>();
        for (NumberedLine line : joined) {
            String text = pythonStrip(COMMENT.matcher(line.text()).replaceFirst(""));
            if (!text.isEmpty()) {
                result.add(new NumberedLine(line.number(), expand(text)));
            }
        }
        return result;
    }

    private static List<String> splitLines(String content) {
        List<String> lines = new ArrayList<>(List.of(LINE_BREAK.split(content, -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // splitlines() has no empty last line after a final break
        }
        return lines;
    }

    /** Python's {@code line.strip("\\")}: every leading and trailing backslash. */
    private static String stripBackslashes(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && line.charAt(start) == '\\') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == '\\') {
            end--;
        }
        return line.substring(start, end);
    }

    static String pythonStrip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F') || c == ' ' || c == '\u0085'
                || (c > 0x7f && Character.isSpaceChar(c));
    }

    /** pip's {@code _decode_req_file}: a BOM, else a PEP 263 coding comment in the first two lines, else UTF-8. */
    static String decode(byte[] data, Path file, String includedFrom) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(data, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(data, 0xFF, 0xFE, 0, 0) || startsWith(data, 0, 0, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32");
        } else if (startsWith(data, 0xFF, 0xFE) || startsWith(data, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16;
        } else {
            charset = declaredCharset(data, file, includedFrom);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, skip, data.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new RequirementsFileIncludeException(includedFrom, "`" + file + "` is not valid " + charset.name()
                    + " text", List.of("save the file as UTF-8, or declare its encoding in a first-line comment"
                    + " such as `# -*- coding: latin-1 -*-`"), e);
        }
    }

    private static Charset declaredCharset(byte[] data, Path file, String includedFrom) {
        int start = 0;
        for (int line = 0; line < 2 && start < data.length; line++) {
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            if (data[start] == '#') {
                Matcher m = CODING.matcher(new String(data, start, end - start, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    try {
                        return pythonCodec(m.group(1));
                    } catch (IllegalArgumentException e) {
                        throw new RequirementsFileIncludeException(includedFrom, "`" + file + "` declares the"
                                + " unknown encoding `" + m.group(1) + "`", List.of("use `# -*- coding: utf-8 -*-`"), e);
                    }
                }
            }
            start = end + 1;
        }
        return StandardCharsets.UTF_8;
    }

    /** A Python codec name as a Java charset: Java knows most, but not spellings such as {@code latin-1}. */
    private static Charset pythonCodec(String name) {
        String python = name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        switch (python) {
            case "latin-1": case "latin1": case "l1": case "iso-8859-1": case "iso8859-1": case "8859": case "cp819":
                return StandardCharsets.ISO_8859_1;
            case "utf8": case "utf-8": case "utf-8-sig": case "u8": case "utf": case "cp65001":
                return StandardCharsets.UTF_8;
            default:
                return Charset.forName(name);
        }
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A requirement as pip's {@code parse_req_from_line} reads one (not editable, not a path or URL). */
    static Requirement requirement(String text, String source) {
        String name = text;
        Marker marker = null;
        int semicolon = text.indexOf(';');
        if (semicolon >= 0) {
            name = text.substring(0, semicolon);
            String markerText = pythonStrip(text.substring(semicolon + 1));
            if (!markerText.isEmpty()) {
                try {
                    marker = Marker.parse(markerText);
                } catch (InvalidMarkerException e) {
                    throw new RequirementsFileSyntaxException(source, e.getMessage(), e.hints(), e);
                }
            }
        }
        name = pythonStrip(name);
        try {
            Requirement requirement = Requirement.parse(name);
            return marker == null ? requirement : requirement.withMarker(marker);
        } catch (InvalidRequirementException e) {
            throw new RequirementsFileSyntaxException(source, e.getMessage(), e.hints(), e);
        }
    }
}
