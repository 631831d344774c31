package dev.pylayer.publish;

import dev.pylayer.runtime.LambdaLimits;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a Lambda layer, or its ARN, validated as the Lambda API's LayerName parameter is:
 * {@code (arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+}, 1–140
 * characters. Checked locally so that a typo fails before any upload.
 */
public final class LayerName {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]+");
    private static final Pattern ARN =
            Pattern.compile("arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:([a-zA-Z0-9-_]+)");

    private final String value;
    private final String shortName;

    private LayerName(String value, String shortName) {
        this.value = value;
        this.shortName = shortName;
    }

    /** Parses a layer name or layer ARN (without a version); throws {@link InvalidLayerNameException}. */
    public static LayerName parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        if (value.isEmpty()) {
            throw new InvalidLayerNameException(text, "it is empty");
        }
        if (value.length() > LambdaLimits.MAX_LAYER_NAME_LENGTH) {
            throw new InvalidLayerNameException(text, "it has " + value.length() + " characters, at most "
                    + LambdaLimits.MAX_LAYER_NAME_LENGTH + " are allowed");
        }
        if (NAME.matcher(value).matches()) {
            return new LayerName(value, value);
        }
        Matcher arn = ARN.matcher(value);
        if (arn.matches()) {
            return new LayerName(value, arn.group(1));
        }
        if (value.startsWith("arn:") && value.matches(".*:layer:[a-zA-Z0-9-_]+:\\d+")) {
            throw new InvalidLayerNameException(text, "that is a layer version ARN; name the layer without `:VERSION`");
        }
        throw new InvalidLayerNameException(text, "only letters, digits, `-` and `_` are allowed");
    }

    /** What to send as the API's LayerName: the name or the ARN, as given. */
    public String value() {
        return value;
    }

    /** The bare name ({@code my-layer}), also for an ARN. */
    public String shortName() {
        return shortName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayerName that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
