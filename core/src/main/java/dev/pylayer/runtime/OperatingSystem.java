package dev.pylayer.runtime;

import dev.pylayer.tags.GlibcVersion;

/** The Amazon Linux images Lambda's Python runtimes run on. */
public enum OperatingSystem {
    AMAZON_LINUX_2("Amazon Linux 2", new GlibcVersion(2, 26)),
    AMAZON_LINUX_2023("Amazon Linux 2023", new GlibcVersion(2, 34));

    private final String displayName;
    private final GlibcVersion glibc;

    OperatingSystem(String displayName, GlibcVersion glibc) {
        this.displayName = displayName;
        this.glibc = glibc;
    }

    public String displayName() {
        return displayName;
    }

    public GlibcVersion glibc() {
        return glibc;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
