package dev.pylayer.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver calls from many threads: listings, metadata and downloads of one client at once. */
class ConcurrencyTest {
    @TempDir
    Path cacheDir;

    @Test
    void manyThreadsListFetchMetadataAndDownloadAtOnce() throws Exception {
        int projects = 24;
        try (FakeIndex index = FakeIndex.start();
             IndexClient client = TestClients.builder(cacheDir).maxConcurrentRequests(4).build()) {
            List<WheelBuilder> wheels = new ArrayList<>();
            for (int i = 0; i < projects; i++) {
                WheelBuilder wheel = WheelBuilder.wheel("project-" + i, "1." + i).requiresDist("dep-" + i);
                wheels.add(wheel);
                index.add(wheel);
            }
            index.coreMetadata(false);
            PackageIndex simple = client.index(index.simpleUrl());
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < projects; i++) {
                        WheelBuilder wheel = wheels.get(i);
                        String name = "project-" + i;
                        futures.add(pool.submit(() -> {
                            DistributionFile file = simple.listProject(PackageName.of(name)).files().get(0);
                            assertArrayEquals(wheel.metadata(), client.coreMetadata(file));
                            assertArrayEquals(wheel.toBytes(), Files.readAllBytes(client.wheel(file)));
                            return null;
                        }));
                    }
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            for (int i = 0; i < projects; i++) {
                assertEquals(true, client.cache().wheel(WheelBuilder.sha256Hex(wheels.get(i).toBytes())).isPresent());
            }
        }
    }
}
