package dev.pylayer.testdata.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A package index on a loopback WireMock server, serving what the test registers:
 * <pre>{@code
 * FakeIndex index = FakeIndex.start();
 * index.add(WheelBuilder.wheel("a", "1.0").requiresDist("b>=2"));
 * index.add(WheelBuilder.wheel("a", "0.9")).yanked("broken");
 * client.index(index.simpleUrl());   // or index.jsonApiUrl()
 * }</pre>
 * Served: {@code /pypi/<project>/json} (PyPI JSON API), {@code /simple/} and {@code /simple/<project>/}
 * (PEP 691 JSON when the Accept header asks for it, PEP 503 HTML otherwise, both with ETag and 304
 * revalidation), {@code /files/<filename>} with Range support, and {@code /files/<filename>.metadata}
 * (PEP 658, advertised on the simple pages) unless turned off. Its stubs have priority 10 and below, so a
 * test's own stubs (default priority 5) on {@link #server()} win: that is how faults are injected.
 */
public final class FakeIndex implements AutoCloseable {
    /** The simple API formats the index offers. */
    public enum SimpleFormat { HTML, JSON }

    /** The priority of this index's stubs: lower numbers (e.g. WireMock's default 5) override them. */
    public static final int PRIORITY = 10;

    /** A registered file; its setters change what the pages say about it. */
    public final class File {
        final String project;
        final String version;
        final String filename;
        final byte[] bytes;
        final byte[] metadata;
        boolean yanked;
        String yankedReason;
        String requiresPython;
        boolean withHash = true;

        File(String project, String version, String filename, byte[] bytes, byte[] metadata, String requiresPython) {
            this.project = project;
            this.version = version;
            this.filename = filename;
            this.bytes = bytes;
            this.metadata = metadata;
            this.requiresPython = requiresPython;
        }

        /** PEP 592 yanked without a reason. */
        public File yanked() {
            return yanked(null);
        }

        public File yanked(String reason) {
            this.yanked = true;
            this.yankedReason = reason;
            publish();
            return this;
        }

        /** The {@code Requires-Python} the pages give (a wheel's own METADATA is left as built). */
        public File requiresPython(String specifier) {
            this.requiresPython = specifier;
            publish();
            return this;
        }

        /** Pages give no hash for this file. */
        public File withoutHash() {
            this.withHash = false;
            publish();
            return this;
        }

        public String filename() {
            return filename;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public String sha256() {
            return WheelBuilder.sha256Hex(bytes);
        }

        /** The METADATA bytes (wheels only; {@code null} for sdists). */
        public byte[] metadata() {
            return metadata == null ? null : metadata.clone();
        }

        public String url() {
            return fileUrl(filename);
        }

        public String path() {
            return "/files/" + filename;
        }
    }

    private final WireMockServer server;
    private final Map<String, List<File>> projects = new LinkedHashMap<>();
    private final Map<String, String> displayNames = new LinkedHashMap<>();
    private final List<StubMapping> stubs = new ArrayList<>();
    private Set<SimpleFormat> formats = EnumSet.allOf(SimpleFormat.class);
    private boolean coreMetadata = true;
    private boolean ranges = true;
    private String user;
    private String password;

    private FakeIndex(WireMockServer server) {
        this.server = server;
    }

    /** Starts an empty index on a free loopback port. */
    public static FakeIndex start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new RangeTransformer()));
        server.start();
        FakeIndex index = new FakeIndex(server);
        index.publish();
        return index;
    }

    /** Registers the wheel {@code builder} builds (its bytes, file name and METADATA). */
    public synchronized File add(WheelBuilder builder) {
        String project = normalize(builder.filename().substring(0, builder.filename().indexOf('-')));
        String version = builder.filename().split("-")[1];
        return register(project, builder.escapedName(), new File(project, version, builder.filename(), builder.toBytes(),
                builder.metadata(), requiresPythonOf(builder.metadata())));
    }

    /** Registers an sdist {@code <name>-<version>.tar.gz} with any bytes. */
    public synchronized File addSdist(String name, String version, byte[] bytes) {
        String project = normalize(name);
        return register(project, name, new File(project, version, name + "-" + version + ".tar.gz", bytes, null, null));
    }

    /** Registers any file under a project, e.g. a hand-made hostile wheel; {@code metadata} may be null. */
    public synchronized File addFile(String name, String version, String filename, byte[] bytes, byte[] metadata) {
        String project = normalize(name);
        return register(project, name, new File(project, version, filename, bytes, metadata, null));
    }

    private File register(String project, String display, File file) {
        projects.computeIfAbsent(project, key -> new ArrayList<>()).add(file);
        displayNames.putIfAbsent(project, display);
        publish();
        return file;
    }

    /** Which simple formats {@code /simple/<project>/} offers (default both, negotiated by Accept). */
    public synchronized FakeIndex simpleFormats(SimpleFormat... offered) {
        this.formats = offered.length == 0 ? EnumSet.noneOf(SimpleFormat.class) : EnumSet.copyOf(List.of(offered));
        publish();
        return this;
    }

    /** Whether PEP 658 {@code .metadata} files are served and advertised (default yes). */
    public synchronized FakeIndex coreMetadata(boolean served) {
        this.coreMetadata = served;
        publish();
        return this;
    }

    /** Whether the file server honours Range (default yes); off, it answers every request with the whole file. */
    public synchronized FakeIndex rangeRequests(boolean honoured) {
        this.ranges = honoured;
        publish();
        return this;
    }

    /** Every stub then wants these Basic credentials; anything else gets 401. */
    public synchronized FakeIndex requireBasicAuth(String username, String secret) {
        this.user = username;
        this.password = secret;
        publish();
        return this;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The PyPI JSON API base: {@code …/pypi}. */
    public String jsonApiUrl() {
        return baseUrl() + "/pypi";
    }

    /** The PEP 503/691 simple index: {@code …/simple}. */
    public String simpleUrl() {
        return baseUrl() + "/simple";
    }

    public String fileUrl(String filename) {
        return baseUrl() + "/files/" + filename;
    }

    /** The WireMock server: add stubs (priority below {@link #PRIORITY}) for faults, verify and count requests. */
    public WireMockServer server() {
        return server;
    }

    /** GET requests received for exactly this path, e.g. {@code /simple/demo/} or {@code /files/x.whl}. */
    public int requestsTo(String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    public synchronized List<File> files(String project) {
        return List.copyOf(projects.getOrDefault(normalize(project), List.of()));
    }

    private synchronized void publish() {
        stubs.forEach(server::removeStub);
        stubs.clear();
        FakePages pages = new FakePages(baseUrl(), coreMetadata);
        stub(get(urlPathEqualTo("/simple/")), ok(pages.rootHtml(displayNames), "text/html"));
        for (Map.Entry<String, List<File>> project : projects.entrySet()) {
            String name = project.getKey();
            List<File> files = project.getValue();
            document("/pypi/" + name + "/json", null, pages.jsonApi(displayNames.get(name), files), "application/json", 0);
            if (formats.contains(SimpleFormat.JSON)) {
                document("/simple/" + name + "/", formats.size() > 1 ? "application/vnd.pypi.simple.v1+json" : null,
                        pages.simpleJson(name, files), "application/vnd.pypi.simple.v1+json", 0);
            }
            if (formats.contains(SimpleFormat.HTML)) {
                document("/simple/" + name + "/", null, pages.simpleHtml(name, files), "text/html; charset=utf-8", 1);
            }
            for (File file : files) {
                ResponseDefinitionBuilder response = aResponse().withStatus(200).withBody(file.bytes)
                        .withHeader("Content-Type", "application/octet-stream");
                if (ranges) {
                    response.withTransformers(RangeTransformer.NAME);
                }
                stub(get(urlPathEqualTo("/files/" + file.filename)), response);
                if (coreMetadata && file.metadata != null) {
                    stub(get(urlPathEqualTo("/files/" + file.filename + ".metadata")),
                            ok(new String(file.metadata, StandardCharsets.UTF_8), "text/plain; charset=utf-8"));
                }
            }
        }
        if (user != null) {
            stubs.add(server.stubFor(get(urlPathMatching("/.*")).atPriority(PRIORITY + 20)
                    .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"fake\""))));
        }
    }

    /** A page with an ETag, answered 304 when the client sends that ETag back. */
    private void document(String path, String accept, String body, String contentType, int rank) {
        String etag = "\"" + WheelBuilder.sha256Hex(body.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "\"";
        MappingBuilder notModified = get(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo(etag));
        MappingBuilder full = get(urlPathEqualTo(path));
        if (accept != null) {
            notModified.withHeader("Accept", containing(accept));
            full.withHeader("Accept", containing(accept));
        }
        stub(notModified, aResponse().withStatus(304).withHeader("ETag", etag), PRIORITY - 1 + rank);
        stub(full, ok(body, contentType).withHeader("ETag", etag), PRIORITY + rank);
    }

    private static ResponseDefinitionBuilder ok(String body, String contentType) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }

    private void stub(MappingBuilder mapping, ResponseDefinitionBuilder response) {
        stub(mapping, response, PRIORITY);
    }

    private void stub(MappingBuilder mapping, ResponseDefinitionBuilder response, int priority) {
        if (user != null) {
            mapping.withBasicAuth(user, password);
        }
        stubs.add(server.stubFor(mapping.atPriority(priority).willReturn(response)));
    }

    private static String requiresPythonOf(byte[] metadata) {
        for (String line : new String(metadata, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith("Requires-Python: ")) {
                return line.substring("Requires-Python: ".length()).strip();
            }
        }
        return null;
    }

    static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        server.stop();
    }
}
