package dev.pylayer.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The {@code --report} JSON of a build:
 * {@code {"runtime","arch","packages":[{"name","version","filename","url","sha256","size"}],
 * "layer":{"sha256","size","uncompressed_size","files"}}}, plus {@code "requested"} per package, and what the size
 * options left out: {@code "excluded":{"files","bytes","packages":[…as above],"rules":[{"rule","pattern","files",
 * "bytes"}]}} ({@code "pattern"} only for {@code "exclude"} rules; empty lists when nothing was left out).
 */
public final class BuildReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BuildReport() {
    }

    public static ObjectNode toJson(BuildResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("runtime", result.target().runtime().identifier());
        root.put("arch", result.target().architecture().lambdaName());
        addPackages(root.putArray("packages"), result.packages());
        LayerSummary layer = result.layer();
        root.putObject("layer").put("sha256", layer.sha256()).put("size", layer.size())
                .put("uncompressed_size", layer.uncompressedSize()).put("files", layer.files());
        Excluded excluded = result.excluded();
        ObjectNode left = root.putObject("excluded").put("files", excluded.files()).put("bytes", excluded.bytes());
        addPackages(left.putArray("packages"), excluded.packages());
        ArrayNode rules = left.putArray("rules");
        for (Excluded.Rule rule : excluded.rules()) {
            ObjectNode node = rules.addObject().put("rule", rule.name());
            if (!rule.pattern().isEmpty()) {
                node.put("pattern", rule.pattern());
            }
            node.put("files", rule.files()).put("bytes", rule.bytes());
        }
        return root;
    }

    private static void addPackages(ArrayNode array, List<BuiltPackage> packages) {
        for (BuiltPackage p : packages) {
            array.addObject().put("name", p.name()).put("version", p.version()).put("filename", p.filename())
                    .put("url", p.url()).put("sha256", p.sha256()).put("size", p.size()).put("requested", p.requested());
        }
    }

    /** Writes the report to {@code file} atomically (a temporary file in the same folder, then a rename). */
    public static void write(BuildResult result, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                JSON.writeValue(temporary.toFile(), toJson(result));
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + target, e);
        }
    }
}
