package dev.pylayer.publish;

import java.util.List;

/** AWS refused a call for lack of an IAM permission; names the action so the policy can be fixed. */
public final class MissingPermissionException extends PublishException {
    private final String action;

    public MissingPermissionException(String action, String resource, String awsMessage) {
        super("access denied: missing IAM permission `" + action + "`"
                        + (resource == null ? "" : " on `" + resource + "`")
                        + (awsMessage == null || awsMessage.isBlank() ? "" : " (AWS said: " + awsMessage + ")"),
                List.of("allow `" + action + "` in the IAM policy of the credentials you use "
                        + "(see the IAM permissions in the publishing section of the README)"));
        this.action = action;
    }

    /** The IAM action that was refused, e.g. {@code lambda:PublishLayerVersion}. */
    public String action() {
        return action;
    }
}
