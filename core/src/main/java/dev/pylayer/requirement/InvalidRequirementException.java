package dev.pylayer.requirement;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that is not a PEP 508 requirement. The message names it, gives packaging's reason and points at the
 * place with a caret, as pip does:
 * <pre>
 * `name >= 1.0 <= 2.0` is not a valid requirement: Expected comma (within version specifier), semicolon (after version specifier) or end
 *     name >= 1.0 <= 2.0
 *          ~~~~~~~^
 * </pre>
 */
public final class InvalidRequirementException extends RequirementException {
    private final String reason;
    private final int start;
    private final int position;

    InvalidRequirementException(String input, SyntaxProblem problem) {
        super("`" + input + "` is not a valid requirement: " + problem.reason() + "\n" + problem.pointer(input),
                input, hints(input, problem));
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
        hints.add("requirements look like `name[extra1,extra2] >=1.0,<2 ; python_version >= \"3.9\"`"
                + " or `name @ https://example.com/name-1.0-py3-none-any.whl`");
        return hints;
    }
}
