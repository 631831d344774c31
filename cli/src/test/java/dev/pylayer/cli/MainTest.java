package dev.pylayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The early guess of whether a build will talk TLS, so that its set-up can start before picocli parses. */
class MainTest {
    @ParameterizedTest(name = "{0} (PYLAYER_INDEX_URL={1}) -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "build requests                                                         | -                     | true",
            "build requests --index-url http://mirror:8080/pypi                     | -                     | false",
            "build requests --index-url=http://mirror:8080/pypi                     | -                     | false",
            "build requests -i http://mirror/simple                                 | -                     | false",
            "build requests -ihttp://mirror/simple                                  | -                     | false",
            "build requests -i=http://mirror/simple                                 | -                     | false",
            "build requests -i file:///srv/simple                                   | -                     | false",
            "build requests --index-url HTTPS://pypi.org/pypi                       | -                     | true",
            "build requests -i http://mirror/simple --extra-index-url https://pypi.org/simple | -             | true",
            "build requests -i http://mirror/simple -f https://host/links/          | -                     | true",
            "build requests -i http://mirror/simple --find-links=https://host/links/ | -                    | true",
            "build requests --extra-index-url http://other/simple                   | -                     | true",
            "build requests --no-index -f ./wheels                                  | -                     | false",
            "build requests                                                         | http://mirror/pypi    | false",
            "build requests                                                         | https://corp/pypi     | true",
            "build requests -i http://mirror/simple                                 | https://corp/pypi     | false",
            "build requests --no-index -f ./wheels                                  | https://corp/pypi     | false",
            "build requests -r requirements.txt -o layer.zip                        | http://mirror/simple  | false",
            "build -i                                                               | -                     | false",
    })
    void guessesWhetherTlsWillBeNeeded(String args, String environmentIndexUrl, boolean expected) {
        assertEquals(expected, Main.tlsLikely(args.split(" +"), environmentIndexUrl));
    }
}
