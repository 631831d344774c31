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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pylayer inspect LAYER.zip}: will this layer load on its runtime? Exit 0 when it will, 1 when not. */
final class InspectCommand implements Callable<Integer> {
    private final PositionalParamSpec layer = PositionalParamSpec.builder().arity("1").required(true).paramLabel("LAYER.zip")
            .type(Path.class).description("The layer zip to inspect.").build();
    private final OptionSpec runtime = OptionSpec.builder("--runtime").paramLabel("pythonX.Y").type(LambdaRuntime.class)
            .converters(new TargetConverters.Runtime())
            .description("The runtime to check against (default: inferred from python/lib/pythonX.Y/ or extension "
                    + "module names, else the default runtime).").build();
    private final OptionSpec architecture = OptionSpec.builder("--arch").paramLabel("x86_64|arm64")
            .type(Architecture.class).converters(new TargetConverters.Arch())
            .description("The architecture to check against (default: inferred from the ELF files, else x86_64).")
            .build();
    private final OptionSpec json = CommandSpecs.flag("Print the full report as JSON instead of text.", "--json");
    private final VerboseOption verbose = new VerboseOption();
    private final CommandSpec spec;

    private InspectCommand() {
        spec = CommandSpecs.command(this, "inspect",
                "Checks whether a layer zip (from pylayer, pip or Docker) will load on a Lambda Python runtime, "
                        + "without running Python: layout, ELF files (machine, glibc, musl, CPython ABI), wheel tags, "
                        + "RECORD hashes and sizes.",
                "Exit status: 0 when the layer will load, 1 when it will not (or cannot be read).");
        spec.addPositional(layer);
        CommandSpecs.addOptions(spec, runtime, architecture, json);
        verbose.addTo(spec);
        CommandSpecs.addStandardHelpOptions(spec);
    }

    /** The model of a new {@code inspect} command. */
    static CommandSpec create() {
        return new InspectCommand().spec;
    }

    @Override
    public Integer call() {
        Optional<LambdaRuntime> chosenRuntime = Optional.ofNullable(runtime.getValue());
        Optional<Architecture> chosenArchitecture = Optional.ofNullable(architecture.getValue());
        InspectionReport report = LayerInspector.inspect(layer.getValue(), chosenRuntime, chosenArchitecture);
        PrintWriter out = spec.commandLine().getOut();
        if (CommandSpecs.isSet(json)) {
            out.println(InspectionReportJson.write(report));
        } else {
            new InspectionRenderer(verbose.verbose()).render(report, out);
        }
        out.flush();
        return report.willLoad() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
