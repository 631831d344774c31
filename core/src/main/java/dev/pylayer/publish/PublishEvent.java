package dev.pylayer.publish;

/**
 * What publishing reports while it runs, for a progress display; the results carry everything that matters
 * afterwards. Delivered to the {@link PublishListener} given to {@link LayerPublisher.Builder#listener}.
 */
public sealed interface PublishEvent {

    /** Bytes of the zip sent to S3 so far. */
    record UploadProgress(long doneBytes, long totalBytes) implements PublishEvent {
    }

    /** Waiting for a function's update to finish (LastUpdateStatus InProgress). */
    record WaitingForFunction(String function) implements PublishEvent {
    }

    /** Something the user should know that does not stop the work. */
    record Warning(String message) implements PublishEvent {
    }

    /** Detail for {@code --verbose}. */
    record Detail(String message) implements PublishEvent {
    }
}
