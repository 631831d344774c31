package dev.pylayer.requirement;

import java.util.ArrayList;
import java.util.List;

/**
 * PEP 508 text (a requirement or a marker) that does not parse. The message names it, gives packaging's reason and
 * points at the place with a caret, as pip does; the hints say what was likely meant, then show the valid form.
 */
public abstract sealed class Pep508SyntaxException extends RequirementException
        permits InvalidRequirementException, InvalidMarkerException {
    private final String reason;
    private final int start;
    private final int position;

    /**
     * @param what    what {@code input} should have been, e.g. {@code requirement}
     * @param example the last hint: what a valid one looks like
     */
    Pep508SyntaxException(String input, SyntaxProblem problem, String what, String example) {
        super("`" + input + "` is not a valid " + what + ": " + problem.reason() + "\n" + problem.pointer(input),
                input, hints(input, problem, example));
        this.reason = problem.reason();
        this.start = problem.start();
        this.position = problem.end();
    }

    /** packaging's description of what was expected. */
    public String reason() {
        return reason;
    }

    /** Where the offending part starts (a char index into {@link #input()}). */
    public int start() {
        return start;
    }

    /** Where parsing stopped, under the caret. */
    public int position() {
        return position;
    }

    private static List<String> hints(String input, SyntaxProblem problem, String example) {
        List<String> hints = new ArrayList<>(Pep508Hints.forProblem(input, problem));
        hints.add(example);
        return hints;
    }
}
