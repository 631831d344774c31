package dev.pylayer.publish;

import java.util.List;

/** The function to attach to (or to protect while pruning) does not exist in this account and region. */
public final class FunctionNotFoundException extends PublishException {
    public FunctionNotFoundException(String function, String region) {
        super("function `" + function + "` not found" + (region == null ? "" : " in " + region),
                List.of("check the name (or pass the full function ARN) and --region / --profile"));
    }
}
