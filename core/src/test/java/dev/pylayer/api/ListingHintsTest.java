package dev.pylayer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexOptions;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolveRequest;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.resolve.RootRequirement;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.version.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warm build lists last time's projects at once; the hint is keyed by everything that decides them. */
class ListingHintsTest {
    private static final LambdaTarget TARGET = new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.X86_64);
    private static final IndexOptions PYPI = IndexOptions.of("https://pypi.org/simple");

    @TempDir
    Path dir;

    private static ResolveRequest request(String... requirements) {
        return ResolveRequest.of(java.util.Arrays.stream(requirements).map(Requirement::parse).map(RootRequirement::of).toList());
    }

    private static ResolvedPackage resolved(String name) {
        return resolved(name, false);
    }

    private static ResolvedPackage resolved(String name, boolean requested) {
        DistributionFile file = new DistributionFile(name + "-1.0-py3-none-any.whl", "https://files.example/" + name,
                Map.of(), Optional.empty(), false, Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), "https://pypi.org/simple");
        return new ResolvedPackage(PackageName.of(name), Version.parse("1.0"), file, requested, Set.of(), Set.of());
    }

    @Test
    void remembersTheProjectsOfTheLastResolution() {
        ContentCache cache = ContentCache.open(dir);
        String key = ListingHints.key(TARGET, PYPI, request("fastapi"));
        assertEquals(List.of(), ListingHints.load(cache, key));
        ListingHints.save(cache, key, new Resolution(TARGET, List.of(resolved("anyio"), resolved("fastapi", true),
                resolved("Pydantic_Core"))));
        assertEquals(List.of(PackageName.of("fastapi"), PackageName.of("anyio"), PackageName.of("pydantic-core")),
                ListingHints.load(cache, key), "what the user asked for first, as the resolver lists it");
    }

    @Test
    void keysOnTargetIndexesRequirementsConstraintsAndPre() {
        String base = ListingHints.key(TARGET, PYPI, request("fastapi"));
        assertEquals(base, ListingHints.key(TARGET, PYPI, request("fastapi")));
        assertNotEquals(base, ListingHints.key(new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.ARM64), PYPI,
                request("fastapi")));
        assertNotEquals(base, ListingHints.key(TARGET, IndexOptions.of("https://mirror.example/simple"), request("fastapi")));
        assertNotEquals(base, ListingHints.key(TARGET, PYPI, request("fastapi<1")));
        ResolveRequest pre = new ResolveRequest(request("fastapi").requirements(), List.of(), Map.of(), true, false);
        assertNotEquals(base, ListingHints.key(TARGET, PYPI, pre));
        ResolveRequest constrained = new ResolveRequest(request("fastapi").requirements(),
                List.of(Requirement.parse("pydantic<2")), Map.of(), false, false);
        assertNotEquals(base, ListingHints.key(TARGET, PYPI, constrained));
    }

    @Test
    void skipsLinesThatAreNotProjectNames() {
        ContentCache cache = ContentCache.open(dir);
        cache.putHint("k", "requests\n\n  idna \n!!not a name!!\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(PackageName.of("requests"), PackageName.of("idna")), ListingHints.load(cache, "k"));
    }
}
