package dev.pylayer.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {
    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();

    @BeforeEach
    void start() {
        index.add(WheelBuilder.wheel("secret-pkg", "1.0"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://user:s3cret@host.example/simple/          | https://user:****@host.example/simple/",
            "https://aws:eyJ0b2tlbiI6Ik@x.d.codeartifact.aws/pypi/r/simple | https://aws:****@x.d.codeartifact.aws/pypi/r/simple",
            "https://token@host.example/simple                 | https://****@host.example/simple",
            "https://user:@host.example/                       | https://user:****@host.example/",
            "https://host.example/simple                       | https://host.example/simple",
            "http://a:b@h/x?next=http://c:d@e/                 | http://a:****@h/x?next=http://c:d@e/",
    })
    void masksPasswordsInUrls(String url, String masked) {
        assertEquals(masked, IndexUrl.mask(url));
    }

    @Test
    void takesCredentialsOutOfTheIndexUrl() {
        IndexUrl url = IndexUrl.parse("https://user:p%40ss@host.example/simple/");
        assertEquals("https://host.example/simple/", url.url());
        assertEquals("https://user:****@host.example/simple/", url.displayUrl());
        assertEquals(Optional.of(new Credentials("user", "p@ss")), url.credentials());
        assertFalse(url.credentials().toString().contains("p@ss"));
        assertEquals("simple", url.lastSegment());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "machine h.example login u password p                         | h.example | u | p",
            "machine other login x password y\\ndefault login d password q  | h.example | d | q",
            "# comment\\nmachine H.EXAMPLE\\n  login u\\n  password p         | h.example | u | p",
            "macdef init\\ncd /\\n\\nmachine h.example login u password p    | h.example | u | p",
            "machine h.example login u account a password p               | h.example | u | p",
    })
    void readsNetrcFiles(String text, String host, String user, String password) {
        assertEquals(Optional.of(new Credentials(user, password)), Netrc.parse(text.replace("\\n", "\n")).lookup(host));
    }

    @Test
    void aNetrcWithoutTheHostAndNoDefaultGivesNothing() {
        assertEquals(Optional.empty(), Netrc.parse("machine other login x password y").lookup("h.example"));
    }

    @Test
    void sendsTheIndexUrlsCredentialsAsBasicAuthToItsHostIncludingFiles() {
        index.requireBasicAuth("alice", "t0ken");
        String url = index.simpleUrl().replace("http://", "http://alice:t0ken@");
        try (IndexClient client = TestClients.client(temp.resolve("cache"))) {
            PackageIndex simple = client.index(url);
            DistributionFile file = simple.listProject(PackageName.of("secret-pkg")).files().get(0);
            assertFalse(file.url().contains("t0ken"), file.url());
            assertFalse(file.index().contains("t0ken"), file.index());
            client.wheel(file);
        }
        index.server().verify(getRequestedFor(urlPathEqualTo("/simple/secret-pkg/")).withHeader("Authorization", equalTo(basic("alice", "t0ken"))));
        index.server().verify(getRequestedFor(urlPathEqualTo("/files/secret_pkg-1.0-py3-none-any.whl"))
                .withHeader("Authorization", equalTo(basic("alice", "t0ken"))));
    }

    @Test
    void usesNetrcForHostsWithoutCredentialsInTheUrl() throws Exception {
        index.requireBasicAuth("bob", "from-netrc");
        Path netrc = Files.writeString(temp.resolve("netrc"), "machine 127.0.0.1 login bob password from-netrc\n");
        try (IndexClient client = TestClients.builder(temp.resolve("cache")).netrc(netrc).build()) {
            assertEquals(1, client.index(index.jsonApiUrl()).listProject(PackageName.of("secret-pkg")).files().size());
        }
    }

    @Test
    void neverSendsCredentialsToAnotherHost() {
        FakeIndex other = FakeIndex.start();
        try (IndexClient client = TestClients.client(temp.resolve("cache"))) {
            other.add(WheelBuilder.wheel("public", "1.0"));
            client.index(index.simpleUrl().replace("http://127.0.0.1", "http://alice:t0ken@127.0.0.1"));
            client.index(other.simpleUrl().replace("127.0.0.1", "localhost")).listProject(PackageName.of("public"));
            other.server().verify(getRequestedFor(urlPathEqualTo("/simple/public/")).withHeader("Authorization", absent()));
        } finally {
            other.close();
        }
    }

    @Test
    void errorsShowTheUserButMaskThePassword() {
        index.server().stubFor(get(urlPathEqualTo("/simple/secret-pkg/")).willReturn(aResponse().withStatus(401)));
        String url = index.simpleUrl().replace("http://", "http://alice:t0ken@");
        try (IndexClient client = TestClients.client(temp.resolve("cache"))) {
            IndexResponseException error = assertThrows(IndexResponseException.class,
                    () -> client.index(url).listProject(PackageName.of("secret-pkg")));
            assertTrue(error.getMessage().contains("http://alice:****@127.0.0.1:"), error.getMessage());
            assertFalse(error.describe().contains("t0ken"), error.describe());
            assertTrue(error.hints().get(0).contains("refused the credentials"), error.hints().toString());
        }
    }
}
