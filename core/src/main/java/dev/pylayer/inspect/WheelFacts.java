package dev.pylayer.inspect;

import dev.pylayer.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylayer.elf.ElfClass;
import dev.pylayer.elf.ElfFile;
import dev.pylayer.elf.ElfMachine;
import dev.pylayer.elf.ElfType;
import dev.pylayer.elf.SymbolVersion;
import dev.pylayer.elf.VersionNeed;
import dev.pylayer.wheel.ContentSink;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an inspection needs from one wheel's files (size, sha256, binary format, ELF reading, and the content of
 * its {@code WHEEL} file), taken while the wheel's content is checked anyway, so that a build inspects its layer
 * without inflating anything a second time. The facts depend on the wheel's bytes alone, so a build keeps them
 * by the wheel's digest ({@link #toJson}, {@link #fromJson}) and a later build needs no inflating at all.
 */
public final class WheelFacts {
    /** The format's name; a change in what is kept gets a new one, and old entries are simply not found. */
    public static final String FORMAT = "wheel-facts-1";

    private final Map<String, LayerEntry> entries;
    private final Map<String, byte[]> kept;

    private WheelFacts(Map<String, LayerEntry> entries, Map<String, byte[]> kept) {
        this.entries = Map.copyOf(entries);
        this.kept = Map.copyOf(kept);
    }

    /** Collects facts entry by entry, from several threads at once (a wheel's entries are checked in parallel). */
    public static Recorder recorder() {
        return new Recorder();
    }

    /** Collects the facts of one wheel's entries. */
    public static final class Recorder {
        private final Map<String, LayerEntry> entries = new ConcurrentHashMap<>();
        private final Map<String, byte[]> kept = new ConcurrentHashMap<>();

        private Recorder() {
        }

        /** A sink for the inflated bytes of the wheel entry {@code name}; facts count only once it is finished. */
        public ContentSink entry(String name, long compressedSize) {
            return entry(name, compressedSize, -1, false, null);
        }

        /**
         * As {@link #entry(String, long)}, knowing the entry's declared size and whether the content check hands
         * over the SHA-256 it computes for RECORD ({@link ContentSink#sha256}), which is then not computed twice, and
         * how to read the entry again (null if it cannot be: an ELF file is then kept whole for reading).
         */
        public ContentSink entry(String name, long compressedSize, long size, boolean hashedByCheck,
                EntryReopener reopener) {
            boolean keep = isWheelFile(name);
            LayerScan.EntryCapture capture = new LayerScan.EntryCapture(name, compressedSize, size,
                    LayerScan.Limits.DEFAULT, keep, hashedByCheck, reopener);
            return capture.whenFinished((entry, content) -> {
                entries.put(name, entry);
                if (keep && content != null) {
                    kept.put(name, content);
                }
            });
        }

        public WheelFacts facts() {
            return new WheelFacts(entries, kept);
        }
    }

    private static boolean isWheelFile(String name) {
        return name.endsWith(".dist-info/WHEEL");
    }

    /** The facts of the wheel entry {@code name}, if it was seen. */
    Optional<LayerEntry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The content of a kept entry (a {@code WHEEL} file). */
    Optional<byte[]> kept(String name) {
        return Optional.ofNullable(kept.get(name));
    }

    /**
     * Whether the facts can be kept for later builds: an entry that could not be read, or an ELF file that could not
     * be parsed, is judged afresh each time rather than from a summary.
     */
    public boolean keepable() {
        return entries.values().stream().allMatch(e -> e.readError() == null && e.elfError() == null && e.sha256() != null);
    }

    public byte[] toJson() {
        ObjectNode root = JsonTrees.object().put("format", FORMAT);
        ObjectNode files = root.putObject("entries");
        for (Map.Entry<String, LayerEntry> item : new TreeMap<>(entries).entrySet()) {
            LayerEntry entry = item.getValue();
            ObjectNode node = files.putObject(item.getKey()).put("size", entry.size())
                    .put("sha256", HexFormat.of().formatHex(entry.sha256())).put("format", entry.format().name());
            entry.elfFile().ifPresent(elf -> node.set("elf", elfJson(elf)));
            byte[] content = kept.get(item.getKey());
            if (content != null) {
                node.put("content", Base64.getEncoder().encodeToString(content));
            }
        }
        return JsonTrees.write(root);
    }

    /** The facts written by {@link #toJson}, or empty when the bytes are not such facts (another format, damage). */
    public static Optional<WheelFacts> fromJson(byte[] json) {
        try {
            JsonNode root = JsonTrees.read(json);
            if (!FORMAT.equals(root.path("format").asText())) {
                return Optional.empty();
            }
            Map<String, LayerEntry> entries = new TreeMap<>();
            Map<String, byte[]> kept = new TreeMap<>();
            for (var fields = root.path("entries").fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> item = fields.next();
                JsonNode node = item.getValue();
                ElfFile elf = node.has("elf") ? elfFromJson(node.get("elf")) : null;
                entries.put(item.getKey(), new LayerEntry(item.getKey(), node.path("size").asLong(), 0,
                        HexFormat.of().parseHex(node.path("sha256").asText()), BinaryFormat.valueOf(node.path("format").asText()),
                        elf, null, false, null));
                if (node.has("content")) {
                    kept.put(item.getKey(), Base64.getDecoder().decode(node.get("content").asText()));
                }
            }
            return Optional.of(new WheelFacts(entries, kept));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode elfJson(ElfFile elf) {
        ObjectNode node = JsonTrees.object()
                .put("class", elf.elfClass().name())
                .put("order", elf.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little")
                .put("type", elf.type().name())
                .put("machine", elf.machine().name())
                .put("machineCode", elf.machineCode())
                .put("pie", elf.positionIndependentExecutable());
        elf.interpreter().ifPresent(value -> node.put("interpreter", value));
        elf.soname().ifPresent(value -> node.put("soname", value));
        elf.needed().forEach(node.putArray("needed")::add);
        elf.runPaths().forEach(node.putArray("runPaths")::add);
        ArrayNode needs = node.putArray("versionNeeds");
        for (VersionNeed need : elf.versionNeeds()) {
            ObjectNode item = needs.addObject().put("library", need.library());
            ArrayNode versions = item.putArray("versions");
            for (SymbolVersion version : need.versions()) {
                versions.addObject().put("name", version.name()).put("weak", version.weak());
            }
        }
        return node;
    }

    private static ElfFile elfFromJson(JsonNode node) {
        List<VersionNeed> needs = new ArrayList<>();
        for (JsonNode need : node.path("versionNeeds")) {
            List<SymbolVersion> versions = new ArrayList<>();
            for (JsonNode version : need.path("versions")) {
                versions.add(new SymbolVersion(version.path("name").asText(), version.path("weak").asBoolean()));
            }
            needs.add(new VersionNeed(need.path("library").asText(), versions));
        }
        return new ElfFile(ElfClass.valueOf(node.path("class").asText()),
                node.path("order").asText().equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                ElfType.valueOf(node.path("type").asText()), ElfMachine.valueOf(node.path("machine").asText()),
                node.path("machineCode").asInt(), Optional.ofNullable(node.path("interpreter").textValue()),
                strings(node.path("needed")), Optional.ofNullable(node.path("soname").textValue()),
                strings(node.path("runPaths")), node.path("pie").asBoolean(), needs);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
