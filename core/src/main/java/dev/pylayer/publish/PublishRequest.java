package dev.pylayer.publish;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.runtime.LambdaRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to publish: a layer zip under a layer name, with what PublishLayerVersion takes besides. Empty
 * runtimes or architectures mean "read them from the layer". A bucket means "upload through S3" (required
 * for zips too big for a direct upload); without a key, the zip goes to a content-addressed key
 * {@code pylayer/NAME/SHA256.zip}. Checked against Lambda's limits when built.
 *
 * @param force publish a new version even when the newest one has the same content and targets
 */
public record PublishRequest(Path zip, LayerName name, List<LambdaRuntime> runtimes, List<Architecture> architectures,
        String description, String licenseInfo, String s3Bucket, String s3Key, boolean force,
        List<LayerPermission> permissions) {

    public PublishRequest {
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(name, "name");
        runtimes = List.copyOf(runtimes);
        architectures = List.copyOf(architectures);
        permissions = permissions.stream().distinct().toList();
        if (runtimes.size() > LambdaLimits.MAX_COMPATIBLE_RUNTIMES) {
            throw new InvalidPublishRequestException(runtimes.size() + " runtimes given; a layer lists at most "
                    + LambdaLimits.MAX_COMPATIBLE_RUNTIMES, "name each runtime once");
        }
        if (architectures.size() > LambdaLimits.MAX_COMPATIBLE_ARCHITECTURES) {
            throw new InvalidPublishRequestException(architectures.size() + " architectures given; a layer lists at most "
                    + LambdaLimits.MAX_COMPATIBLE_ARCHITECTURES, "use --arch x86_64, --arch arm64, or both once");
        }
        if (description != null && description.length() > LambdaLimits.MAX_DESCRIPTION_LENGTH) {
            throw new InvalidPublishRequestException("description `" + abbreviate(description) + "` has "
                    + description.length() + " characters; Lambda allows at most " + LambdaLimits.MAX_DESCRIPTION_LENGTH,
                    "shorten the description");
        }
        if (licenseInfo != null && licenseInfo.length() > LambdaLimits.MAX_LICENSE_INFO_LENGTH) {
            throw new InvalidPublishRequestException("license info `" + abbreviate(licenseInfo) + "` has "
                    + licenseInfo.length() + " characters; Lambda allows at most " + LambdaLimits.MAX_LICENSE_INFO_LENGTH,
                    "use an SPDX identifier such as `MIT`, or the URL of the license");
        }
        if (s3Key != null && s3Bucket == null) {
            throw new InvalidPublishRequestException("S3 key `" + s3Key + "` given without a bucket",
                    "add --s3-bucket BUCKET");
        }
        if (s3Bucket != null && s3Bucket.isBlank() || s3Key != null && s3Key.isBlank()) {
            throw new InvalidPublishRequestException("empty S3 bucket or key", "name the bucket (and key) to upload to");
        }
    }

    public static Builder builder(Path zip, LayerName name) {
        return new Builder(zip, name);
    }

    /** Whether the zip goes through S3 rather than inside the request. */
    public boolean viaS3() {
        return s3Bucket != null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Collects the optional parts; {@link #build()} validates. */
    public static final class Builder {
        private final Path zip;
        private final LayerName name;
        private final List<LambdaRuntime> runtimes = new ArrayList<>();
        private final List<Architecture> architectures = new ArrayList<>();
        private final List<LayerPermission> permissions = new ArrayList<>();
        private String description;
        private String licenseInfo;
        private String s3Bucket;
        private String s3Key;
        private boolean force;

        private Builder(Path zip, LayerName name) {
            this.zip = zip;
            this.name = name;
        }

        public Builder runtimes(List<LambdaRuntime> values) {
            runtimes.addAll(values);
            return this;
        }

        public Builder architectures(List<Architecture> values) {
            architectures.addAll(values);
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder licenseInfo(String value) {
            licenseInfo = value;
            return this;
        }

        /** Upload through {@code bucket}; {@code key} may be null for the content-addressed default. */
        public Builder s3(String bucket, String key) {
            s3Bucket = bucket;
            s3Key = key;
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public Builder permissions(List<LayerPermission> values) {
            permissions.addAll(values);
            return this;
        }

        public PublishRequest build() {
            return new PublishRequest(zip, name, runtimes, architectures, description, licenseInfo, s3Bucket, s3Key,
                    force, permissions);
        }
    }
}
