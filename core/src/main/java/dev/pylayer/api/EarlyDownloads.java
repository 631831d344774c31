package dev.pylayer.api;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.name.PackageName;
import dev.pylayer.resolve.DistributionCatalog;
import dev.pylayer.wheel.WheelFilename;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolver's catalog, starting the download of a project's wheel as soon as the resolver guesses it will be
 * the one chosen (it prefetches that wheel's metadata), rather than when it is pinned: the bytes, and the content
 * check that follows them, then overlap the rest of the resolution, which for a big wheel is most of a cold
 * build's time (and on a warm build, the cached wheel's hash). Only the first guess per project is downloaded
 * early, so a resolution that backtracks wastes one download per project at most; what is not chosen is never
 * awaited.
 */
final class EarlyDownloads extends ForwardingCatalog {
    private final WheelDownloads downloads;
    private final Set<PackageName> started = ConcurrentHashMap.newKeySet();

    EarlyDownloads(DistributionCatalog catalog, WheelDownloads downloads) {
        super(catalog);
        this.downloads = downloads;
    }

    @Override
    public void prefetchMetadata(DistributionFile file) {
        super.prefetchMetadata(file);
        Optional<WheelFilename> wheel = WheelFilename.tryParse(file.filename());
        if (wheel.isPresent() && started.add(wheel.get().name())) {
            downloads.startEarly(file);
        }
    }
}
