package dev.pylayer.publish;

import java.util.List;

/** A layer name that Lambda would refuse; checked locally so no call is made with it. */
public final class InvalidLayerNameException extends PublishException {
    private final String input;

    public InvalidLayerNameException(String input, String why) {
        super("`" + input + "` is not a valid layer name: " + why,
                List.of("layer names use letters, digits, `-` and `_` (at most 140 characters), "
                        + "or are a layer ARN such as `arn:aws:lambda:us-east-1:123456789012:layer:my-layer`"));
        this.input = input;
    }

    public String input() {
        return input;
    }
}
