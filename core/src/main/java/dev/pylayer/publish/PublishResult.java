package dev.pylayer.publish;

import java.util.List;

/**
 * What {@link LayerPublisher#publish} did: the layer version now current (new or reused), how the zip
 * travelled, the targets declared and the permissions granted.
 *
 * @param s3Location {@code s3://bucket/key} when the zip went through S3 (or would have, when reused), else null
 */
public record PublishResult(LayerVersionInfo layerVersion, Outcome outcome, Upload upload, String s3Location,
        LayerArchive archive, LayerTargets targets, List<PermissionGrant> permissions) {

    public PublishResult {
        permissions = List.copyOf(permissions);
    }

    public enum Outcome {
        /** A new layer version was created. */
        PUBLISHED,
        /** The newest version already had this content and these targets; nothing was uploaded. */
        REUSED
    }

    public enum Upload {
        /** Inside the PublishLayerVersion request (Content.ZipFile). */
        DIRECT,
        /** Through an S3 object (Content.S3Bucket/S3Key). */
        S3,
        /** Nothing uploaded: the version was reused. */
        NONE
    }

    public boolean reused() {
        return outcome == Outcome.REUSED;
    }
}
