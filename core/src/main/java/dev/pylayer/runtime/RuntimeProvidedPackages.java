package dev.pylayer.runtime;

import dev.pylayer.name.PackageName;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The distributions a Lambda Python runtime already ships, which a layer may leave out.
 *
 * <p>Sources, the AWS Lambda Developer Guide: "Working with .zip file archives for Python Lambda functions"
 * (https://docs.aws.amazon.com/lambda/latest/dg/python-package.html, "Runtime dependencies in Python"): "the
 * Lambda Python runtime includes the AWS SDK for Python (Boto3) and its dependencies"; and "Building Lambda
 * functions with Python" (https://docs.aws.amazon.com/lambda/latest/dg/lambda-python.html, "Runtime-included SDK
 * versions"): "the version of the AWS SDK included in the Python runtime depends on the runtime version and your
 * AWS Region", with no table of versions, so none is kept here. Boto3's dependencies are the closure of its
 * {@code Requires-Dist}: botocore and s3transfer, botocore's jmespath, python-dateutil and urllib3, and
 * python-dateutil's six. A layer's {@code /opt/python} folders come before the runtime's own copies on
 * {@code sys.path}, so a copy in a layer wins and leaving one out means the runtime's copy is imported. AWS itself
 * recommends packaging the SDK with the function for full control over its version; leaving it out is a size
 * trade-off the user opts into.
 */
public final class RuntimeProvidedPackages {
    private static final Set<PackageName> AWS_SDK_FOR_PYTHON = names("boto3", "botocore", "s3transfer", "jmespath",
            "python-dateutil", "six", "urllib3");
    private static final Map<LambdaRuntime, Set<PackageName>> BY_RUNTIME = new EnumMap<>(LambdaRuntime.class);

    static {
        // The guide names the same SDK for every Python runtime; a runtime that ships more (or less) gets its own row.
        for (LambdaRuntime runtime : LambdaRuntime.values()) {
            BY_RUNTIME.put(runtime, AWS_SDK_FOR_PYTHON);
        }
    }

    private RuntimeProvidedPackages() {
    }

    /** The distributions {@code runtime} ships, sorted by normalized name. */
    public static Set<PackageName> of(LambdaRuntime runtime) {
        return BY_RUNTIME.get(Objects.requireNonNull(runtime, "runtime"));
    }

    /** Whether {@code runtime} ships the distribution {@code name}. */
    public static boolean provides(LambdaRuntime runtime, PackageName name) {
        return of(runtime).contains(name);
    }

    private static Set<PackageName> names(String... names) {
        Set<PackageName> set = new TreeSet<>();
        for (String name : names) {
            set.add(PackageName.of(name));
        }
        return Collections.unmodifiableSet(set);
    }
}
