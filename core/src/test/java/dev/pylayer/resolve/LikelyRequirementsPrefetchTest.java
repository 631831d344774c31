package dev.pylayer.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.index.IndexClient;
import dev.pylayer.index.PackageIndex;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's word on a project's newest requirements starts the next listings early; only a hint. */
class LikelyRequirementsPrefetchTest {
    private static final LambdaTarget TARGET = new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.X86_64);

    @TempDir
    Path temp;

    /** Lists every project empty, except `a`, whose listing carries the hints; remembers what was listed. */
    private static final class Hinting implements PackageIndex {
        final List<String> listed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ProjectListing listProject(PackageName project) {
            listed.add(project.normalized());
            if (!project.normalized().equals("a")) {
                return ProjectListing.empty(project);
            }
            return new ProjectListing(project, List.of(), List.of("b>=1", "C_D[fast]; python_version >= '3.8'",
                    "e; extra == 'socks'", "f; python_version < '3'", "g; sys_platform == 'win32'",
                    "not a requirement ((", "b<3"));
        }

        @Override
        public String displayUrl() {
            return "hinting";
        }
    }

    @Test
    void listsWhatTheNewestReleaseRequiresOnTheTargetBeforeTheResolverAsks() {
        Hinting index = new Hinting();
        try (ContentCache cache = ContentCache.open(temp); IndexClient client = IndexClient.builder().cache(cache)
                .offline(true).build()) {
            IndexCatalog catalog = new IndexCatalog(index, client, Runnable::run, TARGET.markerEnvironment());
            catalog.listing(PackageName.of("a"));
            assertEquals(List.of("a", "b", "c-d"), index.listed, "no extras, no other Python or platform, no junk");
            catalog.listing(PackageName.of("b"));
            assertEquals(3, index.listed.size(), "a prefetched listing is not fetched again");
        }
    }

    @Test
    void withoutAnEnvironmentNothingIsPrefetched() {
        Hinting index = new Hinting();
        try (ContentCache cache = ContentCache.open(temp); IndexClient client = IndexClient.builder().cache(cache)
                .offline(true).build()) {
            new IndexCatalog(index, client, Runnable::run).listing(PackageName.of("a"));
            assertEquals(List.of("a"), index.listed);
        }
    }
}
