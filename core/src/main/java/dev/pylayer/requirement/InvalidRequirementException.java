package dev.pylayer.requirement;

/**
 * Text that is not a PEP 508 requirement. The message names it, gives packaging's reason and points at the
 * place with a caret, as pip does:
 * <pre>
 * `name >= 1.0 <= 2.0` is not a valid requirement: Expected comma (within version specifier), semicolon (after version specifier) or end
 *     name >= 1.0 <= 2.0
 *          ~~~~~~~^
 * </pre>
 */
public final class InvalidRequirementException extends Pep508SyntaxException {
    InvalidRequirementException(String input, SyntaxProblem problem) {
        super(input, problem, "requirement", "requirements look like"
                + " `name[extra1,extra2] >=1.0,<2 ; python_version >= \"3.9\"`"
                + " or `name @ https://example.com/name-1.0-py3-none-any.whl`");
    }
}
