package dev.pylayer.publish;

import dev.pylayer.PylayerException;
import java.util.List;

/**
 * Errors of publishing, attaching and managing layers on AWS. Each names the offending value (a layer name,
 * a function, a size, an IAM action) in backticks and says in its hints how to fix it. Throttling never
 * reaches here: the SDK's retry strategy retries it.
 */
public abstract sealed class PublishException extends PylayerException
        permits InvalidLayerNameException, InvalidPermissionException, InvalidPublishRequestException,
        LayerArchiveException, LayerTooLargeException, S3BucketRequiredException, TooManyLayersException,
        FunctionNotFoundException, FunctionNotAttachableException, FunctionUpdateFailedException,
        LayerVersionNotFoundException, MissingPermissionException, AwsConfigurationException,
        AwsRequestFailedException {

    protected PublishException(String message, List<String> hints) {
        super(message, hints);
    }

    protected PublishException(String message, List<String> hints, Throwable cause) {
        super(message, hints, cause);
    }
}
