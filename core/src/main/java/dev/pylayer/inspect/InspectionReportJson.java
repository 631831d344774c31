package dev.pylayer.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylayer.elf.ElfClass;
import dev.pylayer.elf.ElfFile;
import dev.pylayer.elf.SymbolVersion;
import dev.pylayer.runtime.LambdaLimits;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as JSON for machines ({@code pylayer inspect --json}). The shape is written out here, field by field,
 * so it stays stable while the Java types evolve:
 * <pre>{@code
 * {"layer": "…", "target": {"runtime", "architecture", "glibc", "runtimeBasis", "architectureBasis"},
 *  "willLoad": true, "counts": {"error", "warning", "info"},
 *  "findings": [{"severity", "kind", "path", "message", "fix"}],
 *  "sizes": {"zippedBytes", "unzippedBytes", "files", "directUploadLimitBytes", "unzippedLimitBytes",
 *            "largestPackages": [{"name", "unzippedBytes", "zippedBytes", "files"}], "largestFolders": […]},
 *  "distributions": [{"name", "version", "distInfo", "tags", "tagVerdict", "tagDetail",
 *                     "recordedFiles", "hashMismatches", "missingFiles", "unzippedBytes"}],
 *  "elfFiles": [{"path", "class", "byteOrder", "type", "machine", "libc", "interpreter", "needed", "soname",
 *                "runPaths", "maxGlibc", "maxGlibcxx", "maxCxxabi", "extensionSuffix", "builtFor", "distribution", "error"}]}
 * }</pre>
 */
public final class InspectionReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InspectionReportJson() {
    }

    /** The report as pretty-printed JSON. */
    public static String write(InspectionReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The report as a Jackson tree. */
    public static ObjectNode tree(InspectionReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("layer", report.layer().toString());
        ObjectNode target = root.putObject("target");
        target.put("runtime", report.target().runtime().identifier());
        target.put("architecture", report.target().architecture().lambdaName());
        target.put("glibc", report.target().runtime().glibc().toString());
        target.put("runtimeBasis", report.inspected().runtimeBasis());
        target.put("architectureBasis", report.inspected().architectureBasis());
        root.put("willLoad", report.willLoad());
        ObjectNode counts = root.putObject("counts");
        for (Severity severity : Severity.values()) {
            counts.put(severity.label(), report.findings(severity).size());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("severity", finding.severity().label());
            node.put("kind", finding.kind().code());
            node.put("path", finding.path());
            node.put("message", finding.message());
            node.put("fix", finding.fix());
        }
        ObjectNode sizes = root.putObject("sizes");
        LayerSizes layerSizes = report.sizes();
        sizes.put("zippedBytes", layerSizes.zippedBytes());
        sizes.put("unzippedBytes", layerSizes.unzippedBytes());
        sizes.put("files", layerSizes.files());
        sizes.put("directUploadLimitBytes", LambdaLimits.MAX_DIRECT_UPLOAD_BYTES);
        sizes.put("unzippedLimitBytes", LambdaLimits.MAX_UNZIPPED_BYTES);
        sizeEntries(sizes.putArray("largestPackages"), layerSizes.largestPackages());
        sizeEntries(sizes.putArray("largestFolders"), layerSizes.largestFolders());
        ArrayNode distributions = root.putArray("distributions");
        for (DistributionSummary distribution : report.distributions()) {
            ObjectNode node = distributions.addObject();
            node.put("name", distribution.name());
            node.put("version", distribution.version());
            node.put("distInfo", distribution.distInfo());
            ArrayNode tags = node.putArray("tags");
            distribution.tags().forEach(tags::add);
            node.put("tagVerdict", distribution.tagVerdict().name().toLowerCase(Locale.ROOT));
            node.put("tagDetail", distribution.tagDetail());
            node.put("recordedFiles", distribution.recordedFiles());
            node.put("hashMismatches", distribution.hashMismatches());
            node.put("missingFiles", distribution.missingFiles());
            node.put("unzippedBytes", distribution.unzippedBytes());
        }
        ArrayNode elfFiles = root.putArray("elfFiles");
        for (ElfSummary summary : report.elfFiles()) {
            elfFile(elfFiles.addObject(), summary);
        }
        return root;
    }

    private static void elfFile(ObjectNode node, ElfSummary summary) {
        node.put("path", summary.path());
        if (summary.elf().isPresent()) {
            ElfFile elf = summary.elf().get();
            node.put("class", elf.elfClass() == ElfClass.ELF64 ? "ELF64" : "ELF32");
            node.put("byteOrder", elf.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little" : "big");
            node.put("type", elf.type().description());
            node.put("machine", elf.machine().displayName());
            node.put("machineCode", elf.machineCode());
            node.put("libc", elf.libc().name().toLowerCase(Locale.ROOT));
            optional(node, "interpreter", elf.interpreter());
            ArrayNode needed = node.putArray("needed");
            elf.needed().forEach(needed::add);
            optional(node, "soname", elf.soname());
            ArrayNode runPaths = node.putArray("runPaths");
            elf.runPaths().forEach(runPaths::add);
            optional(node, "maxGlibc", elf.maxGlibc().map(Object::toString));
            optional(node, "maxGlibcxx", elf.maxRequired("GLIBCXX").flatMap(SymbolVersion::number));
            optional(node, "maxCxxabi", elf.maxRequired("CXXABI").flatMap(SymbolVersion::number));
        }
        optional(node, "extensionSuffix", summary.extension().map(ExtensionModuleName::suffix));
        optional(node, "builtFor", summary.extension().map(ExtensionModuleName::builtFor));
        optional(node, "distribution", summary.distribution());
        optional(node, "error", summary.error());
    }

    private static void sizeEntries(ArrayNode array, List<SizeEntry> entries) {
        for (SizeEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("name", entry.name());
            node.put("unzippedBytes", entry.unzippedBytes());
            node.put("zippedBytes", entry.zippedBytes());
            node.put("files", entry.files());
        }
    }

    private static void optional(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
