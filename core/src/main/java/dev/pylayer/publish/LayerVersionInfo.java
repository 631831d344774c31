package dev.pylayer.publish;

import java.util.List;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentOutput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/**
 * One version of a layer as Lambda reports it. ListLayerVersions does not report the content, so
 * {@code codeSha256} is null and {@code codeSize} -1 for versions only listed.
 *
 * @param createdDate ISO 8601 as Lambda sends it, e.g. {@code 2018-11-27T15:10:45.123+0000}
 */
public record LayerVersionInfo(String layerArn, String layerVersionArn, long version, String codeSha256,
        long codeSize, List<String> compatibleRuntimes, List<String> compatibleArchitectures, String description,
        String licenseInfo, String createdDate) {

    public LayerVersionInfo {
        compatibleRuntimes = List.copyOf(compatibleRuntimes);
        compatibleArchitectures = List.copyOf(compatibleArchitectures);
    }

    static LayerVersionInfo of(PublishLayerVersionResponse response) {
        return withContent(response.layerArn(), response.layerVersionArn(), response.version(), response.content(),
                response.compatibleRuntimesAsStrings(), response.compatibleArchitecturesAsStrings(),
                response.description(), response.licenseInfo(), response.createdDate());
    }

    static LayerVersionInfo of(GetLayerVersionResponse response) {
        return withContent(response.layerArn(), response.layerVersionArn(), response.version(), response.content(),
                response.compatibleRuntimesAsStrings(), response.compatibleArchitecturesAsStrings(),
                response.description(), response.licenseInfo(), response.createdDate());
    }

    /** PublishLayerVersion and GetLayerVersion answer with the same fields but share no SDK type. */
    private static LayerVersionInfo withContent(String layerArn, String layerVersionArn, long version,
            LayerVersionContentOutput content, List<String> runtimes, List<String> architectures, String description,
            String licenseInfo, String createdDate) {
        return new LayerVersionInfo(layerArn, layerVersionArn, version, content == null ? null : content.codeSha256(),
                content == null || content.codeSize() == null ? -1 : content.codeSize(), runtimes, architectures,
                description, licenseInfo, createdDate);
    }

    static LayerVersionInfo of(LayerVersionsListItem item) {
        return new LayerVersionInfo(layerArnOf(item.layerVersionArn()), item.layerVersionArn(), item.version(), null,
                -1, item.compatibleRuntimesAsStrings(), item.compatibleArchitecturesAsStrings(), item.description(),
                item.licenseInfo(), item.createdDate());
    }

    /** {@code arn:aws:lambda:us-east-1:123456789012:layer:name:3} → {@code arn:…:layer:name}. */
    static String layerArnOf(String layerVersionArn) {
        int colon = layerVersionArn.lastIndexOf(':');
        String tail = layerVersionArn.substring(colon + 1);
        return colon > 0 && !tail.isEmpty() && tail.chars().allMatch(Character::isDigit)
                ? layerVersionArn.substring(0, colon) : layerVersionArn;
    }
}
