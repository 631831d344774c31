package dev.pylayer.requirement;

import dev.pylayer.version.Specifier;
import java.util.List;

/**
 * packaging's context-sensitive tokenizer ({@code _tokenizer.py}): the parser asks whether a given token
 * starts at the current position. Each rule here is packaging's regular expression, with Python's {@code \b}
 * (a word character is a Unicode letter or digit, or {@code _}) and Python's {@code $} (the end, or just
 * before a final newline).
 */
final class Pep508Tokenizer {
    enum Rule {
        LEFT_PARENTHESIS, RIGHT_PARENTHESIS, LEFT_BRACKET, RIGHT_BRACKET, SEMICOLON, COMMA, QUOTED_STRING, OP,
        BOOLOP, IN, NOT, VARIABLE, SPECIFIER, AT, URL, IDENTIFIER, VERSION_PREFIX_TRAIL,
        VERSION_LOCAL_LABEL_TRAIL, WS, END
    }

    /** Thrown with packaging's message and span; the public parse methods turn it into our typed errors. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient SyntaxProblem problem;

        SyntaxError(SyntaxProblem problem) {
            super(problem.reason(), null, false, false);
            this.problem = problem;
        }
    }

    // packaging's VARIABLE alternatives, spelled out; at most one can end at a word boundary.
    private static final List<String> VARIABLES = List.of("python_version", "python_full_version", "os.name",
            "os_name", "sys.platform", "sys_platform", "platform_release", "platform_system", "platform.version",
            "platform_version", "platform.machine", "platform_machine", "platform.python_implementation",
            "platform_python_implementation", "python_implementation", "implementation_name",
            "implementation_version", "extras", "extra", "dependency_groups");
    private static final List<String> OPERATORS = List.of("===", "==", "~=", "!=", "<=", ">=", "<", ">");

    final String source;
    int position;
    private Rule pendingRule;
    private int pendingEnd;

    Pep508Tokenizer(String source) {
        this.source = source;
    }

    /** Whether the next token is {@code rule}; if so it must be {@link #read()} before the next check. */
    boolean check(Rule rule) {
        int end = match(rule, position);
        if (end < 0) {
            return false;
        }
        pendingRule = rule;
        pendingEnd = end;
        return true;
    }

    /** Whether the next token is {@code rule}, without loading it. */
    boolean peek(Rule rule) {
        return match(rule, position) >= 0;
    }

    /** Reads the token that the last successful {@link #check} found. */
    String read() {
        if (pendingRule == null) {
            throw new IllegalStateException("read without a successful check");
        }
        String text = source.substring(position, pendingEnd);
        position = pendingEnd;
        pendingRule = null;
        return text;
    }

    void consume(Rule rule) {
        if (check(rule)) {
            read();
        }
    }

    /** Reads {@code rule} or fails with packaging's "Expected …" message. */
    String expect(Rule rule, String expected) throws SyntaxError {
        if (!check(rule)) {
            throw error("Expected " + expected);
        }
        return read();
    }

    SyntaxError error(String message) {
        return error(message, position, position);
    }

    SyntaxError error(String message, int start, int end) {
        return new SyntaxError(new SyntaxProblem(message, start, end));
    }

    private int match(Rule rule, int at) {
        int length = source.length();
        switch (rule) {
            case LEFT_PARENTHESIS: return single(at, '(');
            case RIGHT_PARENTHESIS: return single(at, ')');
            case LEFT_BRACKET: return single(at, '[');
            case RIGHT_BRACKET: return single(at, ']');
            case SEMICOLON: return single(at, ';');
            case COMMA: return single(at, ',');
            case AT: return single(at, '@');
            case QUOTED_STRING: {
                if (at >= length || (source.charAt(at) != '\'' && source.charAt(at) != '"')) {
                    return -1;
                }
                int close = source.indexOf(source.charAt(at), at + 1);
                return close < 0 ? -1 : close + 1;
            }
            case OP:
                for (String op : OPERATORS) {
                    if (source.startsWith(op, at)) {
                        return at + op.length();
                    }
                }
                return -1;
            case BOOLOP: {
                int end = word(at, "or");
                return end >= 0 ? end : word(at, "and");
            }
            case IN: return word(at, "in");
            case NOT: return word(at, "not");
            case VARIABLE:
                for (String variable : VARIABLES) {
                    int end = word(at, variable);
                    if (end >= 0) {
                        return end;
                    }
                }
                return -1;
            case SPECIFIER: {
                int clause = Specifier.clauseLength(source, at);
                return clause < 0 ? -1 : at + clause;
            }
            case URL: {
                int end = at;
                while (end < length && source.charAt(end) != ' ' && source.charAt(end) != '\t') {
                    end++;
                }
                return end > at ? end : -1;
            }
            case IDENTIFIER: return identifier(at);
            case VERSION_PREFIX_TRAIL: return source.startsWith(".*", at) ? at + 2 : -1;
            case VERSION_LOCAL_LABEL_TRAIL: return localLabel(at);
            case WS: {
                int end = at;
                while (end < length && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
                    end++;
                }
                return end > at ? end : -1;
            }
            case END:
                return at == length || (at == length - 1 && source.charAt(at) == '\n') ? at : -1;
            default:
                throw new AssertionError(rule);
        }
    }

    private int single(int at, char c) {
        return at < source.length() && source.charAt(at) == c ? at + 1 : -1;
    }

    /** {@code \bword\b} at {@code at}. */
    private int word(int at, String word) {
        if (!source.startsWith(word, at) || !boundary(at) || !boundary(at + word.length())) {
            return -1;
        }
        return at + word.length();
    }

    /** {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b}, backtracking to the last boundary as Python's regex does. */
    private int identifier(int at) {
        if (at >= source.length() || !isAsciiAlnum(source.charAt(at)) || !boundary(at)) {
            return -1;
        }
        int end = at + 1;
        while (end < source.length() && (isAsciiAlnum(source.charAt(end)) || ".-_".indexOf(source.charAt(end)) >= 0)) {
            end++;
        }
        for (; end > at; end--) {
            if (boundary(end)) {
                return end;
            }
        }
        return -1;
    }

    /** {@code \+[a-z0-9]+(?:[-_.][a-z0-9]+)*}, case-sensitive as in packaging. */
    private int localLabel(int at) {
        if (at >= source.length() || source.charAt(at) != '+') {
            return -1;
        }
        int end = lowerAlnumRun(at + 1);
        if (end == at + 1) {
            return -1;
        }
        while (end + 1 < source.length() && "-_.".indexOf(source.charAt(end)) >= 0) {
            int next = lowerAlnumRun(end + 1);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private int lowerAlnumRun(int at) {
        int end = at;
        while (end < source.length() && ((source.charAt(end) >= 'a' && source.charAt(end) <= 'z')
                || (source.charAt(end) >= '0' && source.charAt(end) <= '9'))) {
            end++;
        }
        return end;
    }

    private boolean boundary(int at) {
        boolean before = at > 0 && isWord(source.codePointBefore(at));
        boolean after = at < source.length() && isWord(source.codePointAt(at));
        return before != after;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Python's {@code \w} for str patterns: alphanumeric in Unicode, or {@code _}. */
    private static boolean isWord(int c) {
        if (c < 0x80) {
            return isAsciiAlnum((char) c) || c == '_';
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
