package dev.pylayer.api;

import dev.pylayer.PylayerException;
import dev.pylayer.resolve.RootRequirement;
import dev.pylayer.runtime.LambdaTarget;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * Every requirement has an environment marker that is false on the target. pip then installs nothing and
     * succeeds; a layer without files is of no use, so the build stops and names the markers.
     */
    static NothingToBuildException noRequirementApplies(LambdaTarget target, List<RootRequirement> requirements) {
        String skipped = requirements.stream().map(r -> "`" + r.requirement() + "`").collect(Collectors.joining(", "));
        return new NothingToBuildException("nothing to build: the environment markers of " + skipped
                + (requirements.size() == 1 ? " exclude " : " all exclude ") + target.describe(),
                List.of("markers are evaluated for the target (--runtime and --arch), not for this machine",
                        "build with the --runtime and --arch the markers name, or change the markers"));
    }
}
