package dev.pylayer.publish;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs one AWS call and turns what the SDK throws into a {@link PublishException} that names the IAM action
 * and the resource. Each call site says which action it performs, so "access denied" can name the missing
 * permission even when AWS's message does not. The SDK has already retried throttling and 5xx answers
 * (its standard retry strategy) when an exception reaches here.
 */
final class AwsCalls {
    /** "User: arn:… is not authorized to perform: lambda:PublishLayerVersion on resource: …". */
    private static final Pattern NOT_AUTHORIZED = Pattern.compile("perform: ([a-zA-Z0-9-]+:[A-Za-z0-9*]+)");
    private static final Set<String> REJECTED_CREDENTIALS = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "ExpiredToken", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "InvalidClientTokenId", "TokenRefreshRequired", "InvalidToken");
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDeniedException", "AccessDenied",
            "AllAccessDisabled", "KMSAccessDeniedException");
    private static final Set<String> THROTTLED = Set.of("TooManyRequestsException", "Throttling",
            "ThrottlingException", "SlowDown", "RequestLimitExceeded");

    private final String region;

    AwsCalls(String region) {
        this.region = region;
    }

    String region() {
        return region;
    }

    <T> T call(String action, String resource, Supplier<T> call) {
        return call(action, resource, call, null);
    }

    /** Like {@link #call(String, String, Supplier)}; {@code notFound} makes the exception for a 404, if given. */
    <T> T call(String action, String resource, Supplier<T> call,
            Function<AwsServiceException, PublishException> notFound) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw translate(action, resource, e, notFound);
        } catch (SdkClientException e) {
            throw translate(action, e);
        }
    }

    PublishException translate(String action, String resource, AwsServiceException e,
            Function<AwsServiceException, PublishException> notFound) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (code != null && REJECTED_CREDENTIALS.contains(code)) {
            return AwsConfigurationException.rejectedCredentials(code, message, e);
        }
        if (code != null && ACCESS_DENIED.contains(code) || code == null && e.statusCode() == 403) {
            return new MissingPermissionException(deniedAction(message, action), resource, message);
        }
        if (notFound != null && (e.statusCode() == 404 || "ResourceNotFoundException".equals(code))) {
            return notFound.apply(e);
        }
        return new AwsRequestFailedException(action, code, message, hintsFor(code, e.statusCode()), e);
    }

    PublishException translate(String action, SdkClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Unable to load credentials") || message.contains("Profile file contained no credentials")
                || message.contains("Unable to load profile")) {
            return AwsConfigurationException.noCredentials(e);
        }
        if (message.contains("Unable to load region")) {
            return AwsConfigurationException.noRegion(e);
        }
        return new AwsRequestFailedException(action, null, message,
                List.of("check the network connection (and --endpoint-url, if you use one)"), e);
    }

    /** The action AWS names in its message, else the one we called. */
    static String deniedAction(String message, String action) {
        if (message != null) {
            Matcher matcher = NOT_AUTHORIZED.matcher(message);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return action;
    }

    private List<String> hintsFor(String code, int status) {
        if (code == null) {
            return List.of("see AWS's message above; run again with --verbose for details");
        }
        if (THROTTLED.contains(code)) {
            return List.of("AWS kept throttling the requests after the SDK's retries; wait a minute and run again");
        }
        return switch (code) {
            case "NoSuchBucket" -> List.of("create the bucket first, in the same region as the layer ("
                    + (region == null ? "see --region" : region) + ")");
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                    List.of("the bucket is in another region; Lambda reads layer zips only from a bucket in "
                            + (region == null ? "the layer's region" : region));
            case "RequestEntityTooLargeException" ->
                    List.of("use --s3-bucket to upload the zip through Amazon S3");
            case "CodeStorageExceededException" ->
                    List.of("the account's code storage (75 GB by default) is full: delete old versions with "
                            + "`pylayer layers prune NAME --keep N`");
            case "ResourceConflictException" ->
                    List.of("another update of the function is in progress; wait for it and run again");
            case "PreconditionFailedException" ->
                    List.of("the function changed while pylayer was updating it; run again");
            default -> status >= 500
                    ? List.of("AWS had an internal error after the SDK's retries; run again later")
                    : List.of("see AWS's message above; run again with --verbose for details");
        };
    }
}
