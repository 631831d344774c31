package dev.pylayer.api;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.inspect.WheelFacts;
import dev.pylayer.wheel.WheelArchive;
import dev.pylayer.wheel.WheelFilename;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Checks each wheel's content as soon as it is on disk, before the layer is written: every entry inflated on the
 * side and compared with its declared size, CRC-32 and RECORD hash ({@link WheelArchive#verifyContents}). The
 * layer writer then copies raw bytes without inflating them again, and the check, most of a build's CPU time,
 * overlaps resolution and the other downloads instead of following them. A wheel with a known sha256 (every
 * wheel from an index: its bytes were hashed on the way in) is checked once per cache: the outcome depends on
 * the bytes alone, so it is remembered by their digest, together with what the layer inspection needs to know of
 * the wheel's files ({@link WheelFacts}: ELF readings, digests), taken from the same inflate.
 */
final class WheelContentChecks {
    /** The name under which a pass is remembered; a new rule in the check gets a new name. */
    static final String CHECK = "wheel-contents-2";

    private final ContentCache cache;
    private final Executor executor;
    private final int helpers;

    WheelContentChecks(ContentCache cache, Executor executor) {
        this.cache = cache;
        this.executor = executor;
        this.helpers = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** A checked wheel's facts, and its archive left open for the layer writer. */
    record Opened(WheelFacts facts, WheelArchive archive) {
    }

    /**
     * Opens the wheel (central directory, RECORD and METADATA, see {@link WheelArchive#open}) and checks its content
     * unless a pass is remembered for its digest; throws the wheel's typed error when an entry does not match what
     * the wheel declares. The archive is returned open: opening is a good part of planning a layer, and done here
     * it overlaps the resolution.
     */
    Opened open(DistributionFile file, Path wheel) {
        WheelArchive archive = WheelArchive.open(wheel, WheelFilename.parse(file.filename()));
        try {
            return new Opened(remembered(file).orElseGet(() -> verify(file, archive)), archive);
        } catch (RuntimeException | Error e) {
            archive.close();
            throw e;
        }
    }

    /** Throws the wheel's typed error when an entry does not match what the wheel declares; else its facts. */
    WheelFacts check(DistributionFile file, Path wheel) {
        Optional<WheelFacts> known = remembered(file);
        if (known.isPresent()) {
            return known.get();
        }
        try (WheelArchive archive = WheelArchive.open(wheel, WheelFilename.parse(file.filename()))) {
            return verify(file, archive);
        }
    }

    private Optional<WheelFacts> remembered(DistributionFile file) {
        return file.sha256().flatMap(hex -> cache.findings(hex, CHECK)).flatMap(WheelFacts::fromJson);
    }

    private WheelFacts verify(DistributionFile file, WheelArchive archive) {
        WheelFacts.Recorder recorder = WheelFacts.recorder();
        archive.verifyContents(executor, helpers, entry -> recorder.entry(entry.name(), entry.compressedSize(),
                entry.size(), archive.checkHashesSha256(entry), () -> archive.open(entry)));
        WheelFacts facts = recorder.facts();
        Optional<String> sha256 = file.sha256();
        if (sha256.isPresent() && facts.keepable()) {
            cache.recordPassed(sha256.get(), CHECK, facts.toJson());
        }
        return facts;
    }
}
