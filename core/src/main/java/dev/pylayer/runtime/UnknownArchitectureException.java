package dev.pylayer.runtime;

import java.util.List;

public final class UnknownArchitectureException extends TargetException {
    public UnknownArchitectureException(String input) {
        super("`" + input + "` is not a Lambda architecture", List.of("use x86_64 or arm64"));
    }
}
