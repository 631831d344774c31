package dev.pylayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command models built in code ({@link CommandSpecs}): each option parses to the type its command reads, the
 * defaults are those help shows, and no command goes back to annotations (which picocli would read on every run).
 */
class CommandModelTest {
    private static CommandSpec parsedBuild(String... args) {
        CommandLine commandLine = PylayerCommand.commandLine(new String[] {"build"});
        List<String> all = new ArrayList<>(List.of("build"));
        all.addAll(List.of(args));
        return commandLine.parseArgs(all.toArray(String[]::new)).subcommand().commandSpec();
    }

    private static Object value(CommandSpec spec, String option) {
        return spec.findOption(option).getValue();
    }

    @Test
    void everyBuildOptionParsesToTheTypeTheCommandReads() {
        CommandSpec build = parsedBuild("requests", "pandas>=2", "-r", "a.txt", "-c", "c.txt", "--runtime", "python3.11",
                "--arch", "arm64", "-o", "out.zip", "-i", "http://x/simple", "--extra-index-url", "http://y/simple", "-f",
                "wheels", "--no-index", "--pre", "--exclude-runtime-provided", "--slim", "--slim-stubs", "--exclude",
                "a/**", "--report", "r.json", "--cache-dir", "cache", "--no-cache", "--offline", "--rebuild", "--jobs", "3",
                "-q", "--publish", "name", "--attach", "f1", "--attach", "f2", "--s3-bucket", "b", "--region",
                "eu-west-1", "--profile", "p", "--endpoint-url", "http://localhost:5000", "-v");
        assertEquals(List.of("requests", "pandas>=2"), build.positionalParameters().get(0).getValue());
        assertEquals(List.of(Path.of("a.txt")), value(build, "-r"));
        assertEquals(List.of(Path.of("c.txt")), value(build, "-c"));
        assertEquals(LambdaRuntime.of("python3.11"), value(build, "--runtime"));
        assertEquals(Architecture.of("arm64"), value(build, "--arch"));
        assertEquals(Path.of("out.zip"), value(build, "-o"));
        assertEquals("http://x/simple", value(build, "-i"));
        assertEquals(List.of("http://y/simple"), value(build, "--extra-index-url"));
        assertEquals(List.of("wheels"), value(build, "-f"));
        assertEquals(List.of("a/**"), value(build, "--exclude"));
        assertEquals(Path.of("r.json"), value(build, "--report"));
        assertEquals(Path.of("cache"), value(build, "--cache-dir"));
        assertEquals(3, value(build, "--jobs"));
        assertEquals("name", value(build, "--publish"));
        assertEquals(List.of("f1", "f2"), value(build, "--attach"));
        assertEquals("b", value(build, "--s3-bucket"));
        assertEquals("eu-west-1", value(build, "--region"));
        assertEquals("p", value(build, "--profile"));
        assertEquals(URI.create("http://localhost:5000"), value(build, "--endpoint-url"));
        for (String flag : List.of("--no-index", "--pre", "--exclude-runtime-provided", "--slim", "--slim-stubs",
                "--no-cache", "--offline", "--rebuild", "-q", "-v")) {
            assertTrue(CommandSpecs.isSet(build.findOption(flag)), flag);
        }
    }

    @Test
    void unsetBuildOptionsTakeTheDefaultsHelpShows() {
        CommandSpec build = parsedBuild("requests");
        assertEquals(LambdaRuntime.of("python3.12"), value(build, "--runtime"));
        assertEquals(Architecture.of("x86_64"), value(build, "--arch"));
        assertEquals(Path.of("layer.zip"), value(build, "-o"));
        assertEquals(16, value(build, "--jobs"));
        for (String repeatable : List.of("-r", "-c", "--extra-index-url", "-f", "--exclude", "--attach")) {
            assertEquals(List.of(), CommandSpecs.values(build.findOption(repeatable)), repeatable);
        }
        for (String flag : List.of("--no-index", "--pre", "--slim", "--offline", "--rebuild", "-q", "-v")) {
            assertFalse(CommandSpecs.isSet(build.findOption(flag)), flag);
        }
    }

    @Test
    void aSecondParseStartsFromTheDefaultsAgain() {
        CommandLine commandLine = PylayerCommand.commandLine(new String[] {"build"});
        commandLine.parseArgs("build", "six", "--attach", "f", "--slim", "--jobs", "2");
        CommandSpec build = commandLine.parseArgs("build", "six").subcommand().commandSpec();
        assertEquals(List.of(), CommandSpecs.values(build.findOption("--attach")));
        assertFalse(CommandSpecs.isSet(build.findOption("--slim")));
        assertEquals(16, value(build, "--jobs"));
    }

    @Test
    void everyCommandPrintsItsHelpAndTheVersion() {
        for (String command : List.of("", "build", "inspect", "publish", "layers", "layers list", "layers prune")) {
            List<String> words = command.isEmpty() ? List.of() : List.of(command.split(" "));
            for (String flag : List.of("-V", "--version")) {
                List<String> args = new ArrayList<>(words);
                args.add(flag);
                CommandRun run = CommandRun.of(args);
                assertEquals(0, run.exitCode(), args.toString());
                assertTrue(run.out().startsWith("pylayer "), args + ": " + run.out());
            }
            List<String> help = new ArrayList<>(words);
            help.add("--help");
            CommandRun run = CommandRun.of(help);
            assertEquals(0, run.exitCode(), help.toString());
            assertTrue(run.out().startsWith("Usage: pylayer" + (command.isEmpty() ? "" : " " + command)), run.out());
        }
    }

    @Test
    void noCommandDeclaresPicocliAnnotations() {
        List<Class<?>> classes = List.of(PylayerCommand.class, BuildCommand.class, InspectCommand.class,
                PublishCommand.class, LayersCommand.class, LayersCommand.ListVersions.class, LayersCommand.Prune.class,
                AwsOptions.class, VerboseOption.class);
        Map<String, List<String>> annotated = classes.stream().collect(Collectors.toMap(Class::getSimpleName,
                type -> {
                    List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
                    elements.addAll(Arrays.asList(type.getDeclaredFields()));
                    elements.addAll(Arrays.asList(type.getDeclaredMethods()));
                    return elements.stream().flatMap(element -> Arrays.stream(element.getDeclaredAnnotations()))
                            .map(Annotation::annotationType).filter(a -> a.getName().startsWith("picocli."))
                            .map(Class::getSimpleName).toList();
                }));
        annotated.forEach((type, annotations) -> assertEquals(List.of(), annotations, type));
    }
}
