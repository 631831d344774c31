package dev.pylayer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients share the per-JVM set-up ({@link IndexClient#warmUp}) but nothing a client closes. */
class SharedSetUpTest {
    @TempDir
    Path dir;

    @Test
    void closingOneClientLeavesAnotherWorking() {
        IndexClient.warmUp(true);
        IndexClient.warmUp(true);
        try (FakeIndex index = FakeIndex.start()) {
            index.add(WheelBuilder.wheel("demo", "1.0"));
            IndexClient first = TestClients.client(dir.resolve("a"));
            try (IndexClient second = TestClients.client(dir.resolve("b"))) {
                assertEquals(1, first.index(index.simpleUrl()).listProject(PackageName.of("demo")).files().size());
                first.close();
                assertEquals(1, second.index(index.jsonApiUrl()).listProject(PackageName.of("demo")).files().size());
            }
            try (IndexClient third = TestClients.client(dir.resolve("c"))) {
                assertEquals(1, third.index(index.simpleUrl()).listProject(PackageName.of("demo")).files().size());
            }
        }
    }
}
