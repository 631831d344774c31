package dev.pylayer.index;

import dev.pylayer.Futures;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OkHttp clients of one {@link IndexClient}, one per scheme, sharing one dispatcher and one connection pool.
 * Plain {@code http} goes through a client without TLS; {@code https} through one whose TLS set-up (the JDK's trust
 * store read and parsed, an SSL context: ~0.1 s of CPU, more than the rest of a warm build's HTTP) is done only when
 * an https URL is first met, or ahead of time when one is expected ({@link #prepareTls}). A build against an index
 * inside the network (a devpi, a Nexus or Artifactory over http, a local mirror) never pays for TLS.
 *
 * <p>A plain-http answer that redirects to https is followed through the TLS client, as a single OkHttp client
 * follows redirects between schemes: the new request carries no {@code Authorization} of the old URL.
 */
final class HttpTransport implements Call.Factory {
    /** OkHttp's classes, and its TLS, set up once per JVM and shared by every transport (see {@link #warmUp}). */
    private static final Once<OkHttpClient> PLAIN_BASE = new Once<>(() -> new OkHttpClient.Builder()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build());
    private static final Once<OkHttpClient> TLS_BASE = new Once<>(OkHttpClient::new);

    private final Once<OkHttpClient> plain;
    private final Once<OkHttpClient> tls;

    /**
     * @param configure what this transport's clients add to a base: timeouts, interceptors
     * @param tlsBase   the client whose TLS set-up the https client takes (tests trust their own server with it);
     *                  null for the JVM's shared one
     */
    HttpTransport(java.util.function.UnaryOperator<OkHttpClient.Builder> configure, OkHttpClient tlsBase,
            int maxConnections) {
        // Made with the first client, not here: OkHttp's classes may still be initializing on the warm-up thread, and
        // a build has work to do before its first request (its cache, hints, tags) instead of waiting for them.
        Once<Shared> shared = new Once<>(() -> new Shared(new Dispatcher(),
                new ConnectionPool(maxConnections, 5, java.util.concurrent.TimeUnit.MINUTES)));
        this.plain = new Once<>(() -> configure.apply(PLAIN_BASE.get().newBuilder())
                .dispatcher(shared.get().dispatcher())
                .connectionPool(shared.get().pool())
                .followSslRedirects(false)
                .addInterceptor(this::redirectToHttps)
                .build());
        this.tls = new Once<>(() -> configure.apply((tlsBase != null ? tlsBase : TLS_BASE.get()).newBuilder())
                .dispatcher(shared.get().dispatcher())
                .connectionPool(shared.get().pool())
                .build());
    }

    /** The dispatcher and connection pool the two clients share. */
    private record Shared(Dispatcher dispatcher, ConnectionPool pool) {
    }

    /**
     * Starts, on a thread of its own, what the first request of a build would otherwise wait for: OkHttp's classes
     * and, when {@code tls}, its TLS set-up. Shared by every transport made later in this JVM.
     */
    static void warmUp(boolean tls) {
        PLAIN_BASE.startInBackground("pylayer-http-init");
        if (tls) {
            TLS_BASE.startInBackground("pylayer-tls-init");
        }
    }

    /** Builds the plain client on a thread of its own, so that it overlaps what a build does before its first request. */
    void prepare() {
        plain.startInBackground("pylayer-http-init");
    }

    /** An https URL is coming: builds the TLS client on a thread of its own, unless it is built or being built. */
    void prepareTls() {
        tls.startInBackground("pylayer-tls-init");
    }

    @Override
    public Call newCall(Request request) {
        return (request.url().isHttps() ? tls : plain).get().newCall(request);
    }

    /** Whether the TLS client was built (tests: a plain-http build never sets TLS up). */
    boolean tlsReady() {
        return tls.isDone();
    }

    /** Closes idle connections and lets the dispatcher's threads end. */
    void close() {
        for (Once<OkHttpClient> client : List.of(plain, tls)) {
            if (client.isDone()) {
                OkHttpClient built = client.get();
                built.dispatcher().executorService().shutdown();
                built.connectionPool().evictAll();
            }
        }
    }

    /** Follows a plain client's redirect to https (which it was told not to follow) through the TLS client. */
    private Response redirectToHttps(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String location = response.isRedirect() ? response.header("Location") : null;
        HttpUrl target = location == null ? null : response.request().url().resolve(location);
        String method = chain.request().method();
        if (target == null || !target.isHttps() || !(method.equals("GET") || method.equals("HEAD"))) {
            return response;
        }
        response.close();
        // As OkHttp does on a redirect to another scheme, host or port: the credentials of the old one are dropped
        // (the TLS client adds those registered for the new URL).
        Request next = chain.request().newBuilder().url(target).removeHeader("Authorization").build();
        return tls.get().newCall(next).execute();
    }

    /** A value made once, by whichever thread asks first: a background thread started ahead, or the caller. */
    static final class Once<T> {
        private final Supplier<T> make;
        private final CompletableFuture<T> value = new CompletableFuture<>();
        private final AtomicBoolean started = new AtomicBoolean();

        Once(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            if (!value.isDone() && started.compareAndSet(false, true)) {
                make();
            }
            return Futures.join(value);
        }

        boolean isDone() {
            return value.isDone() && !value.isCompletedExceptionally();
        }

        /** Makes the value on a daemon thread; nothing when it is made or being made. A failure waits for get(). */
        void startInBackground(String threadName) {
            if (value.isDone() || !started.compareAndSet(false, true)) {
                return;
            }
            Thread thread = new Thread(this::make, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        private void make() {
            try {
                value.complete(make.get());
            } catch (RuntimeException | Error e) {
                value.completeExceptionally(e);
            }
        }
    }
}
