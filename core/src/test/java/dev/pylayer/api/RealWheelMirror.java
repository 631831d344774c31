package dev.pylayer.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.real.LocalPypiMirror;
import dev.pylayer.testdata.real.RealTools;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The machine's mirror of real wheels for an integration test class ({@code @RegisterExtension static}): the JVM's
 * one {@link LocalPypiMirror#shared()}, started before the class's first test, or the reason it cannot run here.
 * Then the class says so once on stderr (a skipped class is easy to miss in Maven's summary) and each of its
 * tests is skipped with the reason.
 */
final class RealWheelMirror implements BeforeAllCallback, BeforeEachCallback {
    private Optional<String> skipReason = Optional.of("not started");
    private LocalPypiMirror mirror;

    @Override
    public void beforeAll(ExtensionContext context) {
        skipReason = RealTools.skipReason();
        if (skipReason.isPresent()) {
            System.err.println(context.getRequiredTestClass().getSimpleName() + " skipped: " + skipReason.get());
            return;
        }
        mirror = LocalPypiMirror.shared();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(skipReason.isEmpty(), () -> "skipped: " + skipReason.orElse(""));
    }

    boolean running() {
        return mirror != null;
    }

    LocalPypiMirror mirror() {
        if (mirror == null) {
            throw new IllegalStateException("the wheel mirror is not running: " + skipReason.orElse(""));
        }
        return mirror;
    }

    /** A build for {@code runtime} on x86_64 from the mirror's JSON API (the mirror holds CPython 3.11 wheels). */
    LayerBuild build(LambdaRuntime runtime, Path cacheDir, String requirements) {
        return LayerBuild.forRuntime(runtime).arch(Architecture.X86_64).indexUrl(mirror().jsonApiUrl())
                .cacheDir(cacheDir).require(requirements.split(" "));
    }
}
