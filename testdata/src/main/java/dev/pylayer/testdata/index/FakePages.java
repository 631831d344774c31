package dev.pylayer.testdata.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documents a {@link FakeIndex} serves, in the shapes PyPI and the PEPs give. */
final class FakePages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPLOAD_TIME = "2024-01-02T03:04:05.123456Z";

    private final String baseUrl;
    private final boolean coreMetadata;

    FakePages(String baseUrl, boolean coreMetadata) {
        this.baseUrl = baseUrl;
        this.coreMetadata = coreMetadata;
    }

    /** {@code /pypi/<project>/json}: the shape of pypi.org's JSON API (info, last_serial, releases, urls). */
    String jsonApi(String display, List<FakeIndex.File> files) {
        ObjectNode root = JSON.createObjectNode();
        Map<String, ArrayNode> releases = new LinkedHashMap<>();
        String latest = files.isEmpty() ? "" : files.get(files.size() - 1).version;
        ObjectNode info = root.putObject("info");
        info.put("name", display);
        info.put("version", latest);
        info.putNull("requires_dist");
        info.put("yanked", false);
        root.put("last_serial", 1);
        ObjectNode releasesNode = root.putObject("releases");
        ArrayNode urls = JSON.createArrayNode();
        for (FakeIndex.File file : files) {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("comment_text", "");
            ObjectNode digests = entry.putObject("digests");
            if (file.withHash) {
                digests.put("blake2b_256", "0".repeat(64));
                digests.put("md5", md5Hex(file.bytes));
                digests.put("sha256", file.sha256());
            }
            entry.put("downloads", -1);
            entry.put("filename", file.filename);
            entry.put("has_sig", false);
            entry.put("packagetype", file.filename.endsWith(".whl") ? "bdist_wheel" : "sdist");
            entry.put("python_version", file.filename.endsWith(".whl") ? "py3" : "source");
            if (file.requiresPython == null) {
                entry.putNull("requires_python");
            } else {
                entry.put("requires_python", file.requiresPython);
            }
            entry.put("size", file.bytes.length);
            entry.put("upload_time", UPLOAD_TIME.substring(0, 19));
            entry.put("upload_time_iso_8601", UPLOAD_TIME);
            entry.put("url", baseUrl + "/files/" + file.filename);
            entry.put("yanked", file.yanked);
            if (file.yankedReason == null) {
                entry.putNull("yanked_reason");
            } else {
                entry.put("yanked_reason", file.yankedReason);
            }
            releases.computeIfAbsent(file.version, version -> releasesNode.putArray(version)).add(entry);
            if (file.version.equals(latest)) {
                urls.add(entry.deepCopy());
            }
        }
        root.set("urls", urls);
        root.putArray("vulnerabilities");
        return root.toString();
    }

    /** PEP 691 (API 1.1, with PEP 700's versions, size and upload-time). */
    String simpleJson(String project, List<FakeIndex.File> files) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("meta").put("api-version", "1.1");
        root.put("name", project);
        ArrayNode versions = root.putArray("versions");
        files.stream().map(file -> file.version).distinct().forEach(versions::add);
        ArrayNode list = root.putArray("files");
        for (FakeIndex.File file : files) {
            ObjectNode entry = list.addObject();
            entry.put("filename", file.filename);
            entry.put("url", baseUrl + "/files/" + file.filename);
            ObjectNode hashes = entry.putObject("hashes");
            if (file.withHash) {
                hashes.put("sha256", file.sha256());
            }
            if (file.requiresPython != null) {
                entry.put("requires-python", file.requiresPython);
            }
            if (file.yanked) {
                if (file.yankedReason == null) {
                    entry.put("yanked", true);
                } else {
                    entry.put("yanked", file.yankedReason);
                }
            }
            if (coreMetadata && file.metadata != null) {
                entry.putObject("core-metadata").put("sha256", WheelBuilder.sha256Hex(file.metadata));
                entry.putObject("dist-info-metadata").put("sha256", WheelBuilder.sha256Hex(file.metadata));
            }
            entry.put("size", file.bytes.length);
            entry.put("upload-time", UPLOAD_TIME);
        }
        return root.toString();
    }

    /** PEP 503 HTML with relative links, hash fragments and the PEP 592/658/714 data attributes. */
    String simpleHtml(String project, List<FakeIndex.File> files) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html>\n  <head>\n")
                .append("    <meta name=\"pypi:repository-version\" content=\"1.1\">\n")
                .append("    <title>Links for ").append(escape(project)).append("</title>\n  </head>\n  <body>\n")
                .append("    <h1>Links for ").append(escape(project)).append("</h1>\n");
        for (FakeIndex.File file : files) {
            html.append("    <a href=\"../../files/").append(escape(file.filename));
            if (file.withHash) {
                html.append("#sha256=").append(file.sha256());
            }
            html.append('"');
            if (file.requiresPython != null) {
                html.append(" data-requires-python=\"").append(escape(file.requiresPython)).append('"');
            }
            if (file.yanked) {
                html.append(" data-yanked=\"").append(file.yankedReason == null ? "" : escape(file.yankedReason)).append('"');
            }
            if (coreMetadata && file.metadata != null) {
                String value = "sha256=" + WheelBuilder.sha256Hex(file.metadata);
                html.append(" data-core-metadata=\"").append(value).append("\" data-dist-info-metadata=\"").append(value).append('"');
            }
            html.append('>').append(escape(file.filename)).append("</a><br />\n");
        }
        return html.append("  </body>\n</html>\n").toString();
    }

    String rootHtml(Map<String, String> projects) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        projects.forEach((normalized, display) ->
                html.append("<a href=\"").append(normalized).append("/\">").append(escape(display)).append("</a>\n"));
        return html.append("</body></html>\n").toString();
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
