package dev.pylayer.runtime;

import java.util.List;

public final class UnknownRuntimeException extends TargetException {
    public UnknownRuntimeException(String input, String supported) {
        super("`" + input + "` is not a Lambda Python runtime", List.of("use one of: " + supported));
    }
}
