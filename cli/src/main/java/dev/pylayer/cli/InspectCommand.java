package dev.pylayer.cli;

import dev.pylayer.inspect.InspectionReport;
import dev.pylayer.inspect.InspectionReportJson;
import dev.pylayer.inspect.LayerInspector;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pylayer inspect LAYER.zip}: will this layer load on its runtime? Exit 0 when it will, 1 when not. */
@Command(name = "inspect",
        description = {"Checks whether a layer zip (from pylayer, pip or Docker) will load on a Lambda Python runtime, "
                + "without running Python: layout, ELF files (machine, glibc, musl, CPython ABI), wheel tags, RECORD "
                + "hashes and sizes.",
                "Exit status: 0 when the layer will load, 1 when it will not (or cannot be read)."},
        mixinStandardHelpOptions = true)
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LAYER.zip", description = "The layer zip to inspect.")
    Path layer;

    @Option(names = "--runtime", paramLabel = "pythonX.Y", converter = TargetConverters.Runtime.class,
            description = "The runtime to check against (default: inferred from python/lib/pythonX.Y/ or extension "
                    + "module names, else the default runtime).")
    LambdaRuntime runtime;

    @Option(names = "--arch", paramLabel = "x86_64|arm64", converter = TargetConverters.Arch.class,
            description = "The architecture to check against (default: inferred from the ELF files, else x86_64).")
    Architecture architecture;

    @Option(names = "--json", description = "Print the full report as JSON instead of text.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Optional<LambdaRuntime> chosenRuntime = Optional.ofNullable(runtime);
        Optional<Architecture> chosenArchitecture = Optional.ofNullable(architecture);
        InspectionReport report = LayerInspector.inspect(layer, chosenRuntime, chosenArchitecture);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(InspectionReportJson.write(report));
        } else {
            new InspectionRenderer(verbose.verbose()).render(report, out);
        }
        out.flush();
        return report.willLoad() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
