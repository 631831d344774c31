package dev.pylayer.layer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob over layer paths relative to site-packages ({@code botocore/data/**}, {@code **}{@code /*.pyi}), for
 * {@code --exclude}. {@code *} matches within one path segment, {@code ?} one character of a segment,
 * {@code [abc]} / {@code [!abc]} a character class, and {@code **} as a whole segment any number of segments
 * (none included), as in gitignore; elsewhere {@code **} is a plain {@code *}. Matching is case-sensitive (Lambda's
 * file system is) and {@code *} matches names starting with a dot. A pattern that matches a folder matches every
 * file below it ({@code botocore/data} is {@code botocore/data/**}); a trailing {@code /} matches folders only.
 */
public final class PathGlob {
    private final String text;
    private final Pattern pattern;
    private final boolean foldersOnly;

    private PathGlob(String text, Pattern pattern, boolean foldersOnly) {
        this.text = text;
        this.pattern = pattern;
        this.foldersOnly = foldersOnly;
    }

    /** Parses a glob; throws {@link InvalidExcludeException} for an empty, absolute or malformed one. */
    public static PathGlob parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw InvalidExcludeException.syntax(text, "it is empty");
        }
        if (text.indexOf('\\') >= 0) {
            throw InvalidExcludeException.syntax(text, "it contains `\\`; layer paths are separated by `/`");
        }
        if (text.startsWith("/")) {
            throw InvalidExcludeException.syntax(text, "it is absolute; patterns are relative to site-packages");
        }
        boolean foldersOnly = text.endsWith("/");
        String body = foldersOnly ? text.substring(0, text.length() - 1) : text;
        String[] segments = body.split("/", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty()) {
                throw InvalidExcludeException.syntax(text, "it has an empty path segment (`//`)");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw InvalidExcludeException.syntax(text, "it contains `" + segment + "`; layer paths have none");
            }
            if (segment.equals("**")) {
                regex.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            appendSegment(text, segment, regex);
            if (!last) {
                regex.append('/');
            }
        }
        return new PathGlob(text, Pattern.compile(regex.toString()), foldersOnly);
    }

    private static void appendSegment(String text, String segment, StringBuilder regex) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '*' -> {
                    while (i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
                        i++;
                    }
                    regex.append("[^/]*");
                }
                case '?' -> regex.append("[^/]");
                case '[' -> i = appendClass(text, segment, i, regex);
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
    }

    /** A {@code [...]} class starting at {@code start}; returns the index of its {@code ]}. */
    private static int appendClass(String text, String segment, int start, StringBuilder regex) {
        int i = start + 1;
        boolean negated = i < segment.length() && (segment.charAt(i) == '!' || segment.charAt(i) == '^');
        if (negated) {
            i++;
        }
        StringBuilder members = new StringBuilder();
        int first = i;
        for (; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == ']' && i > first) {
                regex.append(negated ? "[^/" : "[").append(members).append(']');
                return i;
            }
            if (c == '-' && i > first && i + 1 < segment.length() && segment.charAt(i + 1) != ']') {
                members.append('-');
            } else {
                members.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-' ? "\\" + c
                        : String.valueOf(c));
            }
        }
        throw InvalidExcludeException.syntax(text, "its `[` at `" + segment.substring(start) + "` is not closed");
    }

    /**
     * Whether the file at {@code path} (relative to site-packages, {@code /}-separated) is matched: the path
     * itself (unless the glob ends with {@code /}) or one of the folders it is in.
     */
    public boolean matches(String path) {
        if (!foldersOnly && pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathGlob glob && glob.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
