package dev.pylayer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.runtime.LambdaRuntime;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small values of publishing: layer names, permissions, request limits, size limits, error actions. */
class PublishValuesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "deps, deps",
            "my_layer-2, my_layer-2",
            "'  padded  ', padded",
            "arn:aws:lambda:us-east-1:123456789012:layer:deps, deps",
            "arn:aws-cn:lambda:cn-north-1:123456789012:layer:my_layer, my_layer",
    })
    void acceptsLayerNamesAndArnsAsLambdaDoes(String input, String shortName) {
        assertEquals(shortName, LayerName.parse(input).shortName());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({
            "'', empty",
            "my.layer, only letters",
            "my layer, only letters",
            "deps/1, only letters",
            "arn:aws:lambda:us-east-1:123456789012:layer:deps:3, version ARN",
            "arn:aws:lambda:us-east-1:1234:layer:deps, only letters",
    })
    void refusesLayerNamesLambdaWouldRefuse(String input, String why) {
        InvalidLayerNameException error = assertThrows(InvalidLayerNameException.class, () -> LayerName.parse(input));
        assertTrue(error.getMessage().startsWith("`" + input + "`"), error.getMessage());
        assertTrue(error.getMessage().contains(why), error.getMessage());
        assertFalse(error.hints().isEmpty());
    }

    @Test
    void layerNamesHaveAtMost140Characters() {
        assertEquals(140, LayerName.parse("a".repeat(140)).value().length());
        assertThrows(InvalidLayerNameException.class, () -> LayerName.parse("a".repeat(141)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "account=123456789012, ACCOUNT, 123456789012, , pylayer-account-123456789012",
            "ACCOUNT = 123456789012, ACCOUNT, 123456789012, , pylayer-account-123456789012",
            "org=o-abcdefghij, ORGANIZATION, *, o-abcdefghij, pylayer-org-o-abcdefghij",
            "public, PUBLIC, *, , pylayer-public",
    })
    void parsesPermissionsIntoAddLayerVersionPermissionFields(String input, LayerPermission.Kind kind, String principal,
            String organization, String statementId) {
        LayerPermission permission = LayerPermission.parse(input);
        assertEquals(kind, permission.kind());
        assertEquals(principal, permission.principal());
        assertEquals(organization, permission.organizationId());
        assertEquals(statementId, permission.statementId());
        assertEquals(permission, LayerPermission.parse(permission.toString()));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"account=1234", "account=12345678901a", "org=abcdefghij", "org=o-ABC", "everyone", "user=123456789012"})
    void refusesMalformedPermissions(String input) {
        assertThrows(InvalidPermissionException.class, () -> LayerPermission.parse(input));
    }

    private static PublishRequest.Builder request() {
        return PublishRequest.builder(Path.of("layer.zip"), LayerName.parse("deps"));
    }

    @Test
    void requestsKeepToLambdasListAndLengthLimits() {
        request().description("d".repeat(256)).licenseInfo("l".repeat(512))
                .runtimes(Collections.nCopies(15, LambdaRuntime.PYTHON_3_12))
                .architectures(List.of(Architecture.X86_64, Architecture.ARM64)).build();
        assertThrows(InvalidPublishRequestException.class, () -> request().description("d".repeat(257)).build());
        assertThrows(InvalidPublishRequestException.class, () -> request().licenseInfo("l".repeat(513)).build());
        assertThrows(InvalidPublishRequestException.class,
                () -> request().runtimes(Collections.nCopies(16, LambdaRuntime.PYTHON_3_12)).build());
        assertThrows(InvalidPublishRequestException.class, () -> request()
                .architectures(List.of(Architecture.X86_64, Architecture.ARM64, Architecture.X86_64)).build());
    }

    @Test
    void anS3KeyNeedsABucket() {
        InvalidPublishRequestException error = assertThrows(InvalidPublishRequestException.class,
                () -> request().s3(null, "k.zip").build());
        assertEquals(List.of("add --s3-bucket BUCKET"), error.hints());
        assertNull(request().build().s3Bucket());
    }

    @ParameterizedTest(name = "{0} bytes direct: {1}")
    @CsvSource({
            "1, true",
            "52420000, true",
            // 50 MiB itself is over: base64 makes 69905068 bytes, and the request must stay under 69905067.
            "52428800, false",
            "52428801, false",
    })
    void directUploadFitsWhenTheBase64RequestStaysUnderLambdasLimit(long bytes, boolean fits) {
        assertEquals(fits, LambdaLimits.fitsDirectUpload(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "User: arn:aws:iam::1:user/ci is not authorized to perform: lambda:GetLayerVersion on resource: x | lambda:GetFunction | lambda:GetLayerVersion",
            "User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: s3:PutObject because … | s3:PutObject | s3:PutObject",
            "Access Denied | s3:PutObject | s3:PutObject",
            " | lambda:ListLayerVersions | lambda:ListLayerVersions",
    })
    void deniedActionComesFromAwsMessageElseFromTheCall(String message, String called, String expected) {
        assertEquals(expected, AwsCalls.deniedAction(message, called));
    }
}
