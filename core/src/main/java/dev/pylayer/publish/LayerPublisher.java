package dev.pylayer.publish;

import dev.pylayer.runtime.LambdaLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishes layer zips as Lambda layer versions, attaches them to functions, lists and prunes versions,
 * with SDK v2 clients the caller passes (and closes). Every decision that can be made locally (name, limits,
 * sizes, the need for a bucket) is made before the first AWS call.
 *
 * <pre>{@code
 * LayerPublisher publisher = LayerPublisher.builder(lambdaClient).s3(s3Client).build();
 * PublishResult published = publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).build());
 * publisher.attach("my-function", published);
 * }</pre>
 */
public final class LayerPublisher {
    /** The multipart part size: big enough for few requests, small enough to hold in memory. */
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

    private final LambdaClient lambda;
    private final S3Client s3;
    private final AwsCalls aws;
    private final PublishListener listener;
    private final long partSize;
    private final FunctionAttacher attacher;
    private final LayerVersions versions;

    private LayerPublisher(Builder builder) {
        this.lambda = builder.lambda;
        this.s3 = builder.s3;
        this.listener = builder.listener;
        this.partSize = builder.partSize;
        Region region = lambda.serviceClientConfiguration().region();
        this.aws = new AwsCalls(region == null ? null : region.id());
        this.attacher = new FunctionAttacher(lambda, aws, builder.waiterConfiguration, listener);
        this.versions = new LayerVersions(lambda, aws, attacher);
    }

    public static Builder builder(LambdaClient lambda) {
        return new Builder(lambda);
    }

    /**
     * Publishes the zip as a new version of the layer, or reuses the newest version when it has the same
     * CodeSha256 and the same runtimes and architectures (unless {@link PublishRequest#force()}), then grants
     * the permissions asked for.
     */
    public PublishResult publish(PublishRequest request) {
        LayerArchive archive = LayerArchive.read(request.zip());
        if (archive.unzippedSize() > LambdaLimits.MAX_UNZIPPED_BYTES) {
            throw LayerTooLargeException.unzipped(request.zip(), archive.unzippedSize());
        }
        if (!request.viaS3() && !LambdaLimits.fitsDirectUpload(archive.size())) {
            throw new S3BucketRequiredException(request.zip(), archive.size());
        }
        if (request.viaS3() && s3 == null) {
            throw new IllegalStateException("publishing through S3 needs an S3Client: pass one to LayerPublisher.builder().s3()");
        }
        LayerTargets targets = archive.detectedTargets().overriddenBy(request.runtimes(), request.architectures());
        targets.notes().forEach(note -> listener.onEvent(new PublishEvent.Detail(note)));
        String s3Key = request.viaS3() ? (request.s3Key() != null ? request.s3Key()
                : "pylayer/" + request.name().shortName() + "/" + archive.sha256Hex() + ".zip") : null;
        String s3Location = request.viaS3() ? "s3://" + request.s3Bucket() + "/" + s3Key : null;

        if (!request.force()) {
            Optional<LayerVersionInfo> same = versions.newest(request.name())
                    .filter(newest -> sameContent(newest, archive, targets));
            if (same.isPresent()) {
                List<PermissionGrant> grants = grant(request.name(), same.get().version(), request.permissions());
                return new PublishResult(same.get(), PublishResult.Outcome.REUSED, PublishResult.Upload.NONE,
                        s3Location, archive, targets, grants);
            }
        }

        LayerVersionContentInput content;
        if (request.viaS3()) {
            new S3Uploader(s3, aws, partSize, listener).upload(request.zip(), archive.size(), request.s3Bucket(), s3Key);
            content = LayerVersionContentInput.builder().s3Bucket(request.s3Bucket()).s3Key(s3Key).build();
        } else {
            content = LayerVersionContentInput.builder().zipFile(SdkBytes.fromByteArrayUnsafe(readAll(request))).build();
        }
        PublishLayerVersionResponse response = aws.call("lambda:PublishLayerVersion", request.name().value(),
                () -> lambda.publishLayerVersion(publish -> publish.layerName(request.name().value())
                        .content(content)
                        .compatibleRuntimesWithStrings(targets.runtimeIdentifiers().isEmpty() ? null
                                : targets.runtimeIdentifiers())
                        .compatibleArchitecturesWithStrings(targets.architectureNames().isEmpty() ? null
                                : targets.architectureNames())
                        .description(request.description())
                        .licenseInfo(request.licenseInfo())));
        LayerVersionInfo published = LayerVersionInfo.of(response);
        if (published.codeSha256() != null && !published.codeSha256().equals(archive.sha256Base64())) {
            listener.onEvent(new PublishEvent.Warning("Lambda reports CodeSha256 " + published.codeSha256()
                    + " but the zip's is " + archive.sha256Base64() + "; the zip may have changed during the upload"));
        }
        List<PermissionGrant> grants = grant(request.name(), published.version(), request.permissions());
        return new PublishResult(published, PublishResult.Outcome.PUBLISHED,
                request.viaS3() ? PublishResult.Upload.S3 : PublishResult.Upload.DIRECT, s3Location, archive, targets,
                grants);
    }

    /** Attaches a version just published (or reused); its unzipped size is known and counted exactly. */
    public AttachResult attach(String function, PublishResult published) {
        return attacher.attach(function, published.layerVersion(), published.archive().unzippedSize());
    }

    /** Attaches any layer version; only its zipped size is known, so the 250 MB check is a lower bound. */
    public AttachResult attach(String function, LayerVersionInfo layerVersion) {
        return attacher.attach(function, layerVersion, 0);
    }

    /** Every version of the layer, newest first, with CodeSha256 and CodeSize (one GetLayerVersion each). */
    public List<LayerVersionInfo> list(LayerName name) {
        return versions.list(name);
    }

    /** One version of the layer, with its content facts. */
    public LayerVersionInfo get(LayerName name, long version) {
        return versions.get(name, version);
    }

    /**
     * Deletes all but the newest {@code keep} versions, never one that a function in {@code protecting} uses
     * (the functions are read first: a missing one stops the prune before anything is deleted).
     */
    public PruneResult prune(LayerName name, int keep, List<String> protecting, boolean dryRun) {
        return versions.prune(name, keep, protecting, dryRun);
    }

    /** Grants the permissions on one version; a grant that is already there is reported, not repeated. */
    public List<PermissionGrant> grant(LayerName name, long version, List<LayerPermission> permissions) {
        List<PermissionGrant> grants = new ArrayList<>();
        for (LayerPermission permission : permissions) {
            boolean existed = false;
            try {
                aws.call("lambda:AddLayerVersionPermission", name.value() + ":" + version,
                        () -> lambda.addLayerVersionPermission(add -> add.layerName(name.value()).versionNumber(version)
                                .statementId(permission.statementId()).action("lambda:GetLayerVersion")
                                .principal(permission.principal()).organizationId(permission.organizationId())),
                        e -> new LayerVersionNotFoundException(name.value() + ":" + version, aws.region()));
            } catch (AwsRequestFailedException e) {
                // "The statement id (…) provided already exists": the same grant was made before.
                if (!(e.getCause() instanceof ResourceConflictException)) {
                    throw e;
                }
                existed = true;
            }
            grants.add(new PermissionGrant(permission, permission.statementId(), existed));
        }
        return grants;
    }

    private static boolean sameContent(LayerVersionInfo newest, LayerArchive archive, LayerTargets targets) {
        return archive.sha256Base64().equals(newest.codeSha256())
                && new HashSet<>(newest.compatibleRuntimes()).equals(new HashSet<>(targets.runtimeIdentifiers()))
                && new HashSet<>(newest.compatibleArchitectures()).equals(new HashSet<>(targets.architectureNames()));
    }

    private static byte[] readAll(PublishRequest request) {
        try {
            return Files.readAllBytes(request.zip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures a {@link LayerPublisher}; only the Lambda client is required. */
    public static final class Builder {
        private final LambdaClient lambda;
        private S3Client s3;
        private PublishListener listener = PublishListener.NONE;
        private long partSize = DEFAULT_PART_SIZE;
        private WaiterOverrideConfiguration waiterConfiguration;

        private Builder(LambdaClient lambda) {
            this.lambda = Objects.requireNonNull(lambda, "lambda");
        }

        /** The S3 client for uploads through a bucket (needed only then). */
        public Builder s3(S3Client value) {
            s3 = value;
            return this;
        }

        public Builder listener(PublishListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** The multipart part size (at least 5 MiB); zips no bigger than one part go in one PutObject. */
        public Builder partSize(long bytes) {
            if (bytes < S3Uploader.MIN_PART_SIZE) {
                throw new IllegalArgumentException("S3 parts are at least 5 MiB: " + bytes);
            }
            partSize = bytes;
            return this;
        }

        /** How to wait for function updates; the SDK waiter's defaults when not set. */
        public Builder waiterConfiguration(WaiterOverrideConfiguration value) {
            waiterConfiguration = value;
            return this;
        }

        public LayerPublisher build() {
            return new LayerPublisher(this);
        }
    }
}
