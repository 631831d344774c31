package dev.pylayer.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Puts a layer zip into S3 for PublishLayerVersion to read: one PutObject for small files, a multipart
 * upload for big ones (as the AWS CLI does above its multipart threshold), aborted if a part fails so no
 * orphaned parts keep costing storage. Parts are sent one after another: a layer is at most 250 MB.
 */
final class S3Uploader {
    /** S3's smallest part size (every part but the last). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private final S3Client s3;
    private final AwsCalls aws;
    private final long partSize;
    private final PublishListener listener;

    S3Uploader(S3Client s3, AwsCalls aws, long partSize, PublishListener listener) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB: " + partSize);
        }
        this.s3 = s3;
        this.aws = aws;
        this.partSize = partSize;
        this.listener = listener;
    }

    void upload(Path file, long size, String bucket, String key) {
        String resource = "arn:aws:s3:::" + bucket + "/" + key;
        if (size <= partSize) {
            aws.call("s3:PutObject", resource, () -> s3.putObject(request -> request.bucket(bucket).key(key)
                    .contentType("application/zip"), RequestBody.fromFile(file)));
            listener.onEvent(new PublishEvent.UploadProgress(size, size));
            return;
        }
        String uploadId = aws.call("s3:PutObject", resource, () -> s3.createMultipartUpload(request -> request
                .bucket(bucket).key(key).contentType("application/zip").checksumAlgorithm(ChecksumAlgorithm.CRC32)))
                .uploadId();
        try {
            List<CompletedPart> parts = uploadParts(file, size, bucket, key, uploadId, resource);
            aws.call("s3:PutObject", resource, () -> s3.completeMultipartUpload(request -> request.bucket(bucket)
                    .key(key).uploadId(uploadId).multipartUpload(upload -> upload.parts(parts))));
        } catch (RuntimeException e) {
            abort(bucket, key, uploadId, resource, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(Path file, long size, String bucket, String key, String uploadId,
            String resource) {
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buffer = new byte[(int) Math.min(partSize, size)];
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int number = 1; done < size; number++) {
                int length = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, size - done));
                if (length == 0) {
                    throw new IOException("file shrank while uploading: " + file);
                }
                int partNumber = number;
                // fromBytes copies, so the buffer can be refilled for the next part.
                RequestBody body = RequestBody.fromBytes(length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
                UploadPartResponse response = aws.call("s3:PutObject", resource, () -> s3.uploadPart(request -> request
                        .bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength((long) length)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32), body));
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(response.eTag())
                        .checksumCRC32(response.checksumCRC32()).build());
                done += length;
                listener.onEvent(new PublishEvent.UploadProgress(done, size));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private void abort(String bucket, String key, String uploadId, String resource, RuntimeException cause) {
        try {
            aws.call("s3:AbortMultipartUpload", resource,
                    () -> s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)));
        } catch (RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
            listener.onEvent(new PublishEvent.Warning("could not abort the multipart upload " + uploadId + " to s3://"
                    + bucket + "/" + key + "; its parts stay billed until a lifecycle rule removes them"));
        }
    }
}
