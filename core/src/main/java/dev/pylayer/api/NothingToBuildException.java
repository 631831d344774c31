package dev.pylayer.api;

import dev.pylayer.PylayerException;
import java.util.List;

/** A build was asked for without any requirement. */
public final class NothingToBuildException extends PylayerException {
    public NothingToBuildException() {
        super("nothing to build: no requirements were given",
                List.of("name packages (`pylayer build requests`) or a requirements file (`-r requirements.txt`)"));
    }
}
