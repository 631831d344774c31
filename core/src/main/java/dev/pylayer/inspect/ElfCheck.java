package dev.pylayer.inspect;

import dev.pylayer.elf.ElfClass;
import dev.pylayer.elf.ElfFile;
import dev.pylayer.elf.ElfMachine;
import dev.pylayer.elf.ElfType;
import dev.pylayer.elf.Libc;
import dev.pylayer.elf.SymbolVersion;
import dev.pylayer.inspect.RuntimeView.Placement;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.runtime.OperatingSystem;
import dev.pylayer.tags.GlibcVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every ELF file the target would load against its machine and image, as the dynamic loader will: the
 * instruction set, the C library (glibc, never musl), the highest {@code GLIBC_*} version needed (glibc refuses
 * a library needing a newer one: "version `GLIBC_2.28' not found"), the system libstdc++'s versions, and
 * {@code DT_NEEDED} libraries that nobody provides. A shared object that fails is an error (its import fails); a
 * program that fails is a warning (only running it fails).
 */
final class ElfCheck {
    private final LayerScan scan;
    private final RuntimeView view;
    private final Map<String, InstalledDistribution> owners;
    private final List<Finding> findings = new ArrayList<>();
    private final List<ElfSummary> summaries = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> available = new HashSet<>();

    ElfCheck(LayerScan scan, RuntimeView view, Map<String, InstalledDistribution> owners) {
        this.scan = scan;
        this.view = view;
        this.owners = owners;
        for (LayerEntry entry : scan.entries()) {
            available.add(entry.fileName());
            entry.elfFile().flatMap(ElfFile::soname).ifPresent(available::add);
        }
    }

    List<Finding> findings() {
        return findings;
    }

    List<ElfSummary> summaries() {
        return summaries;
    }

    /** Entries with an error finding: a distribution whose files all pass may be tagged too strictly. */
    Set<String> failed() {
        return failed;
    }

    ElfCheck run() {
        for (LayerEntry entry : scan.entries()) {
            Placement placement = view.placement(entry.name());
            boolean inUse = placement != Placement.OTHER_PYTHON_VERSION && placement != Placement.VERSION_FOLDER;
            Optional<ExtensionModuleName> extension = ExtensionModuleName.parse(entry.fileName());
            Optional<String> owner = Optional.ofNullable(owners.get(entry.name())).map(InstalledDistribution::displayName);
            if (entry.format() == BinaryFormat.ELF && entry.readError() == null) {
                summaries.add(new ElfSummary(entry.name(), entry.elfFile(),
                        Optional.ofNullable(entry.elfError()).map(Throwable::getMessage), extension, owner));
                if (!inUse) {
                    continue;
                }
                if (entry.elfError() != null) {
                    boolean library = extension.isPresent() || entry.fileName().contains(".so");
                    add(library ? Severity.ERROR : Severity.WARNING, FindingKind.ELF_UNREADABLE, entry,
                            "`" + view.display(entry.name()) + "` cannot be read: " + entry.elfError().getMessage(),
                            reinstall(entry));
                } else {
                    check(entry, entry.elf());
                }
            } else if ((entry.format() == BinaryFormat.MACH_O || entry.format() == BinaryFormat.PE) && inUse
                    && (entry.fileName().endsWith(".so") || entry.fileName().contains(".so."))) {
                add(Severity.ERROR, FindingKind.FOREIGN_BINARY, entry, "`" + view.display(entry.name()) + "` is a "
                        + entry.format().description() + " binary, not a Linux (ELF) shared object",
                        "build the layer from manylinux wheels, not from a macOS or Windows installation");
            }
        }
        return this;
    }

    private void check(LayerEntry entry, ElfFile elf) {
        if (elf.type() != ElfType.SHARED_OBJECT && elf.type() != ElfType.EXECUTABLE) {
            return; // object files and core dumps are never loaded
        }
        LambdaTarget target = view.target();
        String name = "`" + view.display(entry.name()) + "`";
        Severity severity = elf.isExecutable() ? Severity.WARNING : Severity.ERROR;
        String fails = elf.isExecutable() ? "will not run" : "will not load";
        ElfMachine expected = target.architecture() == Architecture.ARM64 ? ElfMachine.AARCH64 : ElfMachine.X86_64;
        if (elf.machine() != expected || elf.elfClass() != ElfClass.ELF64) {
            String machine = elf.machine() == ElfMachine.OTHER ? "machine " + elf.machineCode() : elf.machine().displayName();
            add(severity, FindingKind.ELF_MACHINE, entry, name + " is built for " + machine
                            + (elf.elfClass() == ElfClass.ELF32 ? " (32-bit)" : "") + "; " + target + " runs "
                            + expected.displayName() + ", so it " + fails,
                    machineFix(entry, elf));
            return;
        }
        if (elf.libc() == Libc.MUSL) {
            add(severity, FindingKind.ELF_MUSL, entry, name + " is linked against musl libc (Alpine Linux); "
                    + "Lambda's Amazon Linux has only glibc, so it " + fails,
                    "install the manylinux wheel" + of(entry) + " instead of the musllinux one");
            return;
        }
        Optional<GlibcVersion> glibc = elf.maxGlibc();
        if (glibc.isPresent() && !glibc.get().isAtMost(target.runtime().glibc())) {
            List<LambdaRuntime> would = Alternatives.runtimes(os -> glibc.get().isAtMost(os.glibc()));
            String also = Alternatives.phrase(would);
            add(severity, FindingKind.ELF_GLIBC, entry, name + " needs GLIBC_" + glibc.get() + ", "
                            + target.runtime() + " has glibc " + target.runtime().glibc() + (also.isEmpty() ? "" : "; " + also),
                    (would.isEmpty() ? "" : "build the layer for " + would.get(0) + " (`pylayer build --runtime "
                            + would.get(0) + "`), or ")
                            + "use a release of " + project(entry) + " with manylinux_2_" + target.runtime().glibc().minor()
                            + " (or older) wheels for " + target.architecture().machine());
        }
        checkLibstdcxx(entry, elf, name);
        List<String> missing = elf.needed().stream()
                .filter(library -> !RuntimeLibraries.provides(library) && !available.contains(library))
                .toList();
        if (!missing.isEmpty()) {
            add(Severity.WARNING, FindingKind.ELF_MISSING_LIBRARY, entry, name + " needs "
                            + String.join(", ", missing.stream().map(library -> "`" + library + "`").toList())
                            + ", which " + (missing.size() == 1 ? "is" : "are")
                            + " neither in the layer nor a library every Lambda image has",
                    "add the library to the layer's lib/ folder, or install a wheel that bundles it "
                            + "(auditwheel-repaired manylinux wheels do)");
        }
    }

    /** GLIBCXX and CXXABI versions from the system libstdc++ (a bundled, renamed copy brings its own). */
    private void checkLibstdcxx(LayerEntry entry, ElfFile elf, String name) {
        OperatingSystem os = view.target().runtime().operatingSystem();
        List<String> above = new ArrayList<>();
        List<LambdaRuntime> would = new ArrayList<>(List.of(LambdaRuntime.values()));
        for (SymbolVersion shipped : List.of(RuntimeLibraries.glibcxx(os), RuntimeLibraries.cxxabi(os))) {
            Optional<SymbolVersion> needed = elf.versionNeeds().stream()
                    .filter(need -> need.library().equals("libstdc++.so.6"))
                    .flatMap(need -> need.versions().stream())
                    .filter(v -> !v.weak() && v.isNumbered() && v.family().equals(shipped.family()))
                    .max(SymbolVersion::compareTo);
            if (needed.isPresent() && needed.get().compareTo(shipped) > 0) {
                above.add(needed.get().name() + " (the image has " + shipped.name() + ")");
                boolean glibcxx = shipped.family().equals("GLIBCXX");
                would.retainAll(Alternatives.runtimes(other -> needed.get().compareTo(
                        glibcxx ? RuntimeLibraries.glibcxx(other) : RuntimeLibraries.cxxabi(other)) <= 0));
            }
        }
        if (!above.isEmpty()) {
            String also = Alternatives.phrase(would);
            add(Severity.WARNING, FindingKind.ELF_LIBSTDCXX, entry, name + " needs " + String.join(" and ", above)
                            + " from the system libstdc++.so.6 of " + os.displayName() + (also.isEmpty() ? "" : "; " + also),
                    "if importing it fails with \"version `GLIBCXX_…' not found\", build the layer for a newer runtime "
                            + "or use a release of " + project(entry) + " built with an older compiler");
        }
    }

    private String machineFix(LayerEntry entry, ElfFile elf) {
        Optional<Architecture> other = elf.machine().wheelMachine().flatMap(Architecture::find);
        String wanted = view.target().architecture().machine();
        if (other.isPresent() && elf.elfClass() == ElfClass.ELF64) {
            return "if the function runs on " + other.get() + ", build for it (`--arch " + other.get()
                    + "`); otherwise install the " + wanted + " wheel" + of(entry);
        }
        return "install the manylinux " + wanted + " wheel" + of(entry);
    }

    private String reinstall(LayerEntry entry) {
        return "rebuild the layer; if it persists, the wheel" + of(entry) + " is damaged";
    }

    /** "numpy", or "the package that ships it" when no RECORD lists the file. */
    private String project(LayerEntry entry) {
        InstalledDistribution owner = owners.get(entry.name());
        return owner == null ? "the package that ships it" : owner.name();
    }

    /** " of numpy 2.3.5", or "" when no RECORD lists the file. */
    private String of(LayerEntry entry) {
        InstalledDistribution owner = owners.get(entry.name());
        return owner == null ? "" : " of " + owner.displayName();
    }

    private void add(Severity severity, FindingKind kind, LayerEntry entry, String message, String fix) {
        findings.add(new Finding(severity, kind, entry.name(), message, fix));
        if (severity == Severity.ERROR) {
            failed.add(entry.name());
        }
    }
}
