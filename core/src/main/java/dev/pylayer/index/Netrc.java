package dev.pylayer.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .netrc} file: {@code machine HOST login USER password SECRET} entries and an optional
 * {@code default}, read as Python's {@code netrc} module (which pip's requests uses) reads it. {@code macdef}
 * blocks run to the next blank line and are skipped.
 */
public final class Netrc {
    private static final Netrc EMPTY = new Netrc(Map.of(), Optional.empty());

    private final Map<String, Credentials> machines;
    private final Optional<Credentials> fallback;

    private Netrc(Map<String, Credentials> machines, Optional<Credentials> fallback) {
        this.machines = machines;
        this.fallback = fallback;
    }

    public static Netrc empty() {
        return EMPTY;
    }

    /** {@code $NETRC}, else {@code ~/.netrc} (or {@code ~/_netrc} on Windows); empty when there is none. */
    public static Netrc load() {
        String explicit = System.getenv("NETRC");
        if (explicit != null && !explicit.isBlank()) {
            return load(Path.of(explicit));
        }
        Path home = Path.of(System.getProperty("user.home", "."));
        Path unix = home.resolve(".netrc");
        if (Files.isRegularFile(unix)) {
            return load(unix);
        }
        return load(home.resolve("_netrc"));
    }

    /** Reads {@code file}; a missing or unreadable file is an empty netrc (requests ignores those too). */
    public static Netrc load(Path file) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return EMPTY;
        }
    }

    public static Netrc parse(String text) {
        List<String> tokens = tokens(text);
        Map<String, Credentials> machines = new HashMap<>();
        Credentials fallback = null;
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i++);
            if (!token.equals("machine") && !token.equals("default")) {
                continue;
            }
            String machine = token.equals("machine") && i < tokens.size() ? tokens.get(i++) : null;
            String login = null;
            String password = null;
            while (i < tokens.size() && !tokens.get(i).equals("machine") && !tokens.get(i).equals("default")) {
                String key = tokens.get(i++);
                String value = i < tokens.size() ? tokens.get(i) : null;
                if (key.equals("login")) {
                    login = value;
                    i++;
                } else if (key.equals("password")) {
                    password = value;
                    i++;
                } else if (key.equals("account")) {
                    i++;
                }
            }
            if (login == null && password == null) {
                continue;
            }
            Credentials entry = new Credentials(login == null ? "" : login, password == null ? "" : password);
            if (machine == null) {
                fallback = entry;
            } else {
                machines.putIfAbsent(machine.toLowerCase(Locale.ROOT), entry);
            }
        }
        return new Netrc(Map.copyOf(machines), Optional.ofNullable(fallback));
    }

    /** Whitespace-separated tokens, without comment lines and {@code macdef} bodies (which end at a blank line). */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        boolean inMacro = false;
        for (String line : text.split("\\R", -1)) {
            if (inMacro) {
                inMacro = !line.isBlank();
                continue;
            }
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (String token : line.strip().split("\\s+")) {
                if (token.equals("macdef")) {
                    inMacro = true;
                    break;
                }
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** The entry for {@code host} (a name without port), else the {@code default} entry. */
    public Optional<Credentials> lookup(String host) {
        Credentials found = machines.get(host.toLowerCase(Locale.ROOT));
        return found != null ? Optional.of(found) : fallback;
    }

    @Override
    public String toString() {
        return "Netrc[" + machines.size() + " machines]";
    }
}
