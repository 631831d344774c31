package dev.pylayer.api;

/** Receives {@link BuildEvent}s; must be thread-safe and quick (it is called on worker threads). */
@FunctionalInterface
public interface BuildListener {
    BuildListener NONE = event -> {
    };

    void onEvent(BuildEvent event);
}
