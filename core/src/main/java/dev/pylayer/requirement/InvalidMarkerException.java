package dev.pylayer.requirement;

/** Text that is not a PEP 508 environment marker, with packaging's reason and a caret under the place. */
public final class InvalidMarkerException extends Pep508SyntaxException {
    InvalidMarkerException(String input, SyntaxProblem problem) {
        super(input, problem, "environment marker", "markers compare a variable with a quoted string, joined by"
                + " `and`/`or`: `python_version >= \"3.9\" and sys_platform == \"linux\"`");
    }
}
