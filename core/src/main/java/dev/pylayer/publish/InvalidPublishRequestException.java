package dev.pylayer.publish;

import java.util.List;

/** A publish or prune request that breaks one of Lambda's fixed limits (counts and lengths). */
public final class InvalidPublishRequestException extends PublishException {
    public InvalidPublishRequestException(String message, String hint) {
        super(message, List.of(hint));
    }
}
