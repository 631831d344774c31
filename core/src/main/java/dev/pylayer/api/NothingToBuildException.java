package dev.pylayer.api;

import dev.pylayer.PylayerException;
import java.util.List;

/** A build was asked for without any requirement, or with only what the size options then left out. */
public final class NothingToBuildException extends PylayerException {
    public NothingToBuildException() {
        super("nothing to build: no requirements were given",
                List.of("name packages (`pylayer build requests`) or a requirements file (`-r requirements.txt`)"));
    }

    private NothingToBuildException(String message, List<String> hints) {
        super(message, hints);
    }

    /** Every distribution resolved is one the runtime ships, and --exclude-runtime-provided left them all out. */
    static NothingToBuildException allProvidedByRuntime(String runtime, String names) {
        return new NothingToBuildException("nothing to build: the " + runtime + " runtime already ships everything"
                + " the requirements resolve to (`" + names + "`), and --exclude-runtime-provided leaves it out",
                List.of("the function can import the runtime's copies without a layer",
                        "to ship your own (newer) copies, build without --exclude-runtime-provided, or pin them"
                                + " (`boto3==X.Y.Z`) to keep them in the layer"));
    }
}
