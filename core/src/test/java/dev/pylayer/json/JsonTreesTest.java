package dev.pylayer.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link JsonTrees} reads and writes as {@code ObjectMapper} does with default settings: the mapper is the oracle. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "[]", "\"text\"", "1", "-0", "0.5", "1e3", "-1.5E-7", "true", "false", "null",
            "{\"a\": 1, \"b\": [true, false, null, \"x\", {\"c\": {}}]}",
            "{\"dup\": 1, \"dup\": \"last wins\"}",
            "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890, \"neg\": -9223372036854775809}",
            "{\"float\": 3.141592653589793, \"tiny\": 4.9e-324, \"huge\": 1.7976931348623157e308}",
            "{\"escapes\": \"\\u00e9\\n\\t\\\"\\\\ \\ud83d\\ude00\", \"\\u0000key\": \"nul\"}",
            "{\"releases\": {\"1.0\": [{\"filename\": \"a-1.0-py3-none-any.whl\", \"size\": 12, \"yanked\": false}]}}",
            "  {\"trailing\": 1}  {\"ignored\": 2}",
            "[1, 2] garbage",
            "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
            "{\"empty key\": {\"\": \"\"}}",
    })
    void readsAsTheMapperReads(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = MAPPER.readTree(bytes);
        JsonNode actual = JsonTrees.read(bytes);
        assertEquals(expected, actual);
        assertEquals(expected.getNodeType(), actual.getNodeType());
        assertArrayEquals(MAPPER.writeValueAsBytes(expected), JsonTrees.write(actual));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,", "{\"a\" 1}", "{\"a\": tru}", "[1 2]", "{\"a\": 01}", "\"unterminated", "{'a': 1}",
            "[NaN]", "{\"a\": 1,}"})
    void refusesWhatTheMapperRefuses(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(bytes));
        assertThrows(JsonProcessingException.class, () -> JsonTrees.read(bytes));
    }

    @Test
    void emptyInputIsAMissingNode() throws IOException {
        assertTrue(JsonTrees.read(new byte[0]).isMissingNode());
        assertTrue(JsonTrees.read("   \n".getBytes(StandardCharsets.UTF_8)).isMissingNode());
    }

    @Test
    void nestingBeyondJacksonsLimitIsRefusedNotAStackOverflow() {
        byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThrows(JsonProcessingException.class, () -> JsonTrees.read(deep));
    }

    @Test
    void randomDocumentsReadAndWriteAsTheMapperDoes() throws IOException {
        Random random = new Random(20261207);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = randomTree(random, 0);
            byte[] bytes = MAPPER.writeValueAsBytes(tree);
            JsonNode read = JsonTrees.read(bytes);
            assertEquals(MAPPER.readTree(bytes), read, new String(bytes, StandardCharsets.UTF_8));
            assertArrayEquals(bytes, JsonTrees.write(read));
        }
    }

    private static JsonNode randomTree(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> MAPPER.getNodeFactory().textNode(randomText(random));
            case 1 -> MAPPER.getNodeFactory().numberNode(random.nextInt());
            case 2 -> MAPPER.getNodeFactory().numberNode(random.nextLong());
            case 3 -> MAPPER.getNodeFactory().numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
            case 5 -> MAPPER.getNodeFactory().nullNode();
            case 6 -> {
                var array = MAPPER.createArrayNode();
                for (int n = random.nextInt(5); n > 0; n--) {
                    array.add(randomTree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                var object = MAPPER.createObjectNode();
                for (int n = random.nextInt(5); n > 0; n--) {
                    object.set(randomText(random), randomTree(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            int pick = random.nextInt(4);
            text.appendCodePoint(pick == 0 ? random.nextInt(0x20) : pick == 1 ? 0x1F600 + random.nextInt(50)
                    : pick == 2 ? 0xE9 : 'a' + random.nextInt(26));
        }
        return text.toString();
    }
}
