package dev.pylayer.publish;

import java.util.List;

/** No region or no usable credentials: the SDK's default chains found nothing, or AWS rejected what they found. */
public final class AwsConfigurationException extends PublishException {
    public AwsConfigurationException(String message, List<String> hints, Throwable cause) {
        super(message, hints, cause);
    }

    static AwsConfigurationException noRegion(Throwable cause) {
        return new AwsConfigurationException("no AWS region configured",
                List.of("pass --region (e.g. --region eu-west-1), set AWS_REGION, or set `region` in your AWS profile"),
                cause);
    }

    static AwsConfigurationException noCredentials(Throwable cause) {
        return new AwsConfigurationException("no AWS credentials found"
                + (cause == null || cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage())),
                List.of("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile NAME, "
                        + "or run `aws sso login` / `aws configure`"), cause);
    }

    static AwsConfigurationException rejectedCredentials(String code, String awsMessage, Throwable cause) {
        return new AwsConfigurationException("AWS rejected the credentials (`" + code + "`): " + awsMessage,
                List.of("the keys are wrong or the session expired: refresh them (e.g. `aws sso login`) "
                        + "or pick another --profile"), cause);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
