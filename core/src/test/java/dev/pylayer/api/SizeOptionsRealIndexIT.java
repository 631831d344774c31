package dev.pylayer.api;

import static dev.pylayer.testdata.real.PythonImportCheck.unzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.inspect.FindingKind;
import dev.pylayer.inspect.InspectionReport;
import dev.pylayer.inspect.LayerInspector;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.real.Commands;
import dev.pylayer.testdata.real.PythonImportCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The size options on the machine's real wheels: a slimmed layer of pandas or scikit-learn (numpy, scipy) still
 * imports and computes under python3.11 with nothing but the layer on sys.path, and its inspection finds no file
 * missing from a RECORD; a layer without what the runtime ships works with a stand-in for the runtime's copies
 * after it on sys.path. Skipped, with the reason printed, where the mirror or python3.11 is missing.
 */
class SizeOptionsRealIndexIT {
    @RegisterExtension
    static final RealWheelMirror MIRROR = new RealWheelMirror();

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static LayerBuild build(String requirements) {
        return MIRROR.build(LambdaRuntime.PYTHON_3_11, shared.resolve("cache"), requirements);
    }

    private static void assertNothingMissing(BuildResult result) {
        InspectionReport report = LayerInspector.inspect(result.output(), result.target());
        assertTrue(report.willLoad(), report.findings().toString());
        assertTrue(report.findings().stream().noneMatch(f -> f.kind() == FindingKind.RECORD_FILE_MISSING
                || f.kind() == FindingKind.RECORD_HASH_MISMATCH), report.findings().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pandas|import pandas, numpy.testing; assert pandas.DataFrame({'a': [1, 2]}).sum()['a'] == 3;"
                    + " numpy.testing.assert_array_equal(numpy.arange(3), [0, 1, 2])",
            "scikit-learn|import numpy, scipy.stats, scipy.linalg, sklearn.utils.estimator_checks;"
                    + " from sklearn.datasets import make_classification;"
                    + " from sklearn.linear_model import LogisticRegression;"
                    + " X, y = make_classification(n_samples=40, random_state=0);"
                    + " assert LogisticRegression().fit(X, y).score(X, y) > 0.8;"
                    + " assert abs(scipy.stats.norm.cdf(0) - 0.5) < 1e-12",
    })
    void aSlimmedLayerStillImportsAndComputes(String requirements, String script) throws IOException {
        BuildResult full = build(requirements).build(work.resolve("full.zip"));
        BuildResult slim = build(requirements).slim(true).slimStubs(true).build(work.resolve("slim.zip"));
        assertEquals(full.packages(), slim.packages());
        long saved = full.layer().uncompressedSize() - slim.layer().uncompressedSize();
        assertEquals(slim.excluded().bytes(), saved);
        assertTrue(saved > 10_000_000, "slim saved only " + saved + " bytes");
        assertNothingMissing(slim);
        Commands.Outcome outcome = PythonImportCheck.run(unzip(slim.output(), work.resolve("slim")),
                "python3.11", script + "; print('ok')", List.of());
        assertTrue(outcome.succeeded(), outcome.output());
    }

    @Test
    void withoutWhatTheRuntimeShipsTheLayerWorksBesideTheRuntimesCopies() throws IOException {
        BuildResult runtime = build("boto3").build(work.resolve("runtime.zip"));
        BuildResult layer = build("pandas boto3").excludeRuntimeProvided(true).slim(true).build(work.resolve("layer.zip"));
        assertTrue(layer.packages().stream().noneMatch(p -> p.name().equals("boto3") || p.name().equals("six")),
                layer.packages().toString());
        assertEquals(runtime.packages().stream().map(BuiltPackage::name).toList(),
                layer.excluded().packages().stream().map(BuiltPackage::name).toList());
        assertNothingMissing(layer);
        Path standIn = unzip(runtime.output(), work.resolve("runtime")).resolve("python/lib/python3.11/site-packages");
        Commands.Outcome outcome = PythonImportCheck.run(unzip(layer.output(), work.resolve("layer")),
                "python3.11", "import pandas, boto3; assert pandas.to_datetime('2024-01-02').year == 2024;"
                        + " assert boto3.__file__.startswith('" + standIn + "'); print('ok')", List.of(standIn));
        assertTrue(outcome.succeeded(), outcome.output());
    }
}
