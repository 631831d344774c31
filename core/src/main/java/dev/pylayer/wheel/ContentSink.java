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

    /** All bytes have been seen and they passed the entry's checks. */
    void finish();
}
