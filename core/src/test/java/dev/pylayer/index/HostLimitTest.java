package dev.pylayer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.pylayer.cache.ContentCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A burst of requests to one HTTP/1.1 host opens no more connections than small servers accept at once. */
class HostLimitTest {
    @TempDir
    Path cacheDir;

    private HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private ExecutorService serverThreads;
    /** Answers wait (up to 3 s) until this many requests are in flight. */
    private volatile int holdUntil;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        serverThreads = Executors.newFixedThreadPool(32);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (inFlight.get() < holdUntil && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(60);
                byte[] body = exchange.getRequestURI().getPath().getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private List<Optional<byte[]>> fetchAtOnce(List<String> urls, int globalLimit) throws Exception {
        IndexHttp http = new IndexHttp(new okhttp3.OkHttpClient(), TestClients.FAST,
                new CredentialStore(Netrc.empty()), globalLimit, false, ContentCache.open(cacheDir), Clock.systemUTC());
        ExecutorService callers = Executors.newFixedThreadPool(urls.size());
        try {
            List<Future<Optional<byte[]>>> futures = new ArrayList<>();
            for (String url : urls) {
                futures.add(callers.submit(() -> http.bytes(url, "test", 1000)));
            }
            List<Optional<byte[]>> bodies = new ArrayList<>();
            for (Future<Optional<byte[]>> future : futures) {
                bodies.add(future.get());
            }
            return bodies;
        } finally {
            callers.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0} requests, {1} allowed in all")
    @CsvSource({"12, 16", "20, 16", "3, 16", "12, 2"})
    void sendsAtMostFiveRequestsAtOnceToOneHost(int requests, int globalLimit) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            urls.add("http://127.0.0.1:" + server.getAddress().getPort() + "/r" + i);
        }
        List<Optional<byte[]>> bodies = fetchAtOnce(urls, globalLimit);
        for (int i = 0; i < requests; i++) {
            assertEquals("/r" + i, new String(bodies.get(i).orElseThrow()));
        }
        int expected = Math.min(Math.min(requests, globalLimit), IndexHttp.MAX_REQUESTS_PER_HOST);
        assertTrue(mostInFlight.get() <= expected, "at most " + expected + " at once, saw " + mostInFlight.get());
    }

    @Test
    void limitsEachHostOnItsOwn() throws Exception {
        holdUntil = IndexHttp.MAX_REQUESTS_PER_HOST + 1;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String host = i % 2 == 0 ? "127.0.0.1" : "localhost";
            urls.add("http://" + host + ":" + server.getAddress().getPort() + "/r" + i);
        }
        fetchAtOnce(urls, 16);
        assertTrue(mostInFlight.get() <= 2 * IndexHttp.MAX_REQUESTS_PER_HOST, "saw " + mostInFlight.get());
        assertTrue(mostInFlight.get() > IndexHttp.MAX_REQUESTS_PER_HOST,
                "two hosts are limited separately, saw " + mostInFlight.get());
    }
}
