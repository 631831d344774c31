package dev.pylayer.wheel;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Checks the inflated bytes of one entry as they stream past: never more than the declared size (a zip bomb
 * is stopped at the first byte too many, not after inflating it all), and at the end the declared size,
 * the CRC-32 and, when RECORD gives one the JDK can compute, the RECORD hash.
 */
final class EntryVerifier {
    private final String wheel;
    private final WheelEntry entry;
    private final Optional<RecordHash> recorded;
    private final MessageDigest digest;
    private final CRC32 crc = new CRC32();
    private long count;

    EntryVerifier(String wheel, WheelEntry entry, Optional<RecordHash> recorded) {
        this.wheel = wheel;
        this.entry = entry;
        this.recorded = recorded;
        this.digest = recorded.flatMap(RecordHash::newDigest).orElse(null);
    }

    void update(byte[] buffer, int offset, int length) {
        count += length;
        if (count > entry.size()) {
            throw new WheelTooLargeException(wheel, entry.name(), count, entry.size(),
                    "has an entry that inflates past its declared size; inflation was stopped");
        }
        crc.update(buffer, offset, length);
        if (digest != null) {
            digest.update(buffer, offset, length);
        }
    }

    /** Whether {@link #finish} gives the content's SHA-256 (RECORD's hash for this entry is sha256). */
    static boolean givesSha256(Optional<RecordHash> recorded) {
        return recorded.map(hash -> hash.algorithm().equalsIgnoreCase("sha256")).orElse(false);
    }

    /** Checks what streamed past; returns the content's SHA-256 when it was computed for RECORD, else null. */
    byte[] finish() {
        if (count != entry.size()) {
            throw new InvalidWheelException(wheel, entry.name(),
                    "holds " + count + " bytes but declares " + entry.size());
        }
        if (crc.getValue() != entry.crc()) {
            throw new InvalidWheelException(wheel, entry.name(), "its CRC-32 does not match the content");
        }
        if (digest == null) {
            return null;
        }
        byte[] computed = digest.digest();
        if (!recorded.get().matches(computed)) {
            throw new InvalidWheelException(wheel, entry.name(),
                    "its content does not match the " + recorded.get().algorithm() + " hash in RECORD");
        }
        return givesSha256(recorded) ? computed : null;
    }
}
