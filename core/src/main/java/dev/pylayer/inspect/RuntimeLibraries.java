package dev.pylayer.inspect;

import dev.pylayer.elf.SymbolVersion;
import dev.pylayer.runtime.OperatingSystem;
import java.util.Set;

/**
 * What the Lambda Python images provide to shared objects besides glibc: the system {@code libstdc++.so.6} (whose
 * {@code GLIBCXX_*} and {@code CXXABI_*} versions a C++ extension may need) and the libraries every image has.
 *
 * <p>The libstdc++ versions are those the images shipped with: Amazon Linux 2 has GCC 7's libstdc++
 * ({@code GLIBCXX_3.4.24}, {@code CXXABI_1.3.11}, as recorded by mayeut/pep600_compliance for amazonlinux-2);
 * Amazon Linux 2023 shipped GCC 11's ({@code GLIBCXX_3.4.29}, {@code CXXABI_1.3.13}). Later AL2023 updates carry
 * newer ones (up to {@code GLIBCXX_3.4.33}), but a Lambda image need not have them yet, so a need above the
 * shipped version is a warning, not an error.
 */
final class RuntimeLibraries {
    /** glibc's own libraries, the GCC runtime and zlib, which CPython itself links. */
    private static final Set<String> SYSTEM = Set.of(
            "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1", "libpthread.so.0", "libutil.so.1",
            "libresolv.so.2", "libanl.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
            "libgcc_s.so.1", "libstdc++.so.6", "libz.so.1");

    private RuntimeLibraries() {
    }

    /** The highest {@code GLIBCXX_*} of the image's {@code libstdc++.so.6}. */
    static SymbolVersion glibcxx(OperatingSystem os) {
        return new SymbolVersion(os == OperatingSystem.AMAZON_LINUX_2 ? "GLIBCXX_3.4.24" : "GLIBCXX_3.4.29", false);
    }

    /** The highest {@code CXXABI_*} of the image's {@code libstdc++.so.6}. */
    static SymbolVersion cxxabi(OperatingSystem os) {
        return new SymbolVersion(os == OperatingSystem.AMAZON_LINUX_2 ? "CXXABI_1.3.11" : "CXXABI_1.3.13", false);
    }

    /**
     * Whether every Lambda Python image has a library by this {@code DT_NEEDED} name. Deliberately short: the
     * libraries manylinux lets a wheel take from the system and that Amazon Linux's minimal images keep. Anything
     * else (OpenSSL, libffi, libpython, X11) has to come with the layer or may be missing.
     */
    static boolean provides(String library) {
        return SYSTEM.contains(library);
    }
}
