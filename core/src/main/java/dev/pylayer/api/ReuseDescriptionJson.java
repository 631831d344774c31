package dev.pylayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LayerReuse.Description} as JSON, through Jackson's tree model (the one index listings are read with)
 * rather than data binding: binding a record builds its deserializer by reflection the first time, about 25 ms of a
 * warm build's ~300 on its critical path, where reading a tree of known shape costs next to nothing.
 */
final class ReuseDescriptionJson {

    private ReuseDescriptionJson() {
    }

    static byte[] encode(LayerReuse.Description description) {
        ObjectNode root = CacheJson.SHARED.createObjectNode();
        LayerSummary layer = description.layer();
        root.putObject("layer").put("sha256", layer.sha256()).put("size", layer.size())
                .put("uncompressedSize", layer.uncompressedSize()).put("files", layer.files());
        strings(root.putArray("leftOut"), description.leftOut());
        ArrayNode rules = root.putArray("rules");
        for (Excluded.Rule rule : description.rules()) {
            rules.addObject().put("name", rule.name()).put("pattern", rule.pattern()).put("files", rule.files())
                    .put("bytes", rule.bytes());
        }
        strings(root.putArray("warnings"), description.warnings());
        strings(root.putArray("details"), description.details());
        ObjectNode sizes = root.putObject("wheelSizes");
        description.wheelSizes().forEach(sizes::put);
        try {
            return CacheJson.SHARED.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }

    /** The description, or empty when the bytes are not one (an entry of another format, or damaged). */
    static Optional<LayerReuse.Description> decode(byte[] bytes) {
        try {
            JsonNode root = CacheJson.SHARED.readTree(bytes);
            JsonNode layer = field(root, "layer");
            LayerSummary summary = new LayerSummary(text(layer, "sha256"), number(layer, "size"),
                    number(layer, "uncompressedSize"), Math.toIntExact(number(layer, "files")));
            List<Excluded.Rule> rules = new ArrayList<>();
            for (JsonNode rule : array(root, "rules")) {
                rules.add(new Excluded.Rule(text(rule, "name"), text(rule, "pattern"),
                        Math.toIntExact(number(rule, "files")), number(rule, "bytes")));
            }
            Map<String, Long> sizes = new LinkedHashMap<>();
            JsonNode wheelSizes = field(root, "wheelSizes");
            if (!wheelSizes.isObject()) {
                return Optional.empty();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = wheelSizes.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> size = it.next();
                if (!size.getValue().canConvertToLong()) {
                    return Optional.empty();
                }
                sizes.put(size.getKey(), size.getValue().asLong());
            }
            return Optional.of(new LayerReuse.Description(summary, strings(root, "leftOut"), List.copyOf(rules),
                    strings(root, "warnings"), strings(root, "details"), Map.copyOf(sizes)));
        } catch (IOException | NotThisShape | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode parent, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(parent, name)) {
            if (!value.isTextual()) {
                throw new NotThisShape();
            }
            values.add(value.textValue());
        }
        return List.copyOf(values);
    }

    private static JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            throw new NotThisShape();
        }
        return value;
    }

    private static JsonNode array(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isArray()) {
            throw new NotThisShape();
        }
        return value;
    }

    private static String text(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isTextual()) {
            throw new NotThisShape();
        }
        return value.textValue();
    }

    private static long number(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new NotThisShape();
        }
        return value.longValue();
    }

    /** The JSON parsed but is not a description. */
    private static final class NotThisShape extends RuntimeException {
        NotThisShape() {
            super(null, null, false, false);
        }
    }
}
