package dev.pylayer.cli;

import dev.pylayer.publish.AwsSettings;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --region}, {@code --profile} and {@code --endpoint-url} for every command that calls AWS. What is not given
 * comes from the SDK's default chains, as for the AWS CLI.
 */
final class AwsOptions {
    private final OptionSpec region = OptionSpec.builder("--region").paramLabel("REGION").type(String.class)
            .description("AWS region (default: AWS_REGION, then the profile's region).").build();
    private final OptionSpec profile = OptionSpec.builder("--profile").paramLabel("PROFILE").type(String.class)
            .description("Profile of ~/.aws/config for credentials and region (default: AWS_PROFILE, then `default`).")
            .build();
    private final OptionSpec endpointUrl = OptionSpec.builder("--endpoint-url").paramLabel("URL").type(URI.class)
            .description("One endpoint for Lambda and S3, e.g. a local emulator; S3 then uses path-style addressing.")
            .build();

    /** Adds the three options to the command's, in this order. */
    AwsOptions addTo(CommandSpec spec) {
        CommandSpecs.addOptions(spec, region, profile, endpointUrl);
        return this;
    }

    AwsSettings settings() {
        return new AwsSettings(region.getValue(), profile.getValue(), endpointUrl.getValue());
    }
}
