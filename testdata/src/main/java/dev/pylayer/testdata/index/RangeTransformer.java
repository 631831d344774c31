package dev.pylayer.testdata.index;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code Range: bytes=a-b}, {@code bytes=a-} and {@code bytes=-n} on the stubs that name it, as a
 * static file server does (RFC 9110 §14): 206 with {@code Content-Range}, or 416 when nothing of the file is
 * in range. Multi-range requests get the whole file (200), which RFC 9110 allows.
 */
public final class RangeTransformer implements ResponseTransformerV2 {
    public static final String NAME = "pylayer-range";
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        String range = serveEvent.getRequest().getHeader("Range");
        byte[] body = response.getBody();
        if (range == null || response.getStatus() != 200 || body == null) {
            return withHeaders(response, response.getStatus(), body, List.of(new HttpHeader("Accept-Ranges", "bytes")));
        }
        Matcher matcher = SINGLE_RANGE.matcher(range.strip());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return withHeaders(response, 200, body, List.of(new HttpHeader("Accept-Ranges", "bytes")));
        }
        long size = body.length;
        long start;
        long end;
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(matcher.group(1));
            end = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        }
        if (start >= size || start > end) {
            return withHeaders(response, 416, new byte[0], List.of(new HttpHeader("Content-Range", "bytes */" + size)));
        }
        byte[] slice = Arrays.copyOfRange(body, (int) start, (int) end + 1);
        return withHeaders(response, 206, slice, List.of(new HttpHeader("Accept-Ranges", "bytes"),
                new HttpHeader("Content-Range", "bytes " + start + "-" + end + "/" + size)));
    }

    private static Response withHeaders(Response response, int status, byte[] body, List<HttpHeader> extra) {
        List<HttpHeader> headers = new ArrayList<>();
        for (HttpHeader header : response.getHeaders().all()) {
            if (extra.stream().noneMatch(added -> added.keyEquals(header.key()))
                    && !header.keyEquals("Content-Length")) {
                headers.add(header);
            }
        }
        headers.addAll(extra);
        return Response.Builder.like(response).but().status(status).body(body).headers(new HttpHeaders(headers)).build();
    }
}
