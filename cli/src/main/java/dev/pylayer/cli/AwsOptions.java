package dev.pylayer.cli;

import dev.pylayer.publish.AwsSettings;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * {@code --region}, {@code --profile} and {@code --endpoint-url} for every command that calls AWS (add with
 * {@code @Mixin}). What is not given comes from the SDK's default chains, as for the AWS CLI.
 */
public final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, then the profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Profile of ~/.aws/config for credentials and region (default: AWS_PROFILE, then `default`).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "One endpoint for Lambda and S3, e.g. a local emulator; S3 then uses path-style addressing.")
    URI endpointUrl;

    public AwsSettings settings() {
        return new AwsSettings(region, profile, endpointUrl);
    }
}
