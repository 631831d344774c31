package dev.pylayer.testdata.real;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The machine's mirror of real wheels ({@code pypi-mirror.py}) running on a free loopback port. One per
 * JVM, started on first use and stopped at exit: the first start hashes every wheel (about a minute on a
 * clean machine; later starts read the digest cache).
 */
public final class LocalPypiMirror {
    private static LocalPypiMirror shared;

    private final Process process;
    private final int port;

    private LocalPypiMirror(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The shared mirror, started if needed. Call only when {@link RealTools#skipReason()} is empty. */
    public static synchronized LocalPypiMirror shared() {
        if (shared == null) {
            shared = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** Starts a new mirror with the given per-request delay (to mimic a network's latency). */
    public static LocalPypiMirror start(int delayMillis) {
        Path script = RealTools.mirrorScript().orElseThrow(() -> new IllegalStateException("no mirror script"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), "--port", Integer.toString(port)));
        if (delayMillis > 0) {
            command.add("--delay-ms");
            command.add(Integer.toString(delayMillis));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> awaitServing(process));
            ready.get(Duration.ofMinutes(10).toMillis(), TimeUnit.MILLISECONDS);
            return new LocalPypiMirror(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the wheel mirror did not start within 10 minutes", e);
        } catch (Exception e) {
            throw new IllegalStateException("the wheel mirror failed to start: " + e.getMessage(), e);
        }
    }

    private static String awaitServing(Process process) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("serving ")) {
                    Thread drain = new Thread(() -> {
                        try {
                            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                        } catch (IOException ignored) {
                            // the mirror stopped
                        }
                    }, "pypi-mirror-output");
                    drain.setDaemon(true);
                    drain.start();
                    return line;
                }
                seen.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the wheel mirror exited: " + seen);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The PEP 503/691 simple index: {@code …/simple}. */
    public String simpleUrl() {
        return baseUrl() + "/simple";
    }

    /** The PyPI JSON API base: {@code …/pypi}. */
    public String jsonApiUrl() {
        return baseUrl() + "/pypi";
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
