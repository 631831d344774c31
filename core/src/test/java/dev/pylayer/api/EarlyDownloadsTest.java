package dev.pylayer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexClient;
import dev.pylayer.index.Netrc;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.resolve.DistributionCatalog;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.CoreMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver's first guess for a project is downloaded while it resolves; later guesses are not. */
class EarlyDownloadsTest {
    @TempDir
    Path dir;

    /** A catalog that knows nothing: only the downloads are under test. */
    private static final DistributionCatalog NOTHING = new DistributionCatalog() {
        @Override
        public ProjectListing listing(PackageName name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CoreMetadata metadata(DistributionFile file) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void downloadsTheFirstGuessPerProjectOnly() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FakeIndex index = FakeIndex.start();
             ContentCache cache = ContentCache.open(dir.resolve("cache"));
             IndexClient client = IndexClient.builder().cache(cache).netrc(Netrc.empty()).build()) {
            FakeIndex.File newer = index.add(WheelBuilder.wheel("demo", "2.0").file("demo/__init__.py", "X = 2\n"));
            FakeIndex.File older = index.add(WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "X = 1\n"));
            FakeIndex.File other = index.add(WheelBuilder.wheel("other", "1.0"));
            List<DistributionFile> demo = client.index(index.jsonApiUrl()).listProject(PackageName.of("demo")).files();
            DistributionFile otherFile = client.index(index.jsonApiUrl()).listProject(PackageName.of("other")).files().get(0);
            DistributionFile newerFile = demo.stream().filter(f -> f.filename().equals(newer.filename())).findFirst().orElseThrow();
            DistributionFile olderFile = demo.stream().filter(f -> f.filename().equals(older.filename())).findFirst().orElseThrow();
            WheelDownloads downloads = new WheelDownloads(client, pool, pool, BuildListener.NONE, file -> Set.of(),
                    new WheelContentChecks(cache, pool), file -> false);
            EarlyDownloads early = new EarlyDownloads(NOTHING, downloads);

            early.prefetchMetadata(newerFile);
            early.prefetchMetadata(olderFile);
            early.prefetchMetadata(otherFile);
            downloads.awaitAll(List.of(newerFile, otherFile));

            assertEquals(Map.of(newer.path(), 1, older.path(), 0, other.path(), 1), Map.of(
                    newer.path(), index.requestsTo(newer.path()), older.path(), index.requestsTo(older.path()),
                    other.path(), index.requestsTo(other.path())));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A wheel is fetched on a fetch thread and checked on a check thread: checks never hold a fetch thread. */
    @Test
    void checksOnTheCheckThreadsAndFetchesOnTheFetchThreads() {
        ExecutorService fetch = Executors.newFixedThreadPool(1, runnable -> new Thread(runnable, "test-fetch"));
        ExecutorService check = Executors.newFixedThreadPool(1, runnable -> new Thread(runnable, "test-check"));
        try (FakeIndex index = FakeIndex.start();
             ContentCache cache = ContentCache.open(dir.resolve("cache"));
             IndexClient client = IndexClient.builder().cache(cache).netrc(Netrc.empty()).build()) {
            index.add(WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "X = 1\n"));
            DistributionFile file = client.index(index.jsonApiUrl()).listProject(PackageName.of("demo")).files().get(0);
            java.util.Set<String> downloadThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.Set<String> checkThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.Executor recordingCheck = task -> check.execute(() -> {
                checkThreads.add(Thread.currentThread().getName());
                task.run();
            });
            WheelDownloads downloads = new WheelDownloads(client, fetch, recordingCheck, BuildListener.NONE, f -> {
                downloadThreads.add(Thread.currentThread().getName());
                return Set.of();
            }, new WheelContentChecks(cache, check), f -> false);
            downloads.awaitAll(List.of(file));
            downloads.close();
            assertEquals(Set.of("test-fetch"), downloadThreads);
            assertEquals(Set.of("test-check"), checkThreads);
        } finally {
            fetch.shutdownNow();
            check.shutdownNow();
        }
    }
}
