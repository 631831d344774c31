package dev.pylayer.index;

/** A body that does not parse as the document expected; retried like a network fault, then reported. */
final class MalformedDocumentException extends RuntimeException {
    private final String what;

    MalformedDocumentException(String what, String detail, Throwable cause) {
        super(detail, cause);
        this.what = what;
    }

    /** What was expected, e.g. {@code PyPI JSON API document}. */
    String what() {
        return what;
    }
}
