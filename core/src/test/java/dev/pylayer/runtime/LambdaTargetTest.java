package dev.pylayer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.requirement.MarkerEnvironment;
import dev.pylayer.tags.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LambdaTargetTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "python3.9, x86_64, 2.26, manylinux_2_26_x86_64, manylinux1_x86_64",
            "python3.11, arm64, 2.26, manylinux_2_26_aarch64, manylinux2014_aarch64",
            "python3.12, x86_64, 2.34, manylinux_2_34_x86_64, manylinux1_x86_64",
            "python3.14, arm64, 2.34, manylinux_2_34_aarch64, manylinux2014_aarch64",
    })
    void acceptsManylinuxFromTheImagesGlibcDown(String runtime, String arch, String glibc, String first, String last) {
        LambdaTarget target = new LambdaTarget(LambdaRuntime.of(runtime), Architecture.of(arch));
        assertEquals(glibc, target.runtime().glibc().toString());
        assertEquals(first, target.platforms().get(0));
        assertEquals(last, target.platforms().get(target.platforms().size() - 1));
    }

    @Test
    void knowsWhichRuntimesAWheelLoadsOn() {
        var needs228 = Tag.parseCompressed("cp312-cp312-manylinux_2_28_x86_64");
        assertFalse(new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64).accepts(needs228));
        assertTrue(new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.X86_64).accepts(needs228));
        assertFalse(new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.ARM64).accepts(needs228));
        assertEquals(1, LambdaTarget.all().stream().filter(t -> t.accepts(needs228)).count());
    }

    @Test
    void describesTheRuntimesInterpreterForMarkers() {
        MarkerEnvironment env = new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.ARM64).markerEnvironment();
        assertEquals("3.12", env.pythonVersion());
        assertEquals("3.12.0", env.pythonFullVersion());
        assertEquals("aarch64", env.platformMachine());
        assertEquals("linux", env.sysPlatform());
        assertEquals("Linux", env.platformSystem());
        assertEquals("posix", env.osName());
        assertEquals("cpython", env.implementationName());
        assertEquals("CPython", env.platformPythonImplementation());
        assertEquals("python/lib/python3.12/site-packages/",
                new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.ARM64).sitePackagesPrefix());
    }
}
