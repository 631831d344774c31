package dev.pylayer.publish;

import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaLimits;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Puts a layer version on a function: an older version of the same layer is replaced where it stands (layer
 * order is merge order, so it matters), other layers keep their places, a new layer goes last. Lambda's
 * five-layer and 250 MB limits are checked first, then the function is updated with the revision read, and
 * the call returns once the update has settled (LastUpdateStatus no longer InProgress), as the next update or
 * invocation would otherwise meet the old configuration or a ResourceConflictException.
 */
final class FunctionAttacher {
    private static final String IN_PROGRESS = "InProgress";
    private static final String FAILED = "Failed";

    private final LambdaClient lambda;
    private final AwsCalls aws;
    private final WaiterOverrideConfiguration waiterConfiguration;
    private final PublishListener listener;

    FunctionAttacher(LambdaClient lambda, AwsCalls aws, WaiterOverrideConfiguration waiterConfiguration,
            PublishListener listener) {
        this.lambda = lambda;
        this.aws = aws;
        this.waiterConfiguration = waiterConfiguration;
        this.listener = listener;
    }

    /**
     * @param layerUnzippedBytes the layer's unzipped size when known (we just read its zip), else 0 to count
     *                           its zipped CodeSize, which is all the API tells about a layer
     */
    AttachResult attach(String function, LayerVersionInfo layer, long layerUnzippedBytes) {
        FunctionConfiguration read = configuration(function);
        if (IN_PROGRESS.equals(read.lastUpdateStatusAsString())) {
            // Another update is still settling: its end changes the revision and may change the layers.
            awaitUpdate(function);
            read = configuration(function);
        }
        FunctionConfiguration config = read;
        if ("Image".equals(config.packageTypeAsString())) {
            throw new FunctionNotAttachableException(function, "it is a container image function, and those "
                    + "take no layers");
        }
        List<String> before = config.layers().stream().map(Layer::arn).toList();
        String newArn = layer.layerVersionArn();
        String layerArn = LayerVersionInfo.layerArnOf(newArn);
        List<String> after = new ArrayList<>();
        String replaced = null;
        boolean placed = false;
        for (String arn : before) {
            if (!LayerVersionInfo.layerArnOf(arn).equals(layerArn)) {
                after.add(arn);
            } else if (!placed) {
                // Lambda refuses two versions of one layer on a function, so there is at most one to replace.
                after.add(newArn);
                placed = true;
                replaced = arn.equals(newArn) ? null : arn;
            }
        }
        if (!placed) {
            after.add(newArn);
        }
        List<String> warnings = compatibilityWarnings(function, config, layer);
        warnings.forEach(warning -> listener.onEvent(new PublishEvent.Warning(warning)));
        if (after.equals(before)) {
            return new AttachResult(function, config.functionArn(), AttachResult.Outcome.UNCHANGED, null, before,
                    after, warnings);
        }
        if (after.size() > LambdaLimits.MAX_LAYERS_PER_FUNCTION) {
            throw new TooManyLayersException(function, before);
        }
        checkSize(function, config, layerArn, layer, layerUnzippedBytes);
        aws.call("lambda:UpdateFunctionConfiguration", function, () -> lambda.updateFunctionConfiguration(
                request -> request.functionName(function).layers(after).revisionId(config.revisionId())),
                e -> new FunctionNotFoundException(function, aws.region()));
        awaitUpdate(function);
        return new AttachResult(function, config.functionArn(),
                replaced == null ? AttachResult.Outcome.ADDED : AttachResult.Outcome.REPLACED, replaced, before, after,
                warnings);
    }

    FunctionConfiguration configuration(String function) {
        return aws.call("lambda:GetFunction", function, () -> lambda.getFunction(request -> request.functionName(function)),
                e -> new FunctionNotFoundException(function, aws.region())).configuration();
    }

    /**
     * The API reports only zipped sizes (CodeSize) of the function and of other layers, which are lower bounds of
     * what they take unzipped; so this catches the updates that certainly fail, and Lambda checks the rest.
     */
    private void checkSize(String function, FunctionConfiguration config, String layerArn, LayerVersionInfo layer,
            long layerUnzippedBytes) {
        long code = config.codeSize() == null ? 0 : config.codeSize();
        long others = config.layers().stream()
                .filter(existing -> !LayerVersionInfo.layerArnOf(existing.arn()).equals(layerArn))
                .mapToLong(existing -> existing.codeSize() == null ? 0 : existing.codeSize()).sum();
        long own = layerUnzippedBytes > 0 ? layerUnzippedBytes : Math.max(0, layer.codeSize());
        long total = code + others + own;
        if (total > LambdaLimits.MAX_UNZIPPED_BYTES) {
            throw LayerTooLargeException.function(function, total, "function code " + ByteSize.human(code)
                    + " zipped, other layers " + ByteSize.human(others) + " zipped, this layer " + ByteSize.human(own)
                    + (layerUnzippedBytes > 0 ? " unzipped" : " zipped"));
        }
    }

    private static List<String> compatibilityWarnings(String function, FunctionConfiguration config,
            LayerVersionInfo layer) {
        List<String> warnings = new ArrayList<>();
        String runtime = config.runtimeAsString();
        if (runtime != null && !layer.compatibleRuntimes().isEmpty() && !layer.compatibleRuntimes().contains(runtime)) {
            warnings.add("function `" + function + "` runs " + runtime + " but layer version `" + layer.layerVersionArn()
                    + "` is for " + String.join(", ", layer.compatibleRuntimes()));
        }
        // A function without Architectures runs on x86_64, Lambda's default.
        List<String> architectures = config.architecturesAsStrings();
        String architecture = architectures.isEmpty() ? "x86_64" : architectures.get(0);
        if (!layer.compatibleArchitectures().isEmpty() && !layer.compatibleArchitectures().contains(architecture)) {
            warnings.add("function `" + function + "` runs on " + architecture + " but layer version `"
                    + layer.layerVersionArn() + "` is for " + String.join(", ", layer.compatibleArchitectures()));
        }
        return warnings;
    }

    /** Waits with the SDK's FunctionUpdatedV2 waiter (GetFunction until LastUpdateStatus is not InProgress). */
    private void awaitUpdate(String function) {
        listener.onEvent(new PublishEvent.WaitingForFunction(function));
        LambdaWaiter.Builder builder = LambdaWaiter.builder().client(lambda);
        if (waiterConfiguration != null) {
            builder.overrideConfiguration(waiterConfiguration);
        }
        try (LambdaWaiter waiter = builder.build()) {
            waiter.waitUntilFunctionUpdatedV2(request -> request.functionName(function));
        } catch (AwsServiceException e) {
            throw aws.translate("lambda:GetFunction", function, e, notFound -> new FunctionNotFoundException(function,
                    aws.region()));
        } catch (SdkClientException e) {
            if (e.getCause() instanceof AwsServiceException cause) {
                throw aws.translate("lambda:GetFunction", function, cause,
                        notFound -> new FunctionNotFoundException(function, aws.region()));
            }
            // The waiter ends in failure on LastUpdateStatus Failed, or gives up after its attempts.
            FunctionConfiguration config = configuration(function);
            if (FAILED.equals(config.lastUpdateStatusAsString())) {
                throw new FunctionUpdateFailedException(function, config.lastUpdateStatusReason());
            }
            throw new AwsRequestFailedException("lambda:GetFunction", null, "function `" + function
                    + "` is still updating (LastUpdateStatus " + config.lastUpdateStatusAsString() + ")",
                    List.of("wait until the update finishes, then check the function's layers"), e);
        }
    }
}
