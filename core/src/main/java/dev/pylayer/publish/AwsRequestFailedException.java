package dev.pylayer.publish;

import java.util.List;

/** Any other failure of an AWS call (after the SDK's retries), with AWS's error code and message. */
public final class AwsRequestFailedException extends PublishException {
    private final String errorCode;

    public AwsRequestFailedException(String action, String errorCode, String awsMessage, List<String> hints,
            Throwable cause) {
        super("`" + action + "` failed" + (errorCode == null ? "" : " with `" + errorCode + "`")
                + (awsMessage == null || awsMessage.isBlank() ? "" : ": " + awsMessage), hints, cause);
        this.errorCode = errorCode;
    }

    /** AWS's error code such as {@code InvalidParameterValueException}, or null for a network failure. */
    public String errorCode() {
        return errorCode;
    }
}
