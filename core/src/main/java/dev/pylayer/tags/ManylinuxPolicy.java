package dev.pylayer.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which manylinux platform tags a glibc-based Linux accepts, best first: {@code packaging.tags}'
 * {@code _manylinux.platform_tags}. From the machine's glibc down to 2.17 (2.5 on x86_64 and i686, where
 * manylinux1 existed), each PEP 600 tag followed by its legacy alias where one exists
 * ({@code manylinux2014} = 2.17, {@code manylinux2010} = 2.12, {@code manylinux1} = 2.5).
 * musllinux and plain {@code linux_*} tags are deliberately absent: Lambda runs glibc, and a {@code linux_*}
 * wheel promises nothing about the system it runs on.
 */
public final class ManylinuxPolicy {
    private static final Map<GlibcVersion, String> LEGACY_ALIASES = Map.of(
            new GlibcVersion(2, 17), "manylinux2014",
            new GlibcVersion(2, 12), "manylinux2010",
            new GlibcVersion(2, 5), "manylinux1");

    private ManylinuxPolicy() {
    }

    /** The oldest glibc packaging considers for an architecture: 2.5 on x86, 2.17 elsewhere (PEP 599/600). */
    public static GlibcVersion oldestGlibc(String machine) {
        return machine.equals("x86_64") || machine.equals("i686") ? new GlibcVersion(2, 5) : new GlibcVersion(2, 17);
    }

    /** The platform tags, best first, for a glibc 2.x Linux of the given machine ({@code x86_64}, {@code aarch64}). */
    public static List<String> platforms(String machine, GlibcVersion glibc) {
        if (glibc.major() != 2) {
            throw new IllegalArgumentException("only glibc 2.x is known: " + glibc);
        }
        List<String> platforms = new ArrayList<>();
        GlibcVersion oldest = oldestGlibc(machine);
        for (int minor = glibc.minor(); minor >= oldest.minor(); minor--) {
            GlibcVersion version = new GlibcVersion(2, minor);
            platforms.add("manylinux_2_" + minor + "_" + machine);
            String alias = LEGACY_ALIASES.get(version);
            if (alias != null) {
                platforms.add(alias + "_" + machine);
            }
        }
        return List.copyOf(platforms);
    }
}
