package dev.pylayer.index;

import dev.pylayer.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A simple-repository project page, in whichever form came back: PEP 691 JSON or PEP 503 HTML (with the
 * PEP 592 yanked, PEP 658/714 core-metadata and {@code data-requires-python} attributes).
 */
final class SimpleDocument {
    static final String WHAT = "PEP 503/691 project page";
    /** Preference order of PEP 691 §"Version + Format Selection", with HTML for indexes that predate it. */
    static final String ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    private SimpleDocument() {
    }

    static List<DistributionFile> parse(byte[] body, Optional<String> contentType, String pageUrl, String index) {
        String type = contentType.map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
        if (type.contains("json") || (!type.contains("html") && firstNonBlank(body) == '{')) {
            return parseJson(body, pageUrl, index);
        }
        return parseHtml(body, contentType, pageUrl, index, true);
    }

    /** PEP 691 JSON: {@code meta.api-version}, {@code files[]} with {@code hashes}, {@code yanked}, {@code core-metadata}. */
    static List<DistributionFile> parseJson(byte[] body, String pageUrl, String index) {
        JsonNode root;
        try {
            root = JsonTrees.read(body);
        } catch (IOException e) {
            throw new MalformedDocumentException(WHAT, "invalid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("files").isArray()) {
            throw new MalformedDocumentException(WHAT, "no `files` array in the JSON document", null);
        }
        checkApiVersion(JsonApiDocument.text(root.path("meta"), "api-version").orElse("1.0"));
        List<DistributionFile> files = new ArrayList<>();
        for (JsonNode file : root.path("files")) {
            Optional<String> href = JsonApiDocument.text(file, "url");
            Optional<String> url = href.flatMap(value -> Links.resolve(pageUrl, value));
            if (url.isEmpty()) {
                continue;
            }
            String filename = JsonApiDocument.text(file, "filename").orElseGet(() -> Links.filename(url.get()));
            Map<String, String> hashes = new TreeMap<>(Links.fragmentHashes(url.get()));
            file.path("hashes").fields().forEachRemaining(entry -> hashes.put(entry.getKey(), entry.getValue().asText()));
            JsonNode yanked = file.path("yanked");
            boolean isYanked = yanked.isTextual() || yanked.asBoolean(false);
            Optional<String> reason = yanked.isTextual() && !yanked.asText().isBlank() ? Optional.of(yanked.asText()) : Optional.empty();
            // PEP 714: `core-metadata`, falling back to the older `dist-info-metadata`.
            JsonNode metadata = file.has("core-metadata") ? file.get("core-metadata") : file.path("dist-info-metadata");
            Optional<DistributionFile.CoreMetadata> core = Optional.empty();
            if (metadata.isObject()) {
                Map<String, String> metadataHashes = new TreeMap<>();
                metadata.fields().forEachRemaining(entry -> metadataHashes.put(entry.getKey(), entry.getValue().asText()));
                core = Optional.of(new DistributionFile.CoreMetadata(metadataHashes));
            } else if (metadata.asBoolean(false)) {
                core = Optional.of(new DistributionFile.CoreMetadata(Map.of()));
            }
            OptionalLong size = file.path("size").canConvertToLong() ? OptionalLong.of(file.path("size").asLong()) : OptionalLong.empty();
            files.add(new DistributionFile(filename, Links.withoutFragment(url.get()), hashes,
                    JsonApiDocument.text(file, "requires-python"), isYanked, reason, size, core,
                    JsonApiDocument.text(file, "upload-time").flatMap(JsonApiDocument::instant), index));
        }
        return files;
    }

    /**
     * PEP 503 HTML: every anchor is a file; its text does not matter, its {@code href} (resolved against the page
     * or its {@code <base href>}) does. {@code strict} refuses a body that is not HTML at all.
     */
    static List<DistributionFile> parseHtml(byte[] body, Optional<String> contentType, String pageUrl, String index,
                                            boolean strict) {
        if (strict && firstNonBlank(body) != '<') {
            throw new MalformedDocumentException(WHAT, "the body is not HTML", null);
        }
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), pageUrl);
        } catch (IOException e) {
            throw new MalformedDocumentException(WHAT, e.getMessage(), e);
        }
        Element version = document.selectFirst("meta[name=pypi:repository-version]");
        if (version != null) {
            checkApiVersion(version.attr("content"));
        }
        List<DistributionFile> files = new ArrayList<>();
        for (Element anchor : document.select("a[href]")) {
            // anchor.baseUri() is the page's URL or its <base href>
            String url = Links.resolve(anchor.baseUri(), anchor.attr("href")).orElseGet(() -> anchor.absUrl("href"));
            if (url.isEmpty()) {
                continue;
            }
            String filename = Links.filename(url);
            if (!Links.isDistribution(filename)) {
                continue;
            }
            boolean yanked = anchor.hasAttr("data-yanked");
            Optional<String> reason = yanked && !anchor.attr("data-yanked").isBlank()
                    ? Optional.of(anchor.attr("data-yanked")) : Optional.empty();
            String metadata = anchor.hasAttr("data-core-metadata") ? anchor.attr("data-core-metadata")
                    : anchor.hasAttr("data-dist-info-metadata") ? anchor.attr("data-dist-info-metadata") : null;
            Optional<String> requiresPython = anchor.hasAttr("data-requires-python") && !anchor.attr("data-requires-python").isBlank()
                    ? Optional.of(anchor.attr("data-requires-python")) : Optional.empty();
            files.add(new DistributionFile(filename, Links.withoutFragment(url), Links.fragmentHashes(url),
                    requiresPython, yanked, reason, OptionalLong.empty(), coreMetadata(metadata), Optional.empty(), index));
        }
        return files;
    }

    /** PEP 658: {@code "true"}, or {@code "<hashname>=<hexdigest>"}; {@code "false"} or absent means none. */
    private static Optional<DistributionFile.CoreMetadata> coreMetadata(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        int equals = value.indexOf('=');
        if (equals > 0) {
            return Optional.of(new DistributionFile.CoreMetadata(Map.of(value.substring(0, equals).strip(), value.substring(equals + 1).strip())));
        }
        return Optional.of(new DistributionFile.CoreMetadata(Map.of()));
    }

    /** PEP 629: a client refuses a major version it does not know. */
    private static void checkApiVersion(String version) {
        String major = version.strip().split("\\.")[0];
        if (!major.equals("1")) {
            throw new MalformedDocumentException(WHAT, "repository API version " + version + " is not supported (only 1.x)", null);
        }
    }

    private static String charset(Optional<String> contentType) {
        if (contentType.isPresent()) {
            for (String parameter : contentType.get().split(";")) {
                String trimmed = parameter.strip();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    return trimmed.substring("charset=".length()).replace("\"", "");
                }
            }
        }
        return StandardCharsets.UTF_8.name();
    }

    /** The first byte that is not whitespace or a UTF-8 byte-order mark, or -1. */
    private static int firstNonBlank(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf ? 3 : 0;
        for (int i = start; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return body[i];
            }
        }
        return -1;
    }
}
