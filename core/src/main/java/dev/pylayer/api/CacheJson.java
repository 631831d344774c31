package dev.pylayer.api;

import dev.pylayer.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON trees of what builds keep in the cache (stored resolutions, layer descriptions), read and written by
 * {@link JsonTrees} (no {@code ObjectMapper}, whose set-up would be on a warm build's critical path), and the
 * shape-checked readers of their fields.
 */
final class CacheJson {
    private CacheJson() {
    }

    static ObjectNode object() {
        return JsonTrees.object();
    }

    static byte[] bytes(JsonNode tree) {
        return JsonTrees.write(tree);
    }

    static JsonNode tree(byte[] bytes) throws IOException {
        return JsonTrees.read(bytes);
    }

    /** The JSON parsed but is not of the shape expected: the entry reads as none. */
    static final class NotThisShape extends RuntimeException {
        NotThisShape() {
            super(null, null, false, false);
        }
    }

    static JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            throw new NotThisShape();
        }
        return value;
    }

    static JsonNode array(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isArray()) {
            throw new NotThisShape();
        }
        return value;
    }

    static String text(JsonNode parent, String name) {
        return text(field(parent, name));
    }

    static String text(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new NotThisShape();
        }
        return value.textValue();
    }

    static long number(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new NotThisShape();
        }
        return value.longValue();
    }

    static List<String> strings(JsonNode parent, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(parent, name)) {
            values.add(text(value));
        }
        return List.copyOf(values);
    }
}
