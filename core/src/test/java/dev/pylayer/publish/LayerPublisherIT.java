package dev.pylayer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishing, attaching, pruning and granting against the local AWS emulator (moto), the whole way through
 * the SDK's wire protocols. Skipped, with the reason, where python3.11 with moto is not installed.
 */
class LayerPublisherIT {
    private static MotoServer moto;
    private static AwsClients clients;
    private static LambdaClient lambda;
    private static S3Client s3;
    private static LayerPublisher publisher;

    @TempDir
    Path dir;

    private static Optional<String> skipReason;

    @BeforeAll
    static void startEmulator() {
        skipReason = MotoServer.skipReason();
        if (skipReason.isPresent()) {
            // Also on the console: a skipped class is easy to miss in the Maven summary.
            System.err.println("LayerPublisherIT skipped: " + skipReason.get());
            return;
        }
        moto = MotoServer.start();
        // Through the command line's own client factory: keys from the SDK's default chain (here its system
        // properties link), one endpoint for Lambda and S3, path-style buckets.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
        clients = AwsClients.open(new AwsSettings(AwsStubs.REGION, null, moto.endpoint()));
        lambda = clients.lambda();
        s3 = clients.s3();
        publisher = LayerPublisher.builder(lambda).s3(s3).waiterConfiguration(AwsStubs.quickWaiter()).build();
    }

    @AfterAll
    static void stopEmulator() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (clients != null) {
            clients.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void needsTheEmulator() {
        assumeTrue(skipReason.isEmpty(), () -> "skipped: " + skipReason.orElse(""));
    }

    private Path layer(String file, String content) {
        return LayerZips.zip().entry("python/lib/python3.12/site-packages/demo/__init__.py", content)
                .writeTo(dir.resolve(file));
    }

    @Test
    void publishesDirectlyThenReusesTheUnchangedVersion() {
        Path zip = layer("a.zip", "VALUE = 1\n");
        PublishRequest request = PublishRequest.builder(zip, LayerName.parse("it-direct")).description("first").build();

        PublishResult first = publisher.publish(request);
        PublishResult again = publisher.publish(request);
        PublishResult forced = publisher.publish(PublishRequest.builder(zip, LayerName.parse("it-direct")).force(true).build());

        assertEquals(PublishResult.Outcome.PUBLISHED, first.outcome());
        assertEquals(PublishResult.Upload.DIRECT, first.upload());
        assertEquals(LayerZips.codeSha256(zip), publisher.get(LayerName.parse("it-direct"), 1).codeSha256());
        assertEquals(List.of("python3.12"), first.layerVersion().compatibleRuntimes());
        assertEquals(PublishResult.Outcome.REUSED, again.outcome());
        assertEquals(first.layerVersion().layerVersionArn(), again.layerVersion().layerVersionArn());
        assertEquals(2, forced.layerVersion().version());
        assertEquals(2, publisher.list(LayerName.parse("it-direct")).size());
    }

    @Test
    void publishesALayerOver50MbThroughS3() {
        Path zip = LayerZips.zip().entry("python/lib/python3.12/site-packages/big/__init__.py", "")
                .random("python/lib/python3.12/site-packages/big/blob.bin", 52L * 1024 * 1024, 42)
                .writeTo(dir.resolve("big.zip"));
        s3.createBucket(bucket -> bucket.bucket("it-layers"));

        assertThrows(S3BucketRequiredException.class,
                () -> publisher.publish(PublishRequest.builder(zip, LayerName.parse("it-big")).build()));
        PublishResult result = publisher.publish(PublishRequest.builder(zip, LayerName.parse("it-big"))
                .s3("it-layers", null).build());

        assertEquals(PublishResult.Upload.S3, result.upload());
        // The emulator digests the S3 object it reads: the parts went up whole and in order.
        assertEquals(LayerZips.codeSha256(zip), publisher.get(LayerName.parse("it-big"), 1).codeSha256());
        assertTrue(result.s3Location().startsWith("s3://it-layers/pylayer/it-big/"), result.s3Location());
    }

    @Test
    void attachReplacesTheOlderVersionAndKeepsTheFunctionsOtherLayers() {
        LayerVersionInfo other = publisher.publish(PublishRequest.builder(layer("o.zip", "OTHER = 1\n"),
                LayerName.parse("it-other")).build()).layerVersion();
        PublishResult old = publisher.publish(PublishRequest.builder(layer("d1.zip", "V = 1\n"),
                LayerName.parse("it-deps")).build());
        LayerVersionInfo tail = publisher.publish(PublishRequest.builder(layer("t.zip", "TAIL = 1\n"),
                LayerName.parse("it-tail")).build()).layerVersion();
        createFunction("it-fn", other.layerVersionArn(), old.layerVersion().layerVersionArn(), tail.layerVersionArn());

        PublishResult newer = publisher.publish(PublishRequest.builder(layer("d2.zip", "V = 2\n"),
                LayerName.parse("it-deps")).build());
        AttachResult result = publisher.attach("it-fn", newer);

        assertEquals(AttachResult.Outcome.REPLACED, result.outcome());
        List<String> layers = lambda.getFunction(get -> get.functionName("it-fn")).configuration().layers().stream()
                .map(Layer::arn).toList();
        assertEquals(List.of(other.layerVersionArn(), newer.layerVersion().layerVersionArn(), tail.layerVersionArn()),
                layers);
        assertEquals(AttachResult.Outcome.UNCHANGED, publisher.attach("it-fn", newer).outcome());
    }

    @Test
    void pruneKeepsTheNewestAndTheVersionAFunctionUses() {
        LayerName name = LayerName.parse("it-prune");
        String first = null;
        for (int version = 1; version <= 4; version++) {
            String arn = publisher.publish(PublishRequest.builder(layer("p" + version + ".zip", "V = " + version + "\n"),
                    name).build()).layerVersion().layerVersionArn();
            first = first == null ? arn : first;
        }
        createFunction("it-prune-fn", first);

        PruneResult dry = publisher.prune(name, 2, List.of("it-prune-fn"), true);
        PruneResult result = publisher.prune(name, 2, List.of("it-prune-fn"), false);

        assertEquals(List.of(PruneResult.Decision.KEPT_NEWEST, PruneResult.Decision.KEPT_NEWEST,
                PruneResult.Decision.WOULD_DELETE, PruneResult.Decision.KEPT_IN_USE),
                dry.decisions().stream().map(PruneResult.VersionDecision::decision).toList());
        assertEquals(List.of(2L), result.deleted().stream().map(LayerVersionInfo::version).toList());
        assertEquals(List.of(4L, 3L, 1L), publisher.list(name).stream().map(LayerVersionInfo::version).toList());
    }

    @Test
    void grantsPermissionsOnThePublishedVersion() {
        PublishResult result = publisher.publish(PublishRequest.builder(layer("g.zip", "G = 1\n"),
                LayerName.parse("it-shared")).permissions(List.of(LayerPermission.parse("account=210987654321"))).build());

        String policy = lambda.getLayerVersionPolicy(get -> get.layerName("it-shared").versionNumber(1L)).policy();

        assertEquals(1, result.permissions().size());
        assertTrue(policy.contains("pylayer-account-210987654321"), policy);
        assertTrue(policy.contains("lambda:GetLayerVersion"), policy);
    }

    /** The emulator refuses CreateFunction unless the role exists, so make one first. */
    private void createFunction(String name, String... layerVersionArns) {
        String role;
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(AwsStubs.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            role = iam.createRole(create -> create.roleName(name + "-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                            + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        }
        Path code = LayerZips.zip().entry("lambda_function.py", "def handler(event, context):\n    return 1\n")
                .writeTo(dir.resolve(name + ".zip"));
        lambda.createFunction(create -> create.functionName(name).runtime("python3.12").role(role)
                .handler("lambda_function.handler").layers(layerVersionArns)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(readAll(code)))));
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
