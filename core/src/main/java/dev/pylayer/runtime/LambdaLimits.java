package dev.pylayer.runtime;

/**
 * Lambda's fixed quotas, stated once for every package that checks them before calling AWS (so that a doomed
 * build, upload or update fails at once with a clear message). From the "Lambda quotas" page of the AWS Lambda
 * developer guide (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), where "MB" means MiB
 * ("the Lambda documentation ... use[s] the abbreviation MB (rather than MiB) to refer to 1024 KB"), and from the
 * PublishLayerVersion / AddLayerVersionPermission API references. Render sizes with {@link ByteSize}.
 */
public final class LambdaLimits {
    /**
     * "250 MB (unzipped, including layers)": the function's code and all its layers, unzipped. Lambda's error says
     * "Unzipped size must be smaller than 262144000 bytes" for a layer and "Layers consume more than the available
     * size of 262144000 bytes" for a function.
     */
    public static final long MAX_UNZIPPED_BYTES = 250L * 1024 * 1024;

    /**
     * "50 MB (zipped, for direct upload)": the largest zip the Lambda API accepts in the request itself; larger
     * ones go through S3. What Lambda really checks is the request: "Request must be smaller than 69905067 bytes
     * for the PublishLayerVersion operation", which is 50 MiB after base64 (4/3). The zip travels base64-encoded
     * inside the JSON body, so the limit on the zip is 50 MiB less the rest of the body ({@link #fitsDirectUpload}).
     */
    public static final long MAX_DIRECT_UPLOAD_BYTES = 50L * 1024 * 1024;
    private static final long MAX_DIRECT_REQUEST_BYTES = 69_905_067L;
    /** Room for the rest of the JSON body: description (≤ 256), license (≤ 512) even fully \\u-escaped, lists. */
    private static final long REQUEST_OVERHEAD_BYTES = 8 * 1024;

    /** "Function layers: 5 layers". */
    public static final int MAX_LAYERS_PER_FUNCTION = 5;
    /** PublishLayerVersion: CompatibleRuntimes has at most 15 items. */
    public static final int MAX_COMPATIBLE_RUNTIMES = 15;
    /** PublishLayerVersion: CompatibleArchitectures has at most 2 items ({@code x86_64}, {@code arm64}). */
    public static final int MAX_COMPATIBLE_ARCHITECTURES = 2;
    /** PublishLayerVersion: Description length 0–256. */
    public static final int MAX_DESCRIPTION_LENGTH = 256;
    /** PublishLayerVersion: LicenseInfo length at most 512. */
    public static final int MAX_LICENSE_INFO_LENGTH = 512;
    /** LayerName: 1–140 characters. */
    public static final int MAX_LAYER_NAME_LENGTH = 140;

    private LambdaLimits() {
    }

    /** Whether a zip of this size fits base64-encoded inside a PublishLayerVersion request. */
    public static boolean fitsDirectUpload(long zipBytes) {
        long encoded = 4 * ((zipBytes + 2) / 3);
        return zipBytes <= MAX_DIRECT_UPLOAD_BYTES && encoded + REQUEST_OVERHEAD_BYTES < MAX_DIRECT_REQUEST_BYTES;
    }
}
