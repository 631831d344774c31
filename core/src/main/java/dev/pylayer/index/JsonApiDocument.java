package dev.pylayer.index;

import dev.pylayer.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pylayer.name.PackageName;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The PyPI JSON API's project document ({@code /pypi/<project>/json}): {@code releases} maps each version to
 * its files, each with {@code filename}, {@code url}, {@code digests}, {@code requires_python},
 * {@code yanked}, {@code yanked_reason}, {@code size} and {@code upload_time_iso_8601}; {@code info.requires_dist}
 * (the newest release's requirements) is kept as a prefetch hint.
 */
final class JsonApiDocument {
    static final String WHAT = "PyPI JSON API project document";
    /** PyPI's file host serves PEP 658 metadata for every wheel, though the JSON API does not say so. */
    private static final String PYPI_FILE_HOST = "files.pythonhosted.org";

    private JsonApiDocument() {
    }

    /** At most this many {@code info.requires_dist} entries are kept as hints; no real project has as many. */
    static final int MAX_REQUIREMENT_HINTS = 200;

    /** The project's listing, with {@code info.requires_dist} as its {@link ProjectListing#likelyRequirements}. */
    static ProjectListing listing(PackageName project, byte[] body, String pageUrl, String index) {
        JsonNode root = tree(body);
        List<String> hints = new ArrayList<>();
        for (JsonNode requirement : root.path("info").path("requires_dist")) {
            if (hints.size() == MAX_REQUIREMENT_HINTS) {
                break;
            }
            if (requirement.isTextual()) {
                hints.add(requirement.asText());
            }
        }
        return new ProjectListing(project, files(root, pageUrl, index), hints);
    }

    private static JsonNode tree(byte[] body) {
        JsonNode root;
        try {
            root = JsonTrees.read(body);
        } catch (JsonProcessingException e) {
            throw new MalformedDocumentException(WHAT, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedDocumentException(WHAT, e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !(root.has("releases") || root.has("urls"))) {
            throw new MalformedDocumentException(WHAT, "no `releases` in the document", null);
        }
        return root;
    }

    private static List<DistributionFile> files(JsonNode root, String pageUrl, String index) {
        List<DistributionFile> files = new ArrayList<>();
        JsonNode releases = root.path("releases");
        if (releases.isObject()) {
            for (Iterator<JsonNode> versions = releases.elements(); versions.hasNext(); ) {
                for (JsonNode file : versions.next()) {
                    files.add(file(file, pageUrl, index));
                }
            }
        } else {
            for (JsonNode file : root.path("urls")) {
                files.add(file(file, pageUrl, index));
            }
        }
        return files;
    }

    private static DistributionFile file(JsonNode file, String pageUrl, String index) {
        String href = text(file, "url").orElseThrow(() -> new MalformedDocumentException(WHAT, "a file without `url`", null));
        String url = Links.resolve(pageUrl, href)
                .orElseThrow(() -> new MalformedDocumentException(WHAT, "a file with a bad `url`: " + href, null));
        String filename = text(file, "filename").orElseGet(() -> Links.filename(url));
        Map<String, String> hashes = new TreeMap<>();
        file.path("digests").fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                hashes.put(entry.getKey(), entry.getValue().asText());
            }
        });
        hashes.remove("blake2b_256");
        boolean yanked = file.path("yanked").asBoolean(false);
        Optional<String> reason = yanked ? text(file, "yanked_reason") : Optional.empty();
        OptionalLong size = file.path("size").canConvertToLong() ? OptionalLong.of(file.path("size").asLong()) : OptionalLong.empty();
        Optional<DistributionFile.CoreMetadata> metadata = filename.endsWith(".whl") && url.startsWith("https://" + PYPI_FILE_HOST + "/")
                ? Optional.of(new DistributionFile.CoreMetadata(Map.of()))
                : Optional.empty();
        return new DistributionFile(filename, Links.withoutFragment(url), hashes, text(file, "requires_python"),
                yanked, reason, size, metadata, text(file, "upload_time_iso_8601").flatMap(JsonApiDocument::instant), index);
    }

    /** A non-blank string field; PyPI writes {@code null} or {@code ""} for "none". */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
