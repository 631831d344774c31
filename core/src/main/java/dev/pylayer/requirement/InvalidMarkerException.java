package dev.pylayer.requirement;

import java.util.ArrayList;
import java.util.List;

/** Text that is not a PEP 508 environment marker, with packaging's reason and a caret under the place. */
public final class InvalidMarkerException extends RequirementException {
    private final String reason;
    private final int start;
    private final int position;

    InvalidMarkerException(String input, SyntaxProblem problem) {
        super("`" + input + "` is not a valid environment marker: " + problem.reason() + "\n"
                + problem.pointer(input), input, hints(input, problem));
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

    private static List<String> hints(String input, SyntaxProblem problem) {
        List<String> hints = new ArrayList<>(Pep508Hints.forProblem(input, problem));
        hints.add("markers compare a variable with a quoted string, joined by `and`/`or`:"
                + " `python_version >= \"3.9\" and sys_platform == \"linux\"`");
        return hints;
    }
}
