package dev.pylayer.inspect;

import dev.pylayer.elf.ElfMachine;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Guesses the target a layer was built for when the user does not say: the Python version from the
 * {@code python/lib/pythonX.Y/} folder with the most files, else from the {@code cpython-3XY} tags of extension
 * module names; the architecture from the machines of its ELF files. What cannot be guessed is the default.
 */
final class TargetInference {
    private TargetInference() {
    }

    static InspectedTarget infer(LayerScan scan, Optional<LambdaRuntime> runtime, Optional<Architecture> architecture) {
        String runtimeBasis = InspectedTarget.GIVEN;
        LambdaRuntime chosenRuntime;
        if (runtime.isPresent()) {
            chosenRuntime = runtime.get();
        } else {
            Map.Entry<LambdaRuntime, String> inferred = inferRuntime(scan);
            chosenRuntime = inferred.getKey();
            runtimeBasis = inferred.getValue();
        }
        String architectureBasis = InspectedTarget.GIVEN;
        Architecture chosenArchitecture;
        if (architecture.isPresent()) {
            chosenArchitecture = architecture.get();
        } else {
            Map.Entry<Architecture, String> inferred = inferArchitecture(scan);
            chosenArchitecture = inferred.getKey();
            architectureBasis = inferred.getValue();
        }
        return new InspectedTarget(new LambdaTarget(chosenRuntime, chosenArchitecture), runtimeBasis, architectureBasis);
    }

    private static Map.Entry<LambdaRuntime, String> inferRuntime(LayerScan scan) {
        Map<String, Integer> folders = new TreeMap<>();
        Map<Integer, Integer> extensionMinors = new TreeMap<>();
        for (LayerEntry entry : scan.entries()) {
            RuntimeView.pythonFolder(entry.name()).ifPresent(folder -> folders.merge(folder, 1, Integer::sum));
            ExtensionModuleName.parse(entry.fileName())
                    .filter(name -> name.kind() == ExtensionModuleName.Kind.CPYTHON)
                    .ifPresent(name -> extensionMinors.merge(name.pythonMinor().getAsInt(), 1, Integer::sum));
        }
        Optional<Map.Entry<String, Integer>> folder = folders.entrySet().stream()
                .filter(e -> LambdaRuntime.find(e.getKey()).isPresent())
                .max(Map.Entry.comparingByValue());
        if (folder.isPresent()) {
            return Map.entry(LambdaRuntime.of(folder.get().getKey()),
                    "from python/lib/" + folder.get().getKey() + "/");
        }
        Optional<Map.Entry<Integer, Integer>> minor = extensionMinors.entrySet().stream()
                .filter(e -> LambdaRuntime.find("3." + e.getKey()).isPresent())
                .max(Map.Entry.comparingByValue());
        if (minor.isPresent()) {
            return Map.entry(LambdaRuntime.of("3." + minor.get().getKey()),
                    "from " + minor.get().getValue() + " cpython-3" + minor.get().getKey() + " extension module"
                            + (minor.get().getValue() == 1 ? "" : "s"));
        }
        String why = folders.isEmpty() ? "nothing in the layer names a Python version"
                : "python/lib/" + folders.keySet().iterator().next() + "/ is not a Lambda runtime";
        return Map.entry(LambdaRuntime.DEFAULT, "assumed: " + why);
    }

    private static Map.Entry<Architecture, String> inferArchitecture(LayerScan scan) {
        Map<Architecture, Integer> counts = new TreeMap<>();
        for (LayerEntry entry : scan.entries()) {
            entry.elfFile().ifPresent(elf -> {
                if (elf.machine() == ElfMachine.X86_64) {
                    counts.merge(Architecture.X86_64, 1, Integer::sum);
                } else if (elf.machine() == ElfMachine.AARCH64) {
                    counts.merge(Architecture.ARM64, 1, Integer::sum);
                }
            });
        }
        Optional<Map.Entry<Architecture, Integer>> most = counts.entrySet().stream()
                .max(Map.Entry.<Architecture, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
        if (most.isEmpty()) {
            return Map.entry(Architecture.DEFAULT, "assumed: no x86-64 or AArch64 ELF files in the layer");
        }
        String machine = most.get().getKey() == Architecture.X86_64 ? "x86-64" : "AArch64";
        int count = most.get().getValue();
        return Map.entry(most.get().getKey(), "from " + count + " " + machine + " ELF file" + (count == 1 ? "" : "s"));
    }
}
