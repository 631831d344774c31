package dev.pylayer.api;

import dev.pylayer.Pylayer;
import dev.pylayer.cache.BuiltLayers;
import dev.pylayer.cache.ContentDigest;
import dev.pylayer.index.IndexClient;
import dev.pylayer.layer.LayerOutput;
import dev.pylayer.layer.PathGlob;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.resolve.RootRequirement;
import dev.pylayer.runtime.LambdaTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * When a build may take a layer it wrote before instead of writing it again ({@link BuiltLayers}): the key is the
 * sha256 of everything the layer's bytes and the build's findings depend on — this pylayer (format, version and
 * the code it runs), the target, the size options and limits, the user's requirements (which the size options
 * read) and each resolved wheel by name, version, file name, sha256 and whether it was requested. The
 * resolution comes first every time, from listings fetched again (an index may have a newer release; see
 * {@link ResolutionReplay}); only the wheels' checking and the writing are skipped. Wheels known without a sha256
 * (a local folder, an index that gives no digest) give no key.
 */
final class LayerReuse {
    /**
     * Bump when the same inputs give other bytes (the writer, the plan, the generated files) or other findings:
     * layers stored by an earlier format are then never reused. The jar's identity is in the key as well, so this
     * matters for builds that keep the jar's size and time (a release rebuilt from other sources).
     */
    static final int FORMAT = 1;

    private LayerReuse() {
    }

    /**
     * What the build that stored a layer said about it, replayed when the layer is reused.
     *
     * @param leftOut    the distributions the size options left out whole
     * @param warnings   the warnings of the writing phase (the resolution's come from the new resolution)
     * @param details    its details for {@code --verbose}
     * @param wheelSizes the size of each wheel, by file name
     */
    record Description(LayerSummary layer, List<String> leftOut, List<Excluded.Rule> rules, List<String> warnings,
            List<String> details, Map<String, Long> wheelSizes) {
    }

    /**
     * The key of the session's layer from these wheels and options; empty when one of the wheels has no known
     * sha256, or the user's {@code --hash} options do not allow one (then the download must fail as it always does).
     */
    static Optional<String> key(BuildSession session, SizeControl.Options options, long unzippedLimit,
            long zippedLimit, List<ResolvedPackage> packages) {
        if (!hashesAllow(packages, p -> session.requiredHashes(p.file()))) {
            return Optional.empty();
        }
        return key(session.target(), options, unzippedLimit, zippedLimit, session.inputs().request().requirements(),
                packages);
    }

    /** The key of a layer from these inputs, or empty when one of the wheels has no known sha256. */
    static Optional<String> key(LambdaTarget target, SizeControl.Options options, long unzippedLimit,
            long zippedLimit, List<RootRequirement> roots, List<ResolvedPackage> packages) {
        if (CodeIdentity.VALUE.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        text.append("pylayer-layer ").append(FORMAT).append('\n');
        text.append("pylayer ").append(Pylayer.version()).append(' ').append(CodeIdentity.VALUE.get()).append('\n');
        text.append("target ").append(target.runtime().identifier()).append(' ').append(target.architecture()).append('\n');
        text.append("options ").append(options.excludeRuntimeProvided()).append(' ').append(options.slim()).append(' ')
                .append(options.slimStubs()).append(' ').append(options.directUpload()).append('\n');
        for (PathGlob exclude : options.excludes()) {
            text.append("exclude ").append(exclude).append('\n');
        }
        text.append("limits ").append(unzippedLimit).append(' ').append(zippedLimit).append('\n');
        for (RootRequirement root : roots) {
            text.append("requirement ").append(root.requirement()).append('\n');
        }
        for (ResolvedPackage p : packages) {
            Optional<String> sha256 = p.file().sha256();
            if (sha256.isEmpty()) {
                return Optional.empty();
            }
            text.append("wheel ").append(p.name().normalized()).append(' ').append(p.version()).append(' ')
                    .append(p.file().filename()).append(' ').append(sha256.get()).append(' ').append(p.requested())
                    .append('\n');
        }
        return Optional.of(ContentDigest.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether every wheel's digest is among the ones the user's {@code --hash} options allow (or none are given): a
     * reused layer skips the download that would have checked them, so a wheel the hashes refuse is never reused.
     */
    static boolean hashesAllow(List<ResolvedPackage> packages,
            Function<ResolvedPackage, Collection<String>> requiredHashes) {
        return packages.stream().allMatch(p -> IndexClient.indexDigestsSatisfy(p.file(), requiredHashes.apply(p)));
    }

    static byte[] encode(Description description) {
        return ReuseDescriptionJson.encode(description);
    }

    /** The description, or empty when it does not read (an entry of another format). */
    static Optional<Description> decode(byte[] bytes) {
        return ReuseDescriptionJson.decode(bytes);
    }

    /**
     * The result of putting the layer stored under {@code key} at {@code output} (linked, or copied with its digest
     * checked: {@link LayerOutput#reuse}), its warnings and details said again; empty when there is none, or its zip
     * no longer has the digest it was stored with (then it is dropped).
     */
    static Optional<BuildResult> reuse(BuildSession session, String key, Resolution resolution, Path output,
            long start, BuildListener listener) {
        BuiltLayers layers = session.cache().layers();
        Optional<BuiltLayers.StoredLayer> stored = layers.find(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<Description> description = decode(stored.get().description());
        if (description.isEmpty() || !description.get().layer().sha256().equals(stored.get().sha256())) {
            layers.discard(stored.get());
            return Optional.empty();
        }
        Description said = description.get();
        BuiltLayers.StoredLayer layer = stored.get();
        LayerOutput.Reuse how = session.phase(BuildEvent.Phase.WRITING,
                () -> LayerOutput.reuse(layer.zip(), layer.sha256(), layer.unchanged(), output));
        if (how == LayerOutput.Reuse.DAMAGED) {
            layers.discard(layer);
            return Optional.empty();
        }
        if (how == LayerOutput.Reuse.COPIED && !layer.unchanged()) {
            layers.vouch(layer); // read whole and its digest matched: the next build may link it
        }
        session.rememberLayerKey(key);
        listener.onEvent(new BuildEvent.LayerReused(said.layer().sha256(), how == LayerOutput.Reuse.LINKED));
        said.details().forEach(detail -> listener.onEvent(new BuildEvent.Detail(detail)));
        said.warnings().forEach(session::warn);
        List<BuiltPackage> built = new ArrayList<>();
        List<BuiltPackage> leftOut = new ArrayList<>();
        for (ResolvedPackage p : resolution.packages()) {
            BuiltPackage one = new BuiltPackage(p.name().normalized(), p.version().toString(), p.file().filename(),
                    p.file().url(), p.file().sha256().orElseThrow(),
                    said.wheelSizes().getOrDefault(p.file().filename(), p.file().size().orElse(0)), p.requested());
            (said.leftOut().contains(p.name().normalized()) ? leftOut : built).add(one);
        }
        return Optional.of(new BuildResult(resolution.target(), built, said.layer(), output, session.warnings(),
                BuildSession.since(start), new Excluded(leftOut, said.rules())));
    }

    /**
     * Stores the written layer under {@code key} with what a reuse must say again. Keeping it is a convenience: when
     * the cache refuses (a full disk, say), the build has still succeeded, and {@code --verbose} says why.
     */
    static void remember(BuildSession session, String key, Path output, LayerSummary layer, List<BuiltPackage> built,
            Excluded excluded, List<String> warnings, List<String> details, BuildListener listener) {
        Map<String, Long> sizes = new HashMap<>();
        Stream.concat(built.stream(), excluded.packages().stream()).forEach(p -> sizes.put(p.filename(), p.size()));
        List<String> leftOut = excluded.packages().stream().map(BuiltPackage::name).toList();
        Description description = new Description(layer, leftOut, excluded.rules(), List.copyOf(warnings), details,
                sizes);
        try {
            session.cache().layers().store(key, output, layer.sha256(), encode(description));
            session.rememberLayerKey(key);
        } catch (RuntimeException e) {
            listener.onEvent(new BuildEvent.Detail("the layer was not kept in the cache for reuse: " + e));
        }
    }
}
