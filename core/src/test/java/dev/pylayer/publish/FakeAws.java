package dev.pylayer.publish;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A WireMock stand-in for the Lambda and S3 APIs with the SDK's clients pointed at it ({@link AwsStubs}). Held as
 * an {@code @AutoClose} field it starts with the test and stops after it, clients first.
 */
final class FakeAws implements AutoCloseable {
    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final LambdaClient lambda;
    final S3Client s3;

    FakeAws() {
        server.start();
        lambda = AwsStubs.lambda(server);
        s3 = AwsStubs.s3(server);
    }

    @Override
    public void close() {
        lambda.close();
        s3.close();
        server.stop();
    }
}
