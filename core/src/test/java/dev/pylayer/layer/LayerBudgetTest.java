package dev.pylayer.layer;

import static dev.pylayer.layer.LayerZipWriterTest.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerBudgetTest {
    @TempDir
    Path dir;

    private LayerPlan plan() {
        List<LayerSource> sources = new ArrayList<>();
        int[] sizes = {50_000, 10_000, 300_000, 1_000, 20_000, 70_000, 5_000};
        for (int i = 0; i < sizes.length; i++) {
            sources.add(LayerSource.of(WheelBuilder.wheel("pkg" + i, "1.0").file("pkg" + i + "/data.bin", new byte[sizes[i]])
                    .writeTo(dir), false));
        }
        return LayerPlan.create(LAYOUT, sources);
    }

    @Test
    void fitsUnderLambdasLimit() {
        try (LayerPlan plan = plan()) {
            LayerBudget budget = LayerBudget.of(plan);
            assertTrue(budget.fits());
            assertEquals(LambdaLimits.MAX_UNZIPPED_BYTES, budget.limit());
            assertEquals(plan.uncompressedSize(), budget.size());
            budget.check();
        }
    }

    @Test
    void namesTheLargestDistributionsWhenOverTheLimit() {
        try (LayerPlan plan = plan()) {
            LayerBudget budget = LayerBudget.of(plan, 400_000);
            assertFalse(budget.fits());
            assertEquals(List.of("pkg2", "pkg5", "pkg0", "pkg4", "pkg1"),
                    budget.largest().stream().map(d -> d.name().normalized()).toList());
            LayerTooLargeException error = assertThrows(LayerTooLargeException.class, budget::check);
            assertEquals(plan.uncompressedSize(), error.size());
            assertEquals(400_000, error.limit());
            assertTrue(error.getMessage().startsWith("the layer would be 0.4 MB unzipped"), error.getMessage());
            assertTrue(error.getMessage().contains("pkg2 0.3 MB"), error.getMessage());
            assertTrue(plan.uncompressedSize() > 456_000);
        }
    }

    @Test
    void estimatesTheZipAgainstTheDirectUploadLimitAndSaysAbout() {
        List<LayerSource> sources = List.of(LayerSource.of(WheelBuilder.wheel("big", "1.0")
                .file("big/__init__.py", "").file("big/data/blob.bin", new byte[300_000]).writeTo(dir), false));
        try (LayerPlan plan = LayerPlan.create(LAYOUT, sources)) {
            LayerBudget budget = LayerBudget.zipped(plan, 1_000);
            assertEquals(LayerBudget.Measure.ZIPPED, budget.measure());
            assertEquals(plan.zipSizeEstimate(), budget.size());
            LayerTooLargeException error = assertThrows(LayerTooLargeException.class,
                    () -> budget.check(List.of("--slim would save about 1.0 MB")));
            assertTrue(error.getMessage().startsWith("the layer would be about "), error.getMessage());
            assertTrue(error.getMessage().contains("zipped, over Lambda's limit of 0.0 MB for a zip uploaded directly"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("largest unzipped: big 0.3 MB"), error.getMessage());
            assertEquals("--slim would save about 1.0 MB", error.hints().get(0));
            assertTrue(error.hints().get(1).startsWith("largest folders unzipped: big/data 293.0 KB; --exclude GLOB"),
                    error.hints().toString());
            assertTrue(error.hints().get(2).contains("--s3-bucket"), error.hints().toString());
            assertTrue(LayerBudget.zipped(plan).fits());
        }
    }

    @Test
    void listsEntriesInWriteOrder() {
        try (LayerPlan plan = plan()) {
            List<String> names = plan.entryNames();
            assertEquals("python/", names.get(0));
            assertEquals(plan.fileCount(), names.stream().filter(name -> !name.endsWith("/")).count());
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(Utf8Order.INSTANCE);
            assertEquals(sorted, names);
        }
    }
}
