package dev.pylayer.publish;

import java.util.List;

/** Lambda accepted the new layer list but the function's update ended in {@code LastUpdateStatus: Failed}. */
public final class FunctionUpdateFailedException extends PublishException {
    public FunctionUpdateFailedException(String function, String reason) {
        super("updating function `" + function + "` failed" + (reason == null || reason.isBlank() ? "" : ": " + reason),
                List.of("see the function's LastUpdateStatusReason in the Lambda console, fix it, and attach again"));
    }
}
