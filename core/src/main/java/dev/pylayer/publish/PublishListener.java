package dev.pylayer.publish;

/** Receives {@link PublishEvent}s; called on the publishing thread. */
@FunctionalInterface
public interface PublishListener {
    PublishListener NONE = event -> {
    };

    void onEvent(PublishEvent event);
}
