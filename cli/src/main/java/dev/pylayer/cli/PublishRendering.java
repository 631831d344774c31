package dev.pylayer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylayer.publish.AttachResult;
import dev.pylayer.publish.LayerVersionInfo;
import dev.pylayer.publish.PermissionGrant;
import dev.pylayer.publish.PruneResult;
import dev.pylayer.publish.PublishEvent;
import dev.pylayer.publish.PublishListener;
import dev.pylayer.publish.PublishResult;
import dev.pylayer.runtime.ByteSize;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How the publishing commands show results: JSON for {@code --json}, and the progress lines on stderr. */
final class PublishRendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PublishRendering() {
    }

    static String toJson(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Progress and warnings on stderr; details only with {@code --verbose}. */
    static PublishListener listener(PrintWriter err, boolean verbose) {
        return event -> {
            if (event instanceof PublishEvent.Warning warning) {
                err.println("warning: " + warning.message());
            } else if (event instanceof PublishEvent.UploadProgress progress) {
                err.println("uploading to S3: " + ByteSize.human(progress.doneBytes()) + " of "
                        + ByteSize.human(progress.totalBytes()));
            } else if (event instanceof PublishEvent.WaitingForFunction waiting && verbose) {
                err.println("waiting for function `" + waiting.function() + "` to finish updating");
            } else if (event instanceof PublishEvent.Detail detail && verbose) {
                err.println(detail.message());
            }
            err.flush();
        };
    }

    static ObjectNode publishJson(PublishResult result, List<AttachResult> attachments) {
        ObjectNode node = versionJson(result.layerVersion());
        node.put("outcome", lower(result.outcome()));
        node.put("upload", lower(result.upload()));
        if (result.s3Location() != null) {
            node.put("s3Location", result.s3Location());
        }
        node.put("zipSize", result.archive().size());
        node.put("unzippedSize", result.archive().unzippedSize());
        ArrayNode permissions = node.putArray("permissions");
        for (PermissionGrant grant : result.permissions()) {
            permissions.addObject().put("permission", grant.permission().toString())
                    .put("statementId", grant.statementId()).put("alreadyGranted", grant.alreadyGranted());
        }
        ArrayNode attached = node.putArray("attachments");
        for (AttachResult attachment : attachments) {
            ObjectNode item = attached.addObject().put("function", attachment.function())
                    .put("functionArn", attachment.functionArn()).put("outcome", lower(attachment.outcome()));
            if (attachment.replacedLayerVersionArn() != null) {
                item.put("replacedLayerVersionArn", attachment.replacedLayerVersionArn());
            }
            attachment.layersAfter().forEach(item.putArray("layers")::add);
            attachment.warnings().forEach(item.putArray("warnings")::add);
        }
        return node;
    }

    static ObjectNode versionJson(LayerVersionInfo version) {
        ObjectNode node = JSON.createObjectNode();
        node.put("layerVersionArn", version.layerVersionArn()).put("layerArn", version.layerArn())
                .put("version", version.version()).put("codeSha256", version.codeSha256());
        if (version.codeSize() >= 0) {
            node.put("codeSize", version.codeSize());
        }
        version.compatibleRuntimes().forEach(node.putArray("compatibleRuntimes")::add);
        version.compatibleArchitectures().forEach(node.putArray("compatibleArchitectures")::add);
        node.put("description", version.description()).put("licenseInfo", version.licenseInfo())
                .put("createdDate", version.createdDate());
        return node;
    }

    static ArrayNode listJson(List<LayerVersionInfo> versions) {
        ArrayNode array = JSON.createArrayNode();
        versions.forEach(version -> array.add(versionJson(version)));
        return array;
    }

    static ObjectNode pruneJson(PruneResult result) {
        ObjectNode node = JSON.createObjectNode().put("layer", result.layer().value()).put("keep", result.keep())
                .put("dryRun", result.dryRun());
        ArrayNode versions = node.putArray("versions");
        for (PruneResult.VersionDecision decision : result.decisions()) {
            ObjectNode item = versions.addObject().put("version", decision.version().version())
                    .put("layerVersionArn", decision.version().layerVersionArn())
                    .put("decision", lower(decision.decision()));
            decision.usedBy().forEach(item.putArray("usedBy")::add);
        }
        return node;
    }

    /** A text table with left-aligned columns, two spaces apart. */
    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (List<String> row : concat(header, rows)) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : concat(header, rows)) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append(column == row.size() - 1 ? row.get(column)
                        : String.format(Locale.ROOT, "%-" + widths[column] + "s  ", row.get(column)));
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(header), rows.stream()).toList();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
