package dev.pylayer.publish;

import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaLimits;
import java.nio.file.Path;
import java.util.List;

/** A zip too big to send inside the PublishLayerVersion request, with no bucket to upload it through. */
public final class S3BucketRequiredException extends PublishException {
    public S3BucketRequiredException(Path zip, long zipBytes) {
        super("layer `" + zip + "` is " + ByteSize.human(zipBytes) + " zipped: too large to upload directly to Lambda "
                        + "(at most " + ByteSize.human(LambdaLimits.MAX_DIRECT_UPLOAD_BYTES) + "); use --s3-bucket",
                List.of("use --s3-bucket BUCKET (a bucket in the same region) to upload it through Amazon S3"));
    }
}
