package dev.pylayer.index;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Which credentials go to which host: those written in an index URL go to that URL's host and port (so file
 * URLs on the same host get them too, as pip's {@code MultiDomainBasicAuth} does), and {@code .netrc}
 * answers for hosts without any. Credentials are sent only to the host they were given for.
 */
final class CredentialStore {
    private final Map<String, Credentials> byHost = new ConcurrentHashMap<>();
    private final Netrc netrc;

    CredentialStore(Netrc netrc) {
        this.netrc = netrc;
    }

    /** Remembers the credentials of an index URL for its host. */
    void register(IndexUrl index) {
        if (index.isFile()) {
            return;
        }
        index.credentials().ifPresent(credentials -> byHost.putIfAbsent(key(HttpUrl.get(index.url())), credentials));
    }

    Optional<Credentials> forUrl(HttpUrl url) {
        Credentials explicit = byHost.get(key(url));
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return netrc.lookup(url.host());
    }

    private static String key(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }
}
