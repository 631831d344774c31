package dev.pylayer.inspect;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the ABI tag in the names of importable extension modules. CPython finds {@code import _foo} only through
 * its own suffixes ({@code .cpython-311-x86_64-linux-gnu.so}, {@code .abi3.so}, {@code .so}); a module present only
 * as {@code _foo.cpython-312-x86_64-linux-gnu.so} or {@code _foo.cp311-win_amd64.pyd} does not exist for it.
 * Layers that carry builds for several Pythons side by side are fine: a module counts as broken only when no
 * file for it has an importable suffix.
 */
final class ExtensionCheck {
    private ExtensionCheck() {
    }

    static List<Finding> run(LayerScan scan, RuntimeView view, Map<String, InstalledDistribution> owners) {
        LambdaTarget target = view.target();
        Set<String> importable = new HashSet<>();
        for (LayerEntry entry : scan.entries()) {
            if (view.placement(entry.name()).importable()) {
                ExtensionModuleName.parse(entry.fileName()).filter(name -> name.importableOn(target))
                        .ifPresent(name -> importable.add(entry.directory() + name.module()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        String suffixes = String.join(", ", ExtensionModuleName.importableSuffixes(target).stream()
                .map(suffix -> "`" + suffix + "`").toList());
        for (LayerEntry entry : scan.entries()) {
            if (!view.placement(entry.name()).importable()) {
                continue;
            }
            Optional<ExtensionModuleName> name = ExtensionModuleName.parse(entry.fileName());
            if (name.isEmpty() || name.get().importableOn(target)
                    || importable.contains(entry.directory() + name.get().module())) {
                continue;
            }
            InstalledDistribution owner = owners.get(entry.name());
            String of = owner == null ? "" : " of " + owner.displayName();
            String fix = retarget(name.get(), target) + "install the manylinux cp3" + target.runtime().pythonMinor()
                    + " wheel" + of;
            findings.add(new Finding(Severity.ERROR, FindingKind.EXTENSION_ABI, entry.name(),
                    "`" + view.display(entry.name()) + "` is built for " + name.get().builtFor() + "; "
                            + target.runtime() + " imports only " + suffixes + " files, so `" + name.get().module()
                            + "` will not import",
                    fix));
        }
        return findings;
    }

    /** "target python3.12 (`--runtime python3.12`), or " when the file names a Lambda runtime and architecture. */
    private static String retarget(ExtensionModuleName name, LambdaTarget target) {
        if (name.kind() != ExtensionModuleName.Kind.CPYTHON || !name.abiFlags().isEmpty()
                || !name.platform().endsWith("-linux-gnu")) {
            return "";
        }
        Optional<LambdaRuntime> runtime = LambdaRuntime.find("3." + name.pythonMinor().getAsInt());
        Optional<Architecture> architecture = Architecture.find(
                name.platform().substring(0, name.platform().length() - "-linux-gnu".length()));
        if (runtime.isEmpty() || architecture.isEmpty()) {
            return "";
        }
        List<String> options = new ArrayList<>();
        if (runtime.get() != target.runtime()) {
            options.add("--runtime " + runtime.get());
        }
        if (architecture.get() != target.architecture()) {
            options.add("--arch " + architecture.get());
        }
        return options.isEmpty() ? "" : "target " + new LambdaTarget(runtime.get(), architecture.get()) + " (`"
                + String.join(" ", options) + "`), or ";
    }
}
