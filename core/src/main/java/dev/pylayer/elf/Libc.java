package dev.pylayer.elf;

/** Which C library a file was linked against, as far as its headers tell. */
public enum Libc {
    /** GNU libc: {@code ld-linux-*} interpreter, {@code libc.so.6}, or {@code GLIBC_*} symbol versions. */
    GLIBC,
    /** musl (Alpine): {@code ld-musl-*} interpreter or {@code libc.musl-*} dependency. Lambda has no musl. */
    MUSL,
    /** No C library dependency visible: static, or a library that needs nothing. */
    NONE
}
