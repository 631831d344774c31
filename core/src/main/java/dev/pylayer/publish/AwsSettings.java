package dev.pylayer.publish;

import java.net.URI;

/**
 * Where and as whom to call AWS. Every part is optional: what is not given comes from the SDK's default
 * chains (AWS_REGION / AWS_PROFILE / the shared config and credentials files / SSO / container and instance
 * metadata), exactly as for the AWS CLI.
 *
 * @param region      e.g. {@code eu-west-1}
 * @param profile     a profile of {@code ~/.aws/config}, for both credentials and region
 * @param endpointUrl one endpoint for Lambda and S3 (a local emulator); S3 then uses path-style addressing
 */
public record AwsSettings(String region, String profile, URI endpointUrl) {
    public static AwsSettings defaults() {
        return new AwsSettings(null, null, null);
    }
}
