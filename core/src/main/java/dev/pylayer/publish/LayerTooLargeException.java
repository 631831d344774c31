package dev.pylayer.publish;

import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaLimits;
import java.nio.file.Path;
import java.util.List;

/**
 * A layer (or a function with its layers) over Lambda's 250 MB unzipped quota, found before anything is
 * uploaded or changed.
 */
public final class LayerTooLargeException extends PublishException {
    private LayerTooLargeException(String message, List<String> hints) {
        super(message, hints);
    }

    static LayerTooLargeException unzipped(Path zip, long unzippedBytes) {
        return new LayerTooLargeException("layer `" + zip + "` is " + ByteSize.human(unzippedBytes)
                + " unzipped; Lambda allows at most " + ByteSize.human(LambdaLimits.MAX_UNZIPPED_BYTES)
                + " (" + LambdaLimits.MAX_UNZIPPED_BYTES + " bytes) for a function and all its layers",
                List.of("leave out packages the runtime already has (boto3, botocore)",
                        "split the requirements over two layers, or ship the function as a container image"));
    }

    static LayerTooLargeException function(String function, long totalBytes, String breakdown) {
        return new LayerTooLargeException("function `" + function + "` would hold at least "
                + ByteSize.human(totalBytes) + " unzipped with this layer (" + breakdown + "); Lambda allows at most "
                + ByteSize.human(LambdaLimits.MAX_UNZIPPED_BYTES) + " for the function code and all its layers",
                List.of("remove a layer the function no longer needs, or make this layer smaller"));
    }
}
