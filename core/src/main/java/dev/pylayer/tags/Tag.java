package dev.pylayer.tags;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One wheel tag triple, {@code interpreter-abi-platform} (PEP 425), e.g. {@code cp311-cp311-manylinux_2_17_x86_64}.
 * Parts are kept lower-cased, as {@code packaging.tags.Tag} does.
 */
public record Tag(String interpreter, String abi, String platform) {
    public Tag {
        interpreter = Objects.requireNonNull(interpreter, "interpreter").toLowerCase(Locale.ROOT);
        abi = Objects.requireNonNull(abi, "abi").toLowerCase(Locale.ROOT);
        platform = Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT);
    }

    // equals and hashCode are written out: a record's own are bootstrapped through method handles on their first call,
    // which costs a cold JVM milliseconds per record type, on the build's critical path (see docs/architecture.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof Tag that && interpreter.equals(that.interpreter) && abi.equals(that.abi)
                && platform.equals(that.platform);
    }

    @Override
    public int hashCode() {
        return (31 * interpreter.hashCode() + abi.hashCode()) * 31 + platform.hashCode();
    }

    /**
     * Expands a compressed tag set ({@code py2.py3-none-any}, {@code cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64})
     * into its triples, in the order written ({@code packaging.tags.parse_tag}).
     *
     * @throws IllegalArgumentException when the text is not three {@code -}-separated non-empty parts
     */
    public static Set<Tag> parseCompressed(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not a wheel tag: `" + text + "`");
        }
        Set<Tag> tags = new LinkedHashSet<>();
        for (String interpreter : parts[0].split("\\.", -1)) {
            for (String abi : parts[1].split("\\.", -1)) {
                for (String platform : parts[2].split("\\.", -1)) {
                    if (interpreter.isEmpty() || abi.isEmpty() || platform.isEmpty()) {
                        throw new IllegalArgumentException("not a wheel tag: `" + text + "`");
                    }
                    tags.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return tags;
    }

    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }
}
