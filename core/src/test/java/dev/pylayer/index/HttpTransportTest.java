package dev.pylayer.index;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is set up only for https, and a plain-http redirect to https is still followed. */
class HttpTransportTest {
    @TempDir
    Path dir;

    @Test
    void plainHttpIndexNeverSetsUpTls() throws java.io.IOException {
        try (FakeIndex index = FakeIndex.start();
                IndexClient client = TestClients.builder(dir).tlsBase(trustingTestServers()).build()) {
            index.add(WheelBuilder.wheel("demo", "1.0"));
            ProjectListing listing = client.index(index.jsonApiUrl()).listProject(PackageName.of("demo"));
            Path wheel = client.wheel(listing.files().get(0));
            assertTrue(Files.size(wheel) > 0);
            assertFalse(client.tlsSetUp(), "a build that only meets http:// URLs set up TLS");
        }
    }

    @Test
    void httpsIndexSetsUpTlsBeforeItsFirstRequest() throws InterruptedException {
        try (IndexClient client = TestClients.builder(dir).tlsBase(trustingTestServers()).build()) {
            client.index("https://127.0.0.1:9/simple");
            for (int waited = 0; !client.tlsSetUp() && waited < 10_000; waited += 10) {
                Thread.sleep(10);
            }
            assertTrue(client.tlsSetUp(), "naming an https index did not start the TLS set-up");
        }
    }

    @Test
    void followsPlainHttpRedirectToHttpsWithoutTheOldCredentials() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .bindAddress("127.0.0.1"));
        server.start();
        try (IndexClient client = TestClients.builder(dir).tlsBase(trustingTestServers()).build()) {
            String https = "https://127.0.0.1:" + server.httpsPort();
            server.stubFor(get(urlPathEqualTo("/simple/demo/"))
                    .willReturn(aResponse().withStatus(301).withHeader("Location", https + "/moved/demo/")));
            String sha256 = "a".repeat(64);
            server.stubFor(get(urlPathEqualTo("/moved/demo/")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<a href=\"/files/demo-1.0-py3-none-any.whl#sha256=" + sha256
                            + "\">demo-1.0-py3-none-any.whl</a>")));

            ProjectListing listing = client.index("http://user:secret@127.0.0.1:" + server.port() + "/simple")
                    .listProject(PackageName.of("demo"));

            assertEquals(List.of(https + "/files/demo-1.0-py3-none-any.whl"),
                    listing.files().stream().map(DistributionFile::url).toList());
            server.verify(getRequestedFor(urlPathEqualTo("/simple/demo/")).withHeader("Authorization", matching("Basic .+")));
            List<LoggedRequest> moved = server.findAll(getRequestedFor(urlPathEqualTo("/moved/demo/"))
                    .withHeader("Authorization", absent()));
            assertEquals(1, moved.size(), "the https request carried the http index's credentials, or was not sent");
            assertTrue(moved.get(0).getAbsoluteUrl().startsWith("https://"), moved.get(0).getAbsoluteUrl());
            assertTrue(client.tlsSetUp());
        } finally {
            server.stop();
        }
    }

    /** A TLS client that trusts any certificate: WireMock's https port presents a self-signed one. */
    static OkHttpClient trustingTestServers() {
        try {
            X509TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return new OkHttpClient.Builder().sslSocketFactory(context.getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
