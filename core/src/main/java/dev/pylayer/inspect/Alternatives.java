package dev.pylayer.inspect;

import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.OperatingSystem;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** "python3.12 and later would work": the runtimes where a failing requirement would be met. */
final class Alternatives {
    private Alternatives() {
    }

    /** The runtimes whose image satisfies the predicate, in table order. */
    static List<LambdaRuntime> runtimes(Predicate<OperatingSystem> satisfied) {
        return Arrays.stream(LambdaRuntime.values()).filter(runtime -> satisfied.test(runtime.operatingSystem())).toList();
    }

    /** "python3.12 would work", "python3.12 and later would work", or "" when none would. */
    static String phrase(List<LambdaRuntime> runtimes) {
        if (runtimes.isEmpty()) {
            return "";
        }
        LambdaRuntime[] all = LambdaRuntime.values();
        boolean tail = runtimes.get(runtimes.size() - 1) == all[all.length - 1]
                && runtimes.size() == all.length - runtimes.get(0).ordinal();
        if (runtimes.size() == 1) {
            return runtimes.get(0).identifier() + " would work";
        }
        if (tail) {
            return runtimes.get(0).identifier() + " and later would work";
        }
        return String.join(", ", runtimes.stream().map(LambdaRuntime::identifier).toList()) + " would work";
    }
}
