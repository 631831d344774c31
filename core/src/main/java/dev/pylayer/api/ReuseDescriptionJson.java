package dev.pylayer.api;

import static dev.pylayer.api.CacheJson.array;
import static dev.pylayer.api.CacheJson.field;
import static dev.pylayer.api.CacheJson.number;
import static dev.pylayer.api.CacheJson.strings;
import static dev.pylayer.api.CacheJson.text;

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
        ObjectNode root = CacheJson.object();
        LayerSummary layer = description.layer();
        root.putObject("layer").put("sha256", layer.sha256()).put("size", layer.size())
                .put("uncompressedSize", layer.uncompressedSize()).put("files", layer.files());
        addAll(root.putArray("leftOut"), description.leftOut());
        ArrayNode rules = root.putArray("rules");
        for (Excluded.Rule rule : description.rules()) {
            rules.addObject().put("name", rule.name()).put("pattern", rule.pattern()).put("files", rule.files())
                    .put("bytes", rule.bytes());
        }
        addAll(root.putArray("warnings"), description.warnings());
        addAll(root.putArray("details"), description.details());
        ObjectNode sizes = root.putObject("wheelSizes");
        description.wheelSizes().forEach(sizes::put);
        return CacheJson.bytes(root);
    }

    /** The description, or empty when the bytes are not one (an entry of another format, or damaged). */
    static Optional<LayerReuse.Description> decode(byte[] bytes) {
        try {
            JsonNode root = CacheJson.tree(bytes);
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
        } catch (IOException | CacheJson.NotThisShape | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static void addAll(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
