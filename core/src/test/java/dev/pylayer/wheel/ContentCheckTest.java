package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pylayer.testdata.wheels.HostileWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link WheelArchive#verifyContents}: every entry checked, however the work is shared out. */
class ContentCheckTest {
    private static final int FILES = 40;
    private static ExecutorService pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    /** {@code FILES} modules; RECORD gives module {@code wrong} the hash of other content (none when -1). */
    private Path wheel(int wrong) {
        WheelBuilder builder = WheelBuilder.wheel("many", "1.0");
        for (int i = 0; i < FILES; i++) {
            String path = "many/m" + i + ".py";
            String content = ("VALUE = " + i + "\n").repeat(50 + i);
            builder.file(path, content);
            if (i == wrong) {
                byte[] other = content.replace('=', ':').getBytes(StandardCharsets.UTF_8);
                builder.recordLine(path, path + ",sha256=" + WheelBuilder.urlsafeSha256(other) + "," + other.length);
            }
        }
        return builder.writeTo(dir);
    }

    @ParameterizedTest(name = "helpers {0}, batches of {1} bytes")
    @CsvSource({"0, 4194304", "0, 1", "1, 1", "3, 1", "3, 2000", "3, 4194304"})
    void acceptsAWheelWhoseEntriesAllMatch(int helpers, long batchBytes) {
        try (WheelArchive archive = WheelArchive.open(wheel(-1))) {
            ContentCheck.run(archive, pool, helpers, batchBytes);
        }
    }

    @ParameterizedTest(name = "entry {0}, helpers {1}, batches of {2} bytes")
    @CsvSource({"0, 0, 4194304", "39, 0, 4194304", "0, 3, 1", "20, 3, 1", "39, 3, 1", "39, 1, 2000", "20, 3, 2000"})
    void findsTheOneEntryThatDoesNotMatchItsRecord(int wrong, int helpers, long batchBytes) {
        try (WheelArchive archive = WheelArchive.open(wheel(wrong))) {
            InvalidWheelException error = assertThrows(InvalidWheelException.class,
                    () -> ContentCheck.run(archive, pool, helpers, batchBytes));
            assertEquals("many/m" + wrong + ".py", error.entry().orElseThrow());
        }
    }

    @Test
    void stopsAnEntryThatInflatesPastItsDeclaredSize() {
        try (WheelArchive archive = WheelArchive.open(HostileWheels.liar().writeTo(dir))) {
            WheelTooLargeException error = assertThrows(WheelTooLargeException.class,
                    () -> archive.verifyContents(pool, 2));
            assertEquals("hostile/liar.bin", error.entry());
        }
    }

    @Test
    void completesAloneWhenTheExecutorNeverRunsItsHelpers() {
        Executor never = task -> { };
        try (WheelArchive archive = WheelArchive.open(wheel(-1))) {
            ContentCheck.run(archive, never, 3, 1);
        }
        try (WheelArchive archive = WheelArchive.open(wheel(7))) {
            assertThrows(InvalidWheelException.class, () -> ContentCheck.run(archive, never, 3, 1));
        }
    }

    @Test
    void completesAloneWhenTheExecutorRefusesHelpers() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("shut down");
        };
        try (WheelArchive archive = WheelArchive.open(wheel(12))) {
            InvalidWheelException error = assertThrows(InvalidWheelException.class,
                    () -> ContentCheck.run(archive, refusing, 3, 1));
            assertEquals("many/m12.py", error.entry().orElseThrow());
        }
    }
}
