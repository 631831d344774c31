package dev.pylayer.publish;

import dev.pylayer.elf.ElfMachine;
import dev.pylayer.elf.ElfReader;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a layer's compatible runtimes and architectures from its content, for when the user names none.
 * Runtimes come from the {@code python/lib/pythonX.Y/} folders Lambda puts on {@code sys.path}; failing
 * those, from version-specific extension names ({@code .cpython-312-…so}) and wheel tags ({@code cp312}).
 * Architectures come from the wheels' platform tags ({@code *.dist-info/WHEEL}) and the ELF headers of
 * shared objects.
 *
 * <p>A layer without native code runs on both architectures, and we then declare both rather than none:
 * Lambda uses the field only to filter lists ({@code ListLayers --compatible-architecture}, the console's
 * layer picker for a function), and listing both keeps the layer in the list for either architecture.
 */
final class TargetDetector {
    private static final Pattern LIB_FOLDER = Pattern.compile("^python/lib/python(3\\.\\d+)/");
    private static final Pattern EXTENSION_SUFFIX = Pattern.compile("\\.cpython-3(\\d+)[a-z]*-[^/]*\\.so$");
    private static final Pattern SHARED_OBJECT = Pattern.compile("\\.so(\\.[0-9.]+)?$");
    private static final Pattern CPYTHON_TAG = Pattern.compile("^cp3(\\d+)$");

    private final Set<String> libFolders = new TreeSet<>();
    private final Set<LambdaRuntime> folderRuntimes = EnumSet.noneOf(LambdaRuntime.class);
    private final Set<LambdaRuntime> taggedRuntimes = EnumSet.noneOf(LambdaRuntime.class);
    private final Set<Architecture> tagArchitectures = EnumSet.noneOf(Architecture.class);
    private final Set<Architecture> elfArchitectures = EnumSet.noneOf(Architecture.class);
    private final List<String> notes = new ArrayList<>();
    private int sharedObjects;

    /** Whether an entry's first bytes should be passed to {@link #sharedObject}. */
    static boolean isSharedObject(String entryName) {
        return SHARED_OBJECT.matcher(entryName).find();
    }

    /** Whether an entry is a wheel's {@code WHEEL} file to pass to {@link #wheelFile}. */
    static boolean isWheelFile(String entryName) {
        return entryName.endsWith(".dist-info/WHEEL");
    }

    void entry(String name) {
        Matcher folder = LIB_FOLDER.matcher(name);
        if (folder.find()) {
            String version = folder.group(1);
            if (libFolders.add(version)) {
                LambdaRuntime.find(version).ifPresentOrElse(folderRuntimes::add,
                        () -> notes.add("folder python/lib/python" + version + "/ is for no supported Lambda runtime"));
            }
        }
        Matcher suffix = EXTENSION_SUFFIX.matcher(name);
        if (suffix.find()) {
            LambdaRuntime.find("3." + Integer.parseInt(suffix.group(1))).ifPresent(taggedRuntimes::add);
        }
    }

    /** The text of a {@code WHEEL} file: its {@code Tag:} lines name interpreter, ABI and platform. */
    void wheelFile(String name, String text) {
        for (String line : text.split("\r?\n")) {
            if (!line.regionMatches(true, 0, "Tag:", 0, 4)) {
                continue;
            }
            String[] parts = line.substring(4).strip().split("-");
            if (parts.length != 3) {
                continue;
            }
            Matcher cpython = CPYTHON_TAG.matcher(parts[0]);
            if (cpython.matches() && !parts[1].equals("abi3") && !parts[1].equals("none")) {
                LambdaRuntime.find("3." + Integer.parseInt(cpython.group(1))).ifPresent(taggedRuntimes::add);
            }
            for (String platform : parts[2].split("\\.")) {
                String lower = platform.toLowerCase(Locale.ROOT);
                if (lower.endsWith("_x86_64")) {
                    tagArchitectures.add(Architecture.X86_64);
                } else if (lower.endsWith("_aarch64")) {
                    tagArchitectures.add(Architecture.ARM64);
                }
            }
        }
    }

    /** The first {@link ElfReader#MACHINE_HEADER_BYTES} bytes of a {@code .so} entry. */
    void sharedObject(String name, byte[] header) {
        Optional<ElfMachine> machine = ElfReader.machine(header);
        if (machine.isEmpty()) {
            return;
        }
        sharedObjects++;
        machine.flatMap(ElfMachine::wheelMachine).flatMap(Architecture::find).ifPresentOrElse(elfArchitectures::add,
                () -> notes.add("`" + name + "` is built for " + machine.get().displayName()
                        + ", which Lambda does not run"));
    }

    LayerTargets result() {
        List<LambdaRuntime> runtimes = new ArrayList<>(folderRuntimes.isEmpty() ? taggedRuntimes : folderRuntimes);
        if (!folderRuntimes.isEmpty()) {
            notes.add("runtimes from folders python/lib/python" + String.join(", python", libFolders) + "/");
        } else if (!taggedRuntimes.isEmpty()) {
            notes.add("runtimes from version-specific extension modules and wheel tags");
        }
        Set<Architecture> found = EnumSet.noneOf(Architecture.class);
        found.addAll(elfArchitectures);
        found.addAll(tagArchitectures);
        List<Architecture> architectures;
        if (found.isEmpty()) {
            architectures = List.of(Architecture.values());
            notes.add("no native code: compatible with both architectures");
        } else {
            architectures = List.copyOf(found);
            if (found.size() > 1) {
                notes.add("the layer holds native code for both x86_64 and arm64; only one of them can load");
            } else {
                notes.add("architecture from " + (elfArchitectures.isEmpty() ? "wheel platform tags"
                        : sharedObjects + " shared object(s)"));
            }
        }
        return new LayerTargets(runtimes, architectures, notes);
    }
}
