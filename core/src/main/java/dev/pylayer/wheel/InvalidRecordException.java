package dev.pylayer.wheel;

import java.util.List;

/** A RECORD file that is not the CSV the binary distribution format specifies. */
public final class InvalidRecordException extends WheelException {
    private final int line;

    /** @param line 1-based line of the RECORD file, or 0 when the problem is not one line */
    public InvalidRecordException(int line, String why) {
        super("RECORD is invalid" + (line > 0 ? " at line " + line : "") + ": " + why,
                List.of("RECORD rows are `path,algorithm=urlsafe-base64-digest,size`;"
                        + " this is a defect of the distribution, pin another version"));
        this.line = line;
    }

    /** 1-based line number, 0 when unknown. */
    public int line() {
        return line;
    }
}
