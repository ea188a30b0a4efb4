package gluelab.cloud.services.logs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CloudWatch Logs filter-pattern syntax, as a table of (pattern, event message, matches?). Rows follow
 * the examples of AWS's "Filter pattern syntax" documentation where there is one.
 */
class FilterPatternTest {

    private static final String CLOUDTRAIL = """
            {"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111",
             "arrayKey": ["value", "another value"],
             "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
             "SomeObject": null, "ThisFlag": true, "OtherFlag": false}""";

    private static final String USERS = """
            {"user": {"id": 1, "email": "John.Stiles@example.com"},
             "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
             "actions": ["GET", "PUT", "DELETE"],
             "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}""";

    private static final String APACHE_404 =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";
    private static final String APACHE_200 =
            "127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 4355";

    static Stream<Arguments> table() {
        return Stream.of(
                // Everything
                arguments("", "anything at all", true),
                arguments("   ", "anything at all", true),
                arguments("\" \"", "nospaces", true),
                // Terms: substring, case-sensitive, all must appear
                arguments("ERROR", "[ERROR] A fatal exception has occurred", true),
                arguments("ERROR", "Exiting with ERRORCODE: -1", true),
                arguments("ERROR", "error: lower case", false),
                arguments("ERROR Exception", "[ERROR] Caught IllegalArgumentException", true),
                arguments("ERROR Exception", "[ERROR] Unhandled problem", false),
                arguments("Failed to process the request", "[WARN] Failed to process the request", true),
                arguments("Failed to process the request", "[WARN] the request to process Failed", true),
                // Quoted phrases are exact
                arguments("\"Failed to process\"", "[WARN] Failed to process the request", true),
                arguments("\"Failed to process\"", "[WARN] request to process Failed", false),
                arguments("\"ERROR:\"", "ERROR: disk full", true),
                arguments("\"say \\\"hi\\\"\"", "they say \"hi\" here", true),
                // Exclusions
                arguments("ERROR -WARN", "ERROR message", true),
                arguments("ERROR -WARN", "ERROR WARN message", false),
                arguments("\"ERROR\" - \"Exiting\"", "Exiting with ERRORCODE: -1", false),
                arguments("\"ERROR\" - \"Exiting\"", "[ERROR] A fatal exception has occurred", true),
                arguments("-DEBUG", "INFO started", true),
                arguments("-DEBUG", "DEBUG details", false),
                // ? alternatives
                arguments("?ERROR ?WARN", "ERROR WARN message", true),
                arguments("?ERROR ?WARN", "ERROR message", true),
                arguments("?ERROR ?WARN", "WARN message", true),
                arguments("?ERROR ?WARN", "INFO message", false),
                arguments("?\"ERROR\" \"MainThread\" ?\"WARN\" \"Deadlock\"", "WARN Deadlock in pool", true),
                arguments("?\"ERROR\" \"MainThread\" ?\"WARN\" \"Deadlock\"", "ERROR in MainThread", true),
                arguments("?\"ERROR\" \"MainThread\" ?\"WARN\" \"Deadlock\"", "ERROR in worker", false),
                // Regular expressions
                arguments("%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true),
                arguments("%[Ee]rror|[Ff]ail%", "a Failure happened", true),
                arguments("%\\d{3}\\.\\d+%", "no digits here", false),
                // JSON: strings
                arguments("{ $.eventType = \"UpdateTrail\" }", CLOUDTRAIL, true),
                arguments("{ $.eventType = UpdateTrail }", CLOUDTRAIL, true),
                arguments("{$.eventType=\"UpdateTrail\"}", CLOUDTRAIL, true),
                arguments("{ $.eventType = \"updatetrail\" }", CLOUDTRAIL, false),
                arguments("{ $.eventType != \"UpdateTrail\" }", CLOUDTRAIL, false),
                arguments("{ $.sourceIPAddress != 123.123.* }", CLOUDTRAIL, true),
                arguments("{ $.sourceIPAddress = 111.111.* }", CLOUDTRAIL, true),
                arguments("{ $.eventType = \"*Trail\" }", CLOUDTRAIL, true),
                arguments("{ $.eventType = \"Update*\" }", CLOUDTRAIL, true),
                arguments("{ $.eventType = \"*dateTr*\" }", CLOUDTRAIL, true),
                arguments("{ $.eventType = \"Up*Trail\" }", CLOUDTRAIL, false),
                arguments("{ $.eventType = * }", CLOUDTRAIL, true),
                arguments("{ $.missing = * }", CLOUDTRAIL, false),
                arguments("{ $.missing != \"x\" }", CLOUDTRAIL, false),
                arguments("{ $.eventType = %Update.*% }", CLOUDTRAIL, true),
                // JSON: arrays, nesting, containers
                arguments("{ $.arrayKey[0] = \"value\" }", CLOUDTRAIL, true),
                arguments("{ $.arrayKey[1] = \"value\" }", CLOUDTRAIL, false),
                arguments("{ $.objectList[1].id = 2 }", CLOUDTRAIL, true),
                arguments("{ $.objectList[5].id = 2 }", CLOUDTRAIL, false),
                arguments("{ $.eventType[0] = \"UpdateTrail\" }", CLOUDTRAIL, false),
                arguments("{ $.arrayKey = \"value\" }", CLOUDTRAIL, false),
                arguments("{ $.arrayKey != \"value\" }", CLOUDTRAIL, false),
                arguments("{ $.coordinates[0][1] = 1 }", USERS, true),
                // JSON: null, existence, booleans
                arguments("{ $.SomeObject IS NULL }", CLOUDTRAIL, true),
                arguments("{ $.eventType IS NULL }", CLOUDTRAIL, false),
                arguments("{ $.SomeOtherObject NOT EXISTS }", CLOUDTRAIL, true),
                arguments("{ $.SomeObject NOT EXISTS }", CLOUDTRAIL, false),
                arguments("{ $.ThisFlag IS TRUE }", CLOUDTRAIL, true),
                arguments("{ $.ThisFlag IS FALSE }", CLOUDTRAIL, false),
                arguments("{ $.OtherFlag IS FALSE }", CLOUDTRAIL, true),
                arguments("{ $.eventType IS TRUE }", CLOUDTRAIL, false),
                // JSON: numbers
                arguments("{ $.latency > 100 }", "{\"latency\": 150}", true),
                arguments("{ $.latency > 100 }", "{\"latency\": 100}", false),
                arguments("{ $.latency >= 100 }", "{\"latency\": 100}", true),
                arguments("{ $.latency < 100 }", "{\"latency\": 99.5}", true),
                arguments("{ $.latency <= 55.5 }", "{\"latency\": 55.5}", true),
                arguments("{ $.latency > +1000 }", "{\"latency\": 999}", false),
                arguments("{ $.numbers[0] < 10e3 }", "{\"numbers\": [9999]}", true),
                arguments("{ $.numbers[0] < 10e-3 }", "{\"numbers\": [0.5]}", false),
                arguments("{ $.errorCode = 400 }", "{\"errorCode\": 400}", true),
                arguments("{ $.errorCode = 400 }", "{\"errorCode\": 400.0}", true),
                arguments("{ $.errorCode != 500 }", "{\"errorCode\": 400}", true),
                arguments("{ $.latency > 100 }", "{\"latency\": \"slow\"}", false),
                // JSON: && || and parentheses (&& binds tighter)
                arguments("{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }", USERS, true),
                arguments("{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }", USERS, false),
                arguments("{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }", USERS, true),
                arguments("{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }", USERS, false),
                arguments("{ $.level = \"ERROR\" || $.level = \"WARN\" }", "{\"level\":\"WARN\",\"msg\":\"x\"}", true),
                // JSON patterns never match text events
                arguments("{ $.level = \"ERROR\" }", "level ERROR not json", false),
                arguments("{ $.level = \"ERROR\" }", "{ broken json", false),
                arguments("{ $.glue_lab_metric = \"run\" }", "{\"glue_lab_metric\":\"run\",\"rowsRead\":3}", true),
                // Space-delimited
                arguments("[ip, user, username, timestamp, request, status_code, bytes]", APACHE_404, true),
                arguments("[ip, user, username, timestamp, request, status_code]", APACHE_404, false),
                arguments("[..., status_code, bytes]", APACHE_404, true),
                arguments("[ip, user, ..., status_code, bytes]", APACHE_404, true),
                arguments("[ip, user, ...]", APACHE_404, true),
                arguments("[ip, user, username, timestamp, request, status_code = 4*, bytes]", APACHE_404, true),
                arguments("[ip, user, username, timestamp, request, status_code = 4*, bytes]", APACHE_200, false),
                arguments("[ip, user, username, timestamp, request, status_code = 200, bytes > 4000]", APACHE_200, true),
                arguments("[ip, user, username, timestamp, request, status_code, bytes > 4000]", APACHE_404, false),
                arguments("[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]", APACHE_404, true),
                arguments("[..., request=*.html*, status_code=4*,]", "a \"GET /index.html HTTP/1.0\" 404", true),
                arguments("[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]", APACHE_404, true),
                arguments("[w1=ERROR, w2]", "ERROR message", true),
                arguments("[w1=ERROR, w2]", "WARN message", false),
                arguments("[w1=ERROR || w1=WARN, w2]", "WARN message", true),
                arguments("[w1=ERROR || w1=WARN, w2]", "INFO message", false),
                arguments("[w1, w2, w3]", "ERROR WARN message", true),
                arguments("[timestamp, level = %^(WARN|ERROR)$%, ...]", "2024-01-01 ERROR boom", true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("table")
    void aPatternMatchesTheEventsAwsDocumentsItToMatch(String pattern, String message, boolean matches) {
        assertThat(FilterPattern.parse(pattern).matches(message)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ERROR:", "email@example.com", "/aws/lambda", "\"\"", "\"unterminated", "?", "-",
            "{ $.level = \"ERROR\"", "$.level = \"ERROR\" }", "{ }", "{ level = \"ERROR\" }", "{ $. = 1 }",
            "{ $.level }", "{ $.level == \"ERROR\" }", "{ $.latency > fast }", "{ $.a = 1 && }",
            "{ ($.a = 1 }", "{ $.a IS MAYBE }", "{ $.a NOT THERE }", "{ $.a[x] = 1 }", "{ $.a = 1 $.b = 2 }",
            "[ip, user", "[]", "[a, ..., b, ...]", "[a, , b]", "[status => 3]", "[a = 1 && b = 2]",
            "%unclosed", "%(%", "{ $.a = %(% }"})
    void aMalformedPatternIsRefused(String pattern) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern)).isInstanceOf(InvalidFilterPatternException.class);
    }

    @Test
    void fieldsOfASpaceDelimitedEventKeepQuotedAndBracketedTextWhole() {
        assertThat(SpaceDelimitedPattern.fields(APACHE_404)).containsExactly(
                "127.0.0.1", "-", "frank", "10/Oct/2000:13:25:15 -0700", "GET /index.html HTTP/1.0", "404", "1534");
    }
}
