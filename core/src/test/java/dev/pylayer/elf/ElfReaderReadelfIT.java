package dev.pylayer.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pylayer.testdata.elf.ElfBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks {@link ElfReader} against binutils' {@code readelf -h -l -d -V} (class, byte order, type, machine,
 * interpreter, needed libraries, soname, run paths, version needs with their weak flags) on generated files and on every ELF file
 * inside a set of real wheels (numpy, pandas, lxml, pydantic-core, cryptography, scipy, pillow, grpcio, orjson from
 * /opt/pypi/files or {@code PYLAYER_WHEEL_DIR}); {@code -Dpylayer.readelf.all=true} checks every wheel there.
 * Skipped when readelf or the wheels are absent. Each real file is also streamed through {@link StreamedElf} as a
 * build inflates it (the first 4 MiB kept): its reading must be the same, and a second, whole reading rare.
 */
class ElfReaderReadelfIT {
    private static final List<String> WHEEL_PREFIXES = List.of("numpy-2.3.5-", "numpy-1.26.4-", "pandas-3.0.6-",
            "lxml-6.1.3-", "pydantic_core-2.49.0-", "cryptography-50.0.2-", "scipy-1.17.1-", "pillow-12.3.0-",
            "grpcio-1.84.0-", "orjson-3.12.0-");
    private static final Map<String, ElfMachine> MACHINES = Map.of(
            "Advanced Micro Devices X86-64", ElfMachine.X86_64, "AArch64", ElfMachine.AARCH64,
            "Intel 80386", ElfMachine.I386, "PowerPC", ElfMachine.PPC, "IBM S/390", ElfMachine.S390);
    private static final Pattern VERNEED_FILE = Pattern.compile("^\\s*0x?[0-9a-f]+:\\s+Version: \\d+\\s+File: (\\S+)\\s+Cnt: \\d+");
    private static final Pattern VERNAUX = Pattern.compile("^\\s*0x[0-9a-f]+:\\s+Name: (\\S+)\\s+Flags: (\\S+)");
    private static final Pattern BRACKETED = Pattern.compile("\\[(.*)]");

    @TempDir
    Path dir;

    /** What readelf says, in the reader's terms. */
    private record Reading(ElfClass elfClass, String data, String type, ElfMachine machine, List<String> needed,
            String soname, List<String> runPaths, String interpreter, List<VersionNeed> versionNeeds) {
    }

    @Test
    void agreesWithReadelfOnGeneratedFiles() throws IOException {
        assumeReadelf();
        List<byte[]> files = List.of(
                ElfBuilder.x86_64().needed("libstdc++.so.6", "libc.so.6").soname("libdemo.so.1")
                        .versionNeed("libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.29", "CXXABI_1.3.13")
                        .versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_2.28").weakVersionNeed("libc.so.6", "GLIBC_2.34")
                        .toBytes(),
                ElfBuilder.aarch64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17").toBytes(),
                ElfBuilder.sharedObject(ElfBuilder.EM_386).elf32().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.4").toBytes(),
                ElfBuilder.sharedObject(20).elf32().bigEndian().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.4").toBytes(),
                ElfBuilder.sharedObject(ElfBuilder.EM_S390).bigEndian().needed("libm.so.6").soname("libbe.so").toBytes(),
                ElfBuilder.aarch64().pie().interpreter("/lib/ld-musl-aarch64.so.1").needed("libc.musl-aarch64.so.1").toBytes());
        int index = 0;
        for (byte[] bytes : files) {
            Path file = Files.write(dir.resolve("generated-" + index++ + ".so"), bytes);
            compare(file, ElfReader.read(bytes));
        }
    }

    @Test
    void agreesWithReadelfOnRealWheels() throws IOException {
        assumeReadelf();
        String configured = System.getenv("PYLAYER_WHEEL_DIR");
        Path wheels = Path.of(configured == null || configured.isBlank() ? "/opt/pypi/files" : configured);
        assumeTrue(Files.isDirectory(wheels), "skipped: no wheel folder " + wheels + " (set PYLAYER_WHEEL_DIR)");
        boolean all = Boolean.getBoolean("pylayer.readelf.all");
        List<Path> chosen;
        try (Stream<Path> listing = Files.list(wheels)) {
            chosen = listing.filter(path -> path.getFileName().toString().endsWith(".whl"))
                    .filter(path -> all || WHEEL_PREFIXES.stream().anyMatch(path.getFileName().toString()::startsWith))
                    .sorted().toList();
        }
        assumeTrue(!chosen.isEmpty(), "skipped: none of the real wheels are in " + wheels);
        int checked = 0;
        int readAgain = 0;
        byte[] streamedHead = new byte[4 << 20];
        for (Path wheel : chosen) {
            try (ZipFile zip = new ZipFile(wheel.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    byte[] head;
                    try (InputStream in = zip.getInputStream(entry)) {
                        head = in.readNBytes(4);
                    }
                    if (!ElfReader.hasElfMagic(head)) {
                        continue;
                    }
                    Path file = dir.resolve("real.so");
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    ElfFile elf = ElfReader.read(file);
                    compare(file, elf, wheel.getFileName() + "!" + entry.getName());
                    checked++;
                    StreamedElf streamed = new StreamedElf(streamedHead);
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            streamed.write(buffer, 0, n);
                        }
                    }
                    java.util.Optional<ElfFile> fromKeptParts = streamed.read();
                    if (fromKeptParts.isPresent()) {
                        assertEquals(elf, fromKeptParts.get(), wheel.getFileName() + "!" + entry.getName() + " streamed");
                    } else {
                        readAgain++;
                    }
                }
            }
        }
        System.out.println("ElfReaderReadelfIT: " + checked + " ELF files in " + chosen.size()
                + " wheels agree with readelf; streamed, " + readAgain + " of them needed a second, whole reading");
        assertTrue(checked > 0);
        assertTrue(readAgain * 100 <= checked, readAgain + " of " + checked + " streamed files needed a whole reading");
    }

    private void compare(Path file, ElfFile elf) throws IOException {
        compare(file, elf, file.getFileName().toString());
    }

    private void compare(Path file, ElfFile elf, String what) throws IOException {
        Reading readelf = readelf(file);
        assertEquals(readelf.elfClass(), elf.elfClass(), what);
        assertEquals(readelf.data(), elf.byteOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "little" : "big", what);
        assertEquals(readelf.type(), switch (elf.type()) {
            case SHARED_OBJECT -> "DYN";
            case EXECUTABLE -> "EXEC";
            case RELOCATABLE -> "REL";
            default -> elf.type().name();
        }, what);
        if (readelf.machine() != null) {
            assertEquals(readelf.machine(), elf.machine(), what);
        }
        assertEquals(readelf.needed(), elf.needed(), what);
        assertEquals(readelf.soname(), elf.soname().orElse(null), what);
        assertEquals(readelf.runPaths(), elf.runPaths(), what);
        assertEquals(readelf.interpreter(), elf.interpreter().orElse(null), what);
        assertEquals(readelf.versionNeeds(), elf.versionNeeds(), what);
    }

    private static Reading readelf(Path file) throws IOException {
        List<String> lines = run("readelf", "-h", "-l", "-d", "-V", "-W", file.toString());
        ElfClass elfClass = null;
        String data = null;
        String type = null;
        ElfMachine machine = null;
        List<String> needed = new ArrayList<>();
        String soname = null;
        List<String> runPaths = new ArrayList<>();
        String interpreter = null;
        List<VersionNeed> needs = new ArrayList<>();
        boolean inVersionNeeds = false;
        String library = null;
        List<SymbolVersion> versions = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Class:")) {
                elfClass = ElfClass.valueOf(trimmed.substring(6).strip());
            } else if (trimmed.startsWith("Data:")) {
                data = trimmed.contains("little endian") ? "little" : "big";
            } else if (trimmed.startsWith("Type:")) {
                type = trimmed.substring(5).strip().split(" ")[0];
            } else if (trimmed.startsWith("Machine:")) {
                machine = MACHINES.get(trimmed.substring(8).strip());
            } else if (trimmed.contains("(NEEDED)")) {
                needed.add(bracketed(trimmed));
            } else if (trimmed.contains("(SONAME)")) {
                soname = bracketed(trimmed);
            } else if (trimmed.contains("(RPATH)") || trimmed.contains("(RUNPATH)")) {
                Stream.of(bracketed(trimmed).split(":")).filter(path -> !path.isEmpty()).forEach(runPaths::add);
            } else if (trimmed.startsWith("[Requesting program interpreter:")) {
                interpreter = trimmed.substring("[Requesting program interpreter:".length(), trimmed.length() - 1).strip();
            }
            if (line.startsWith("Version needs section")) {
                inVersionNeeds = true;
                continue;
            }
            if (inVersionNeeds) {
                Matcher need = VERNEED_FILE.matcher(line);
                Matcher aux = VERNAUX.matcher(line);
                if (need.find()) {
                    if (library != null) {
                        needs.add(new VersionNeed(library, versions));
                    }
                    library = need.group(1);
                    versions = new ArrayList<>();
                } else if (aux.find()) {
                    versions.add(new SymbolVersion(aux.group(1), aux.group(2).contains("WEAK")));
                } else if (!line.isBlank() && !line.startsWith(" ")) {
                    inVersionNeeds = false;
                }
            }
        }
        if (library != null) {
            needs.add(new VersionNeed(library, versions));
        }
        return new Reading(elfClass, data, type, machine, needed, soname, runPaths, interpreter, needs);
    }

    private static String bracketed(String line) {
        Matcher m = BRACKETED.matcher(line);
        return m.find() ? m.group(1) : "";
    }

    private static void assumeReadelf() {
        try {
            run("readelf", "--version");
        } catch (IOException e) {
            assumeTrue(false, "skipped: readelf (binutils) is not installed");
        }
    }

    private static List<String> run(String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("readelf timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
