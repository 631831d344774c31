package dev.pylayer.resolve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.PylayerException;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code name @ url} requirements (PEP 508 direct references) as pip resolves them: exactly the URL's wheel
 * ({@code ExplicitRequirement} on a link candidate), its dependencies from the index, wheels only.
 */
class DirectUrlTest {
    @TempDir
    Path temp;
    @AutoClose
    final IndexWorld world = new IndexWorld();

    /** Serves the wheel at {@code /elsewhere/<filename>}, outside every index listing, and returns its URL. */
    private String serveElsewhere(WheelBuilder builder) {
        world.index().server().stubFor(get(urlPathEqualTo("/elsewhere/" + builder.filename())).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(builder.toBytes())));
        return world.index().baseUrl() + "/elsewhere/" + builder.filename();
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "expected `" + part + "` in:\n" + text);
        }
    }

    @Test
    void installsExactlyTheWheelAtTheUrlWithoutAskingTheIndexForIt() {
        world.add(wheel("a", "2.0"), wheel("b", "1.0"));
        String url = serveElsewhere(wheel("a", "1.0").requiresDist("b"));
        IndexWorld.Outcome outcome = world.resolve("a @ " + url);
        assertEquals(Map.of("a", "1.0", "b", "1.0"), outcome.versions());
        assertEquals(url, outcome.get("a").file().url());
        assertTrue(outcome.get("a").requested());
        assertEquals(0, world.index().requestsTo("/pypi/a/json"), "the index's `a` is never a candidate");
    }

    @Test
    void aDependencyOnTheSameProjectIsSatisfiedByTheUrlsWheel() {
        world.add(wheel("a", "2.0"), wheel("app", "1.0").requiresDist("a>=1"));
        String url = serveElsewhere(wheel("a", "1.5"));
        IndexWorld.Outcome outcome = world.resolve("app", "a @ " + url);
        assertEquals(Map.of("a", "1.5", "app", "1.0"), outcome.versions());
        assertEquals(url, outcome.get("a").file().url());
    }

    @Test
    void readsALocalWheelThroughAFileUrl() {
        Path wheel = wheel("a", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64").writeTo(temp.resolve("local"));
        IndexWorld.Outcome outcome = world.resolve("a @ " + wheel.toUri());
        assertEquals("a-1.0-cp311-cp311-manylinux_2_17_x86_64.whl", outcome.filename("a"));
        assertTrue(outcome.get("a").file().isLocal());
    }

    @Test
    void takesTheFragmentDigestAsTheWheelsHash() {
        WheelBuilder builder = wheel("a", "1.0");
        String sha256 = WheelBuilder.sha256Hex(builder.toBytes());
        String url = serveElsewhere(builder);
        ResolvedPackage a = world.resolve("a @ " + url + "#sha256=" + sha256.toUpperCase()).get("a");
        assertEquals(Optional.of(sha256), a.file().sha256());
        assertEquals(url, a.file().url(), "the fragment is not part of the download URL");
    }

    @Test
    void aFragmentDigestCountsAsAHashInHashCheckingMode() {
        String bHash = world.addOne(wheel("b", "1.0")).sha256();
        WheelBuilder builder = wheel("a", "1.0").requiresDist("b");
        String sha256 = WheelBuilder.sha256Hex(builder.toBytes());
        String url = serveElsewhere(builder);
        IndexWorld.Outcome outcome = world.resolve(IndexWorld.hashChecking(Map.of("b", Set.of("sha256:" + bHash)),
                "a @ " + url + "#sha256=" + sha256));
        assertEquals(Set.of("sha256:" + sha256), outcome.get("a").allowedHashes());
    }

    @Test
    void extrasOfAUrlRequirementPullTheirDependencies() {
        world.add(wheel("uv", "1.0"));
        String url = serveElsewhere(wheel("web", "1.0").providesExtra("server").requiresDist("uv; extra == 'server'"));
        assertEquals(Map.of("uv", "1.0", "web", "1.0"), world.resolve("web[server] @ " + url).versions());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a @ https://example.invalid/a-1.0.tar.gz; a source archive",
            "a @ https://example.invalid/a-1.0.zip#sha256=00; a source archive",
            "a @ git+https://example.invalid/a.git@v1.0; a version-control checkout",
            "a @ https://example.invalid/a/; not a `.whl` file",
    })
    void refusesAnythingButAWheel(String requirement, String what) {
        ResolutionException.UnsupportedDirectUrl error = assertThrows(ResolutionException.UnsupportedDirectUrl.class,
                () -> world.resolve(requirement));
        assertContains(error.getMessage(), "is not a wheel (" + what + ")", "pylayer installs wheels only");
        assertContains(error.hints().toString(), ".whl");
    }

    @Test
    void refusesAWheelOfAnotherProject() {
        ResolutionException.UnsupportedDirectUrl error = assertThrows(ResolutionException.UnsupportedDirectUrl.class,
                () -> world.resolve("a @ https://example.invalid/b-1.0-py3-none-any.whl"));
        assertContains(error.getMessage(), "points at a wheel of `b`, not of `a`");
    }

    @Test
    void refusesAnInvalidWheelFileName() {
        assertThrows(ResolutionException.UnsupportedDirectUrl.class,
                () -> world.resolve("a @ https://example.invalid/a-py3-none-any.whl"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a-1.0-cp38-abi3-manylinux_2_28_x86_64.whl; needs glibc 2.28 or newer|glibc 2.26; use --runtime python3.12",
            "a-1.0-cp311-cp311-manylinux_2_17_aarch64.whl; on aarch64; use --arch arm64",
            "a-1.0-cp312-cp312-manylinux_2_17_x86_64.whl; other Pythons (cp312); use --runtime python3.12",
            "a-1.0-cp311-cp311-win_amd64.whl; Windows; point the URL at a wheel of a built for python3.11/x86_64",
    })
    void aUrlWheelThatDoesNotLoadOnTheTargetIsExplained(String filename, String messageParts, String hint) {
        ResolutionException.NoMatchingDistribution error = assertThrows(
                ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a @ https://example.invalid/" + filename));
        assertContains(error.getMessage(), "`a @ https://example.invalid/" + filename + "` cannot be installed for "
                + "python3.11 on x86_64");
        assertContains(error.getMessage(), messageParts.split("\\|"));
        // One file, spoken of as one file: "a-1.0-….whl needs glibc 2.28", not "ships only wheels that need".
        assertTrue(error.getMessage().contains(filename + " is built only for ")
                || error.getMessage().contains(filename + " needs glibc "), error.getMessage());
        assertTrue(error.hints().get(0).startsWith(hint), error.hints().toString());
    }

    @Test
    void aDependencyThatExcludesTheUrlsVersionIsAConflict() {
        world.add(wheel("b", "1.0").requiresDist("a>=2"), wheel("a", "2.0"));
        String url = serveElsewhere(wheel("a", "1.0"));
        ResolutionException.DependencyConflict error = assertThrows(ResolutionException.DependencyConflict.class,
                () -> world.resolve("a @ " + url, "b"));
        assertContains(error.getMessage(), "you asked for `a @ " + url + "`", "b 1.0 depends on `a>=2`");
    }

    @Test
    void aUrlWheelWhoseMetadataNamesAnotherProjectIsRefused() {
        WheelBuilder impostor = wheel("b", "1.0");
        world.index().server().stubFor(get(urlPathEqualTo("/elsewhere/a-1.0-py3-none-any.whl")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(impostor.toBytes())));
        String url = world.index().baseUrl() + "/elsewhere/a-1.0-py3-none-any.whl";
        ResolutionException.NoMatchingDistribution error = assertThrows(
                ResolutionException.NoMatchingDistribution.class, () -> world.resolve("a @ " + url));
        assertContains(error.getMessage(), "`a @ " + url + "` cannot be installed (you asked for", "says it is b 1.0");
    }

    @Test
    void aUrlThatIsNotThereNamesTheUrl() {
        String url = world.index().baseUrl() + "/elsewhere/a-1.0-py3-none-any.whl";
        PylayerException error = assertThrows(PylayerException.class, () -> world.resolve("a @ " + url));
        assertContains(error.getMessage(), url);
    }

    @Test
    void aConstraintWithAUrlIsRefused() {
        world.add(wheel("a", "1.0"));
        ResolutionException.UnsupportedDirectUrl error = assertThrows(ResolutionException.UnsupportedDirectUrl.class,
                () -> world.resolve(IndexWorld.withConstraints(
                        List.of("a @ https://example.invalid/a-1.0-py3-none-any.whl"), "a")));
        assertContains(error.getMessage(), "the constraint `a @ https://example.invalid/a-1.0-py3-none-any.whl`");
    }
}
