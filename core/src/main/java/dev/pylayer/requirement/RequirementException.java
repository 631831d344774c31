package dev.pylayer.requirement;

import dev.pylayer.PylayerException;
import java.util.List;

/** Errors reading PEP 508 requirements and markers, and evaluating markers. */
public abstract sealed class RequirementException extends PylayerException
        permits Pep508SyntaxException, MarkerEvaluationException {
    private final String input;

    RequirementException(String message, String input, List<String> hints) {
        super(message, hints);
        this.input = input;
    }

    /** The requirement or marker text at fault. */
    public String input() {
        return input;
    }
}
