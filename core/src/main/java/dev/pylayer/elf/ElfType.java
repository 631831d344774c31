package dev.pylayer.elf;

/** {@code e_type}. Shared objects and position-independent executables are both {@link #SHARED_OBJECT}. */
public enum ElfType {
    NONE(0, "no file type"),
    RELOCATABLE(1, "relocatable object"),
    EXECUTABLE(2, "executable"),
    SHARED_OBJECT(3, "shared object"),
    CORE(4, "core dump"),
    OTHER(-1, "unknown type");

    private final int code;
    private final String description;

    ElfType(int code, String description) {
        this.code = code;
        this.description = description;
    }

    static ElfType of(int code) {
        for (ElfType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return OTHER;
    }

    /** "shared object", "executable", …: for messages. */
    public String description() {
        return description;
    }
}
