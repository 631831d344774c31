package dev.pylayer.index;

import dev.pylayer.PylayerException;
import java.util.List;

/**
 * What can go wrong talking to an index or with what it serves. Every URL in a message has its password
 * masked ({@link IndexUrl#mask}); credentials are never part of a message or a hint.
 */
public abstract sealed class IndexException extends PylayerException
        permits IndexUnreachableException, IndexResponseException, HashMismatchException, OfflineException,
        InvalidIndexUrlException, DistributionException {
    IndexException(String message, List<String> hints, Throwable cause) {
        super(message, hints, cause);
    }
}
