package dev.pylayer.wheel;

/**
 * Receives the inflated bytes of one entry as they stream past a check (see
 * {@link WheelArchive#openRawChecked(WheelEntry, ContentSink)}), so that another reader of the same bytes (the
 * layer inspection) needs no second inflate. Called on the thread reading the entry.
 */
public interface ContentSink {
    /** Does nothing. */
    ContentSink NONE = new ContentSink() {
        @Override
        public void update(byte[] buffer, int offset, int length) {
        }

        @Override
        public void finish() {
        }
    };

    void update(byte[] buffer, int offset, int length);

    /**
     * The entry's SHA-256, when the check computed one to compare with RECORD (which gives sha256 for nearly every
     * file): called once the content matched, before {@link #finish}, so that the sink need not hash it again.
     */
    default void sha256(byte[] digest) {
    }

    /** All bytes have been seen and they passed the entry's checks. */
    void finish();
}
