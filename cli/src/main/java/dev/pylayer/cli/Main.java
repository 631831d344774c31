package dev.pylayer.cli;

import dev.pylayer.index.IndexClient;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Entry point of the {@code pylayer} command. */
public final class Main {
    private static final Set<String> INDEX_OPTIONS = Set.of("-i", "--index-url", "--extra-index-url", "-f",
            "--find-links");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("build") && !List.of(args).contains("--offline")) {
            // Overlaps the index client's set-up with picocli's (both mostly class loading).
            IndexClient.warmUp(tlsLikely(args, System.getenv("PYLAYER_INDEX_URL")));
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return PylayerCommand.commandLine(args).execute(args);
    }

    /**
     * Whether a build with these arguments will likely talk to an https index, read before picocli parses them so
     * that the TLS set-up starts at once: yes when an index or find-links location named is https, or when the main
     * index is the default or comes from {@code PYLAYER_INDEX_URL} and is https; no otherwise. A guess: a
     * requirements file's {@code --index-url} is not read here; TLS is then set up when its first https URL is met.
     */
    static boolean tlsLikely(String[] args, String environmentIndexUrl) {
        boolean mainIndexNamed = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            if (INDEX_OPTIONS.contains(name)) {
                value = i + 1 < args.length ? args[i + 1] : "";
            } else if (name.startsWith("--") && name.indexOf('=') > 0) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (name.length() > 2 && (name.startsWith("-i") || name.startsWith("-f"))) {
                value = name.substring(name.charAt(2) == '=' ? 3 : 2);
                name = name.substring(0, 2);
            }
            if (name.equals("--no-index") || name.equals("-i") || name.equals("--index-url")) {
                mainIndexNamed = true;
            }
            if (value != null && INDEX_OPTIONS.contains(name) && isHttps(value)) {
                return true;
            }
        }
        if (mainIndexNamed) {
            return false;
        }
        // The command line wins over the environment, which wins over the default (https://pypi.org/pypi).
        return environmentIndexUrl == null || environmentIndexUrl.isBlank() || isHttps(environmentIndexUrl);
    }

    private static boolean isHttps(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith("https:");
    }
}
