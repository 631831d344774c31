package dev.pylayer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RuntimeProvidedPackagesTest {
    @ParameterizedTest
    @EnumSource(LambdaRuntime.class)
    void everyPythonRuntimeShipsTheSdkAndItsDependencies(LambdaRuntime runtime) {
        assertEquals(List.of("boto3", "botocore", "jmespath", "python-dateutil", "s3transfer", "six", "urllib3"),
                RuntimeProvidedPackages.of(runtime).stream().map(PackageName::normalized).sorted().toList());
    }

    @ParameterizedTest
    @CsvSource({
            "boto3, true", "Boto3, true", "python_dateutil, true", "Python.DateUtil, true", "urllib3, true",
            "requests, false", "aiobotocore, false", "boto3-stubs, false", "awscrt, false",
    })
    void comparesNormalizedNames(String name, boolean provided) {
        assertEquals(provided, RuntimeProvidedPackages.provides(LambdaRuntime.PYTHON_3_12, PackageName.of(name)));
    }

    @ParameterizedTest
    @EnumSource(LambdaRuntime.class)
    void theListCannotBeChanged(LambdaRuntime runtime) {
        assertFalse(RuntimeProvidedPackages.of(runtime).isEmpty());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> RuntimeProvidedPackages.of(runtime).add(PackageName.of("requests"))) != null);
    }
}
