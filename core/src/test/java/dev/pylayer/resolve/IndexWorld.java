package dev.pylayer.resolve;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.index.IndexClient;
import dev.pylayer.index.Netrc;
import dev.pylayer.index.RetryPolicy;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.testdata.index.FakeIndex.SimpleFormat;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A world of generated wheels on a {@link FakeIndex}, resolved through the real stack: an {@link IndexClient}
 * over the index's JSON API or simple pages, an {@link IndexCatalog} and the {@link Resolver}. Every resolution
 * gets a fresh cache, so each one reads the index as a first build would. A test holds one as
 * {@code @AutoClose final IndexWorld world = new IndexWorld();}: the index and the caches go when the test ends.
 */
final class IndexWorld implements AutoCloseable {
    static final LambdaTarget PY311 = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64);
    static final LambdaTarget PY312 = new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.X86_64);
    static final LambdaTarget PY311_ARM = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.ARM64);

    /** How the resolver reads the index. */
    enum Flavour {
        JSON_API, SIMPLE_JSON, SIMPLE_HTML;

        String url(FakeIndex index) {
            return this == JSON_API ? index.jsonApiUrl() : index.simpleUrl();
        }
    }

    /** What a resolution gave: the packages and what the resolver said on the way. */
    record Outcome(Resolution resolution, List<String> warnings, List<String> backtracks) {
        /** normalized name → version. */
        Map<String, String> versions() {
            Map<String, String> versions = new TreeMap<>();
            resolution.packages().forEach(p -> versions.put(p.name().normalized(), p.version().toString()));
            return versions;
        }

        ResolvedPackage get(String name) {
            PackageName wanted = PackageName.of(name);
            return resolution.packages().stream().filter(p -> p.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not in " + versions()));
        }

        String filename(String name) {
            return get(name).file().filename();
        }
    }

    private final FakeIndex index = FakeIndex.start();
    private final List<WheelBuilder> wheels = new ArrayList<>();
    private final Path temp;
    private int resolutions;

    IndexWorld() {
        try {
            this.temp = Files.createTempDirectory("index-world");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeIndex index() {
        return index;
    }

    /** Adds wheels to the index (and to {@link #wheels()}, the same world as a folder for pip). */
    IndexWorld add(WheelBuilder... builders) {
        for (WheelBuilder builder : builders) {
            index.add(builder);
            wheels.add(builder);
        }
        return this;
    }

    FakeIndex.File addOne(WheelBuilder builder) {
        wheels.add(builder);
        return index.add(builder);
    }

    List<WheelBuilder> wheels() {
        return Collections.unmodifiableList(wheels);
    }

    Outcome resolve(String... requirements) {
        return resolve(Flavour.JSON_API, PY311, request(requirements));
    }

    Outcome resolve(LambdaTarget target, String... requirements) {
        return resolve(Flavour.JSON_API, target, request(requirements));
    }

    Outcome resolve(ResolveRequest request) {
        return resolve(Flavour.JSON_API, PY311, request);
    }

    Outcome resolve(Flavour flavour, LambdaTarget target, ResolveRequest request) {
        index.simpleFormats(flavour == Flavour.SIMPLE_HTML ? new SimpleFormat[] {SimpleFormat.HTML}
                : SimpleFormat.values());
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        List<String> backtracks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "resolver-test-fetch");
            thread.setDaemon(true);
            return thread;
        });
        try (ContentCache cache = ContentCache.open(temp.resolve("cache-" + (++resolutions)));
                IndexClient client = IndexClient.builder().cache(cache).netrc(Netrc.empty())
                        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50)))
                        .readTimeout(Duration.ofSeconds(20)).build()) {
            try {
                IndexCatalog catalog = new IndexCatalog(client.index(flavour.url(index)), client, pool);
                Resolver resolver = new Resolver(catalog, target, pool, new ResolveListener() {
                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }

                    @Override
                    public void backtracking(String detail) {
                        backtracks.add(detail);
                    }
                }, catalog.describeIndexes());
                return new Outcome(resolver.resolve(request), List.copyOf(warnings), backtracks);
            } finally {
                stop(pool); // look-ahead fetches still running write into the cache: let them end before it goes
            }
        }
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("resolver-test-fetch threads still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ResolveRequest request(String... requirements) {
        return ResolveRequest.of(roots(requirements));
    }

    static List<RootRequirement> roots(String... requirements) {
        List<RootRequirement> roots = new ArrayList<>();
        for (String requirement : requirements) {
            roots.add(RootRequirement.of(Requirement.parse(requirement)));
        }
        return roots;
    }

    static ResolveRequest withPre(String... requirements) {
        return new ResolveRequest(roots(requirements), List.of(), Map.of(), true, false);
    }

    static ResolveRequest withConstraints(List<String> constraints, String... requirements) {
        return new ResolveRequest(roots(requirements), constraints.stream().map(Requirement::parse).toList(), Map.of(),
                false, false);
    }

    static ResolveRequest hashChecking(Map<String, Set<String>> hashes, String... requirements) {
        Map<PackageName, Set<String>> byName = new java.util.HashMap<>();
        hashes.forEach((name, values) -> byName.put(PackageName.of(name), values));
        return new ResolveRequest(roots(requirements), List.of(), byName, false, true);
    }

    @Override
    public void close() {
        index.close();
        deleteTree(temp);
    }

    /** Deletes the world's folder; a file that vanishes meanwhile (a cache write's temporary renamed) is no error. */
    private static void deleteTree(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
