package dev.pylayer.requirement;

/**
 * Where and why PEP 508 text failed to parse: packaging's {@code ParserSyntaxError}, whose message and span
 * we keep so that our errors point at the same characters as pip's.
 *
 * @param reason packaging's wording, e.g. {@code Expected end or semicolon (after name and no valid version specifier)}
 * @param start first character of the offending span (a char index into the source)
 * @param end where the caret goes: the position the parser stopped at
 */
record SyntaxProblem(String reason, int start, int end) {

    /** The source and a line under it marking the span with {@code ~} and the stop with {@code ^}, indented. */
    String pointer(String source) {
        return "    " + source + "\n    " + " ".repeat(start) + "~".repeat(Math.max(0, end - start)) + "^";
    }
}
