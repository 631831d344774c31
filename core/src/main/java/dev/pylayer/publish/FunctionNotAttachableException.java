package dev.pylayer.publish;

import java.util.List;

/** A function that cannot take layers: container-image functions carry their dependencies in the image. */
public final class FunctionNotAttachableException extends PublishException {
    public FunctionNotAttachableException(String function, String why) {
        super("cannot attach a layer to function `" + function + "`: " + why,
                List.of("add the dependencies to the function's container image instead"));
    }
}
