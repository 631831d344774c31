package dev.pylayer.publish;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import java.util.List;

/**
 * The runtimes and architectures a layer declares as compatible (PublishLayerVersion's CompatibleRuntimes
 * and CompatibleArchitectures). Lambda uses them only to filter layer lists (ListLayers, the console's layer
 * picker); it never refuses to attach a layer because of them. An empty list means "not declared".
 *
 * @param notes how the values were found, or what looked wrong, for {@code --verbose} and warnings
 */
public record LayerTargets(List<LambdaRuntime> runtimes, List<Architecture> architectures, List<String> notes) {
    public LayerTargets {
        runtimes = runtimes.stream().distinct().sorted().toList();
        architectures = architectures.stream().distinct().sorted().toList();
        notes = List.copyOf(notes);
    }

    /** The same targets with the runtimes or architectures the user named replacing the detected ones. */
    LayerTargets overriddenBy(List<LambdaRuntime> givenRuntimes, List<Architecture> givenArchitectures) {
        return new LayerTargets(givenRuntimes.isEmpty() ? runtimes : givenRuntimes,
                givenArchitectures.isEmpty() ? architectures : givenArchitectures, notes);
    }

    /** The Lambda identifiers: {@code python3.12}. */
    public List<String> runtimeIdentifiers() {
        return runtimes.stream().map(LambdaRuntime::identifier).toList();
    }

    /** The Lambda names: {@code x86_64}, {@code arm64}. */
    public List<String> architectureNames() {
        return architectures.stream().map(Architecture::lambdaName).toList();
    }
}
