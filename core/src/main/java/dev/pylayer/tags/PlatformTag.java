package dev.pylayer.tags;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform part of a wheel tag, parsed into what it demands of the machine: a manylinux glibc floor
 * (PEP 513/571/599/600), a musl floor (PEP 656), a plain {@code linux_*} build, macOS, Windows, or {@code any}.
 * This is the "why not" data behind messages such as "needs glibc 2.28; python3.11 has 2.26".
 */
public sealed interface PlatformTag {

    /** The tag as written, e.g. {@code manylinux2014_x86_64}. */
    String text();

    /** {@code any}: pure Python, runs everywhere. */
    record Any(String text) implements PlatformTag {
    }

    /** {@code manylinux_2_28_aarch64} or a legacy alias ({@code manylinux1}=2.5, {@code manylinux2010}=2.12, {@code manylinux2014}=2.17). */
    record Manylinux(String text, GlibcVersion glibc, String machine) implements PlatformTag {
    }

    /** {@code musllinux_1_2_x86_64}: needs musl libc, which Lambda's Amazon Linux does not have. */
    record Musllinux(String text, int major, int minor, String machine) implements PlatformTag {
    }

    /** {@code linux_x86_64}: built on some Linux without a portability promise; never accepted. */
    record PlainLinux(String text, String machine) implements PlatformTag {
    }

    /** {@code macosx_11_0_arm64}, {@code macosx_10_9_universal2}. */
    record MacOs(String text, String machine) implements PlatformTag {
    }

    /** {@code win_amd64}, {@code win32}, {@code win_arm64}. */
    record Windows(String text, String machine) implements PlatformTag {
    }

    /** Anything else (Android, iOS, FreeBSD, …). */
    record Other(String text) implements PlatformTag {
    }

    /** PEP 600's mapping of the legacy aliases to their glibc floors. */
    Map<String, GlibcVersion> LEGACY_MANYLINUX = Map.of(
            "manylinux1", new GlibcVersion(2, 5),
            "manylinux2010", new GlibcVersion(2, 12),
            "manylinux2014", new GlibcVersion(2, 17));

    /** Parses any platform tag; never throws (unknown shapes become {@link Other}). */
    static PlatformTag parse(String text) {
        String tag = text.toLowerCase(Locale.ROOT);
        if (tag.equals("any")) {
            return new Any(tag);
        }
        Matcher m = Patterns.MANYLINUX.matcher(tag);
        if (m.matches()) {
            try {
                GlibcVersion glibc = new GlibcVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Manylinux(tag, glibc, m.group(3));
            } catch (NumberFormatException e) {
                return new Other(tag);
            }
        }
        m = Patterns.LEGACY_MANYLINUX.matcher(tag);
        if (m.matches()) {
            return new Manylinux(tag, LEGACY_MANYLINUX.get(m.group(1)), m.group(2));
        }
        m = Patterns.MUSLLINUX.matcher(tag);
        if (m.matches()) {
            try {
                return new Musllinux(tag, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
            } catch (NumberFormatException e) {
                return new Other(tag);
            }
        }
        if (tag.startsWith("linux_")) {
            return new PlainLinux(tag, tag.substring("linux_".length()));
        }
        m = Patterns.MACOS.matcher(tag);
        if (m.matches()) {
            return new MacOs(tag, m.group(1));
        }
        if (tag.equals("win32")) {
            return new Windows(tag, "x86");
        }
        if (tag.startsWith("win_")) {
            return new Windows(tag, tag.substring("win_".length()));
        }
        return new Other(tag);
    }

    /** The machine architecture the tag names ({@code x86_64}, {@code aarch64}, …), if it names one. */
    default Optional<String> architecture() {
        if (this instanceof Manylinux m) {
            return Optional.of(m.machine());
        } else if (this instanceof Musllinux m) {
            return Optional.of(m.machine());
        } else if (this instanceof PlainLinux l) {
            return Optional.of(l.machine());
        } else if (this instanceof MacOs m) {
            return Optional.of(m.machine());
        } else if (this instanceof Windows w) {
            return Optional.of(w.machine());
        }
        return Optional.empty();
    }

    /** Words for messages: "Linux with glibc 2.28 or newer on aarch64", "musl libc …", "macOS", "Windows". */
    default String describe() {
        if (this instanceof Any) {
            return "any platform";
        } else if (this instanceof Manylinux m) {
            return "Linux with glibc " + m.glibc() + " or newer on " + m.machine();
        } else if (this instanceof Musllinux m) {
            return "musl libc " + m.major() + "." + m.minor() + " (Alpine-style Linux) on " + m.machine();
        } else if (this instanceof PlainLinux l) {
            return "the Linux it was built on (`linux_" + l.machine() + "`, not manylinux)";
        } else if (this instanceof MacOs) {
            return "macOS";
        } else if (this instanceof Windows) {
            return "Windows";
        }
        return "`" + text() + "`";
    }

    /** Patterns kept out of the interface's public surface. */
    final class Patterns {
        static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(.+)");
        static final Pattern LEGACY_MANYLINUX = Pattern.compile("(manylinux1|manylinux2010|manylinux2014)_(.+)");
        static final Pattern MUSLLINUX = Pattern.compile("musllinux_(\\d+)_(\\d+)_(.+)");
        static final Pattern MACOS = Pattern.compile("macosx_\\d+_\\d+_(.+)");

        private Patterns() {
        }
    }
}
