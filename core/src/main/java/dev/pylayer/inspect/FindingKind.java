package dev.pylayer.inspect;

/** What a finding is about; {@link #code()} is its stable name in JSON output. */
public enum FindingKind {
    LAYOUT_EMPTY("layout-empty"),
    LAYOUT_OUTSIDE_PYTHON("layout-outside-python"),
    LAYOUT_OTHER_PYTHON_VERSION("layout-other-python-version"),
    LAYOUT_OUTSIDE_SITE_PACKAGES("layout-outside-site-packages"),
    LAYOUT_UNSAFE_PATH("layout-unsafe-path"),
    ZIP_ENTRY_UNREADABLE("zip-entry-unreadable"),
    ELF_MACHINE("elf-machine"),
    ELF_GLIBC("elf-glibc"),
    ELF_LIBSTDCXX("elf-libstdcxx"),
    ELF_MUSL("elf-musl"),
    ELF_MISSING_LIBRARY("elf-missing-library"),
    ELF_UNREADABLE("elf-unreadable"),
    FOREIGN_BINARY("foreign-binary"),
    EXTENSION_ABI("extension-abi"),
    WHEEL_TAGS("wheel-tags"),
    WHEEL_FILE_MISSING("wheel-file-missing"),
    DIST_INFO_INVALID("dist-info-invalid"),
    RECORD_MISSING("record-missing"),
    RECORD_HASH_MISMATCH("record-hash-mismatch"),
    RECORD_FILE_MISSING("record-file-missing"),
    DUPLICATE_DISTRIBUTION("duplicate-distribution"),
    SIZE_ZIPPED("size-zipped"),
    SIZE_UNZIPPED("size-unzipped"),
    READ_BUDGET("read-budget");

    private final String code;

    FindingKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
