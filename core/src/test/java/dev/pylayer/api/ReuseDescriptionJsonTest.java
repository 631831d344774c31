package dev.pylayer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReuseDescriptionJsonTest {
    private static final LayerReuse.Description DESCRIPTION = new LayerReuse.Description(
            new LayerSummary("ab".repeat(32), 28_375_848L, 93_600_000_000L, 2563), List.of("boto3", "botocore"),
            List.of(new Excluded.Rule("--slim", "**/__pycache__/**", 12, 3_400L),
                    new Excluded.Rule("--exclude", "botocore/data/**", 1_000, 70_000_000L)),
            List.of("`nothing/**` matched no file", "ünïcode \"quoted\"\nnew line"), List.of("detail one"),
            Map.of("pandas-3.0.6-cp311-cp311-manylinux_2_28_x86_64.whl", 12_000_000L, "six-1.17.0-py2.py3-none-any.whl",
                    11_000L));

    @Test
    void aDescriptionReadsBackEqual() {
        assertEquals(Optional.of(DESCRIPTION), ReuseDescriptionJson.decode(ReuseDescriptionJson.encode(DESCRIPTION)));
    }

    @Test
    void readsWhatTheDataBindingEncoderOfEarlierBuildsWrote() {
        String earlier = "{\"layer\":{\"sha256\":\"" + "ab".repeat(32) + "\",\"size\":5,\"uncompressedSize\":7,"
                + "\"files\":2},\"leftOut\":[],\"rules\":[{\"name\":\"--slim\",\"pattern\":\"p\",\"files\":1,"
                + "\"bytes\":2}],\"warnings\":[\"w\"],\"details\":[],\"wheelSizes\":{\"a-1-py3-none-any.whl\":3}}";
        assertEquals(Optional.of(new LayerReuse.Description(new LayerSummary("ab".repeat(32), 5, 7, 2), List.of(),
                List.of(new Excluded.Rule("--slim", "p", 1, 2)), List.of("w"), List.of(),
                Map.of("a-1-py3-none-any.whl", 3L))), ReuseDescriptionJson.decode(earlier.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"layer\":null,\"leftOut\":[],\"rules\":[],\"warnings\":[],\"details\":[],\"wheelSizes\":{}}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":1,\"uncompressedSize\":1,\"files\":1},\"leftOut\":[],\"rules\":[],"
                + "\"warnings\":[],\"details\":[]}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":\"1\",\"uncompressedSize\":1,\"files\":1},\"leftOut\":[],\"rules\":[],"
                + "\"warnings\":[],\"details\":[],\"wheelSizes\":{}}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":1,\"uncompressedSize\":1,\"files\":1e40},\"leftOut\":[],\"rules\":[],"
                + "\"warnings\":[],\"details\":[],\"wheelSizes\":{}}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":1,\"uncompressedSize\":1,\"files\":3000000000},\"leftOut\":[],"
                + "\"rules\":[],\"warnings\":[],\"details\":[],\"wheelSizes\":{}}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":1,\"uncompressedSize\":1,\"files\":1},\"leftOut\":[1],\"rules\":[],"
                + "\"warnings\":[],\"details\":[],\"wheelSizes\":{}}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":1,\"uncompressedSize\":1,\"files\":1},\"leftOut\":[],"
                + "\"rules\":[{\"name\":\"n\"}],\"warnings\":[],\"details\":[],\"wheelSizes\":{}}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":1,\"uncompressedSize\":1,\"files\":1},\"leftOut\":[],\"rules\":[],"
                + "\"warnings\":[],\"details\":[],\"wheelSizes\":{\"a\":\"big\"}}",
        "{\"layer\":{\"sha256\":\"x\",\"size\":1,\"uncompressedSize\":1,\"files\":1},\"leftOut\":[],\"rules\":[],"
                + "\"warnings\":[],\"details\":[],\"wheelSizes\":[]}",
    })
    void whatIsNotADescriptionReadsAsNone(String json) {
        assertEquals(Optional.empty(), ReuseDescriptionJson.decode(json.getBytes(StandardCharsets.UTF_8)));
    }
}
