package dev.pylayer.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Layer;

/** Reading, and deleting, the versions of one layer. */
final class LayerVersions {
    private final LambdaClient lambda;
    private final AwsCalls aws;
    private final FunctionAttacher functions;

    LayerVersions(LambdaClient lambda, AwsCalls aws, FunctionAttacher functions) {
        this.lambda = lambda;
        this.aws = aws;
        this.functions = functions;
    }

    /** Every version as ListLayerVersions reports it (no content facts), newest first. */
    List<LayerVersionInfo> listed(LayerName name) {
        List<LayerVersionInfo> versions = new ArrayList<>();
        aws.call("lambda:ListLayerVersions", name.value(), () -> {
            lambda.listLayerVersionsPaginator(request -> request.layerName(name.value())).layerVersions()
                    .forEach(item -> versions.add(LayerVersionInfo.of(item)));
            return null;
        });
        // Lambda lists newest first today, but says nothing of the order: sort rather than trust it.
        versions.sort(Comparator.comparingLong(LayerVersionInfo::version).reversed());
        return versions;
    }

    /** One version with its content facts (CodeSha256, CodeSize). */
    LayerVersionInfo get(LayerName name, long version) {
        return LayerVersionInfo.of(aws.call("lambda:GetLayerVersion", name.value() + ":" + version,
                () -> lambda.getLayerVersion(request -> request.layerName(name.value()).versionNumber(version)),
                e -> new LayerVersionNotFoundException(name.value() + ":" + version, aws.region())));
    }

    /** Every version with its content facts, newest first: one GetLayerVersion per version. */
    List<LayerVersionInfo> list(LayerName name) {
        return listed(name).stream().map(listed -> get(name, listed.version())).toList();
    }

    /** The newest version with its content facts, if the layer has any. */
    Optional<LayerVersionInfo> newest(LayerName name) {
        List<LayerVersionInfo> versions = listed(name);
        return versions.isEmpty() ? Optional.empty() : Optional.of(get(name, versions.get(0).version()));
    }

    PruneResult prune(LayerName name, int keep, List<String> protectingFunctions, boolean dryRun) {
        if (keep < 0) {
            throw new InvalidPublishRequestException("`--keep " + keep + "`: cannot keep fewer than 0 versions",
                    "use --keep N with N ≥ 0");
        }
        // Read the functions first: a missing function must stop the prune before anything is deleted.
        Map<String, List<String>> usedBy = new LinkedHashMap<>();
        for (String function : protectingFunctions) {
            for (Layer layer : functions.configuration(function).layers()) {
                usedBy.computeIfAbsent(layer.arn(), arn -> new ArrayList<>()).add(function);
            }
        }
        List<LayerVersionInfo> versions = listed(name);
        List<PruneResult.VersionDecision> decisions = new ArrayList<>();
        for (int index = 0; index < versions.size(); index++) {
            LayerVersionInfo version = versions.get(index);
            List<String> users = usedBy.getOrDefault(version.layerVersionArn(), List.of());
            PruneResult.Decision decision;
            if (index < keep) {
                decision = PruneResult.Decision.KEPT_NEWEST;
            } else if (!users.isEmpty()) {
                decision = PruneResult.Decision.KEPT_IN_USE;
            } else if (dryRun) {
                decision = PruneResult.Decision.WOULD_DELETE;
            } else {
                aws.call("lambda:DeleteLayerVersion", version.layerVersionArn(), () -> lambda.deleteLayerVersion(
                        request -> request.layerName(name.value()).versionNumber(version.version())));
                decision = PruneResult.Decision.DELETED;
            }
            decisions.add(new PruneResult.VersionDecision(version, decision, users));
        }
        return new PruneResult(name, keep, dryRun, decisions);
    }
}
