package dev.pylayer.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.wheel.CoreMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Prefetching follows the likely winners down the tree, ahead of the engine, and only the likely winners. */
class LikelyTreePrefetchTest {
    private static final LambdaTarget TARGET = new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.X86_64);

    /** a → b → c → d; each project has a newer release (the likely winner) and an older one with no dependencies. */
    private static final class Chain implements DistributionCatalog {
        final List<String> metadataPrefetched = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ProjectListing listing(PackageName name) {
            return new ProjectListing(name, List.of(file(name.normalized(), "2.0"), file(name.normalized(), "1.0")));
        }

        @Override
        public CoreMetadata metadata(DistributionFile file) {
            String name = file.filename().substring(0, file.filename().indexOf('-'));
            String next = Map.of("a", "b", "b", "c", "c", "d").get(name);
            String text = "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + file.filename().split("-")[1] + "\n"
                    + (next != null && file.filename().contains("-2.0-") ? "Requires-Dist: " + next + "\n" : "");
            return CoreMetadata.parse(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void prefetchMetadata(DistributionFile file) {
            metadataPrefetched.add(file.filename());
        }

        private static DistributionFile file(String name, String version) {
            String filename = name + "-" + version + "-py3-none-any.whl";
            return new DistributionFile(filename, "https://files.example/" + filename, Map.of(), Optional.empty(),
                    false, Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), "test");
        }
    }

    @Test
    void fetchesTheMetadataOfEveryLikelyWinnerDownTheTree() {
        Chain catalog = new Chain();
        PipProvider provider = new PipProvider(catalog, new CandidateFinder(TARGET), TARGET.markerEnvironment(),
                Map.of(), Map.of(), false, Runnable::run, warning -> { });
        provider.prefetch(PipProvider.split(Requirement.parse("a")));
        assertEquals(List.of("a-2.0-py3-none-any.whl", "b-2.0-py3-none-any.whl", "c-2.0-py3-none-any.whl",
                "d-2.0-py3-none-any.whl"), catalog.metadataPrefetched);
    }
}
