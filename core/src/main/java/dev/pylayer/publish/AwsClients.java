package dev.pylayer.publish;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda and S3 clients the command line uses, built from {@link AwsSettings} over the JDK's HTTP client
 * (the SDK's url-connection-client: no Apache or Netty). Library users build their own clients and pass them
 * to {@link LayerPublisher}. Closing this closes both clients and the HTTP client they share.
 */
public final class AwsClients implements AutoCloseable {
    private final SdkHttpClient http;
    private final LambdaClient lambda;
    private final S3Client s3;

    private AwsClients(SdkHttpClient http, LambdaClient lambda, S3Client s3) {
        this.http = http;
        this.lambda = lambda;
        this.s3 = s3;
    }

    /** Builds the clients; throws {@link AwsConfigurationException} when no region can be found. */
    public static AwsClients open(AwsSettings settings) {
        Region region = region(settings);
        AwsCredentialsProvider credentials = settings.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        if (settings.profile() != null) {
            // Retry mode and other client settings of the profile, as the AWS CLI reads them.
            override.defaultProfileName(settings.profile());
        }
        // A layer zip of up to 50 MB travels in one request; Lambda may take a while to answer it.
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofMinutes(3)).build();
        var lambdaBuilder = LambdaClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(override.build());
        var s3Builder = S3Client.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(override.build());
        if (settings.endpointUrl() != null) {
            lambdaBuilder.endpointOverride(settings.endpointUrl());
            // Emulators serve buckets under the path, not as host names (as the AWS CLI with --endpoint-url).
            s3Builder.endpointOverride(settings.endpointUrl()).forcePathStyle(true);
        }
        return new AwsClients(http, lambdaBuilder.build(), s3Builder.build());
    }

    public LambdaClient lambda() {
        return lambda;
    }

    public S3Client s3() {
        return s3;
    }

    @Override
    public void close() {
        lambda.close();
        s3.close();
        http.close();
    }

    private static Region region(AwsSettings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region().strip());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build().getRegion();
        } catch (SdkClientException e) {
            throw AwsConfigurationException.noRegion(e);
        }
    }
}
