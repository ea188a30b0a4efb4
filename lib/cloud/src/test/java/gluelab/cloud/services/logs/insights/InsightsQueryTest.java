package gluelab.cloud.services.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Logs Insights query language, case by case, each tied to the section of "CloudWatch Logs Insights language
 * query syntax" (docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html) it comes from. Rows are
 * written {@code field=value; …} without {@code @ptr}.
 */
class InsightsQueryTest {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    /** A Glue driver's output for two runs, newest first (the order the service hands events over in). */
    private static List<Map<String, Object>> events() {
        List<Map<String, Object>> events = new ArrayList<>();
        String[][] lines = {
                {"jr_1", "0", "INFO GlueJob: rows read: 120"},
                {"jr_1", "30000", "WARN GlueJob: rejected rows: 3 (reason=missing id)"},
                {"jr_1", "60000", "INFO GlueJob: rows written: 117"},
                {"jr_2", "120000", "INFO GlueJob: rows read: 80"},
                {"jr_2", "330000", "ERROR GlueJob: write failed: Access Denied"},
                {"jr_2", "400000", "INFO GlueJob: rows written: 0"},
        };
        for (String[] line : lines) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put(Fields.TIMESTAMP, T0.plusMillis(Long.parseLong(line[1])));
            event.put(Fields.MESSAGE, line[2]);
            event.put(Fields.LOG_STREAM, line[0]);
            event.put(Fields.LOG, "000000000000:/aws-glue/jobs/output");
            event.put(Fields.POINTER, "ptr-" + line[1]);
            events.add(0, event);
        }
        return events;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // "fields": the fields shown, computed with functions, renamed with as.
                Arguments.of("fields", "fields @logStream, strlen(@message) as length | limit 2",
                        List.of("@logStream=jr_2; length=29", "@logStream=jr_2; length=42")),
                Arguments.of("fields + string functions", "fields toupper(@logStream) as s, concat(@logStream, '/', 'x') as c,"
                                + " tolower('ABC') as l, trim('  a  ') as t | limit 1",
                        List.of("s=JR_2; c=jr_2/x; l=abc; t=a")),
                Arguments.of("fields + numeric functions", "fields abs(-3) as a, ceil(2.1) as c, floor(2.9) as f, 7 % 4 as m,"
                                + " 10 / 4 as d | limit 1",
                        List.of("a=3; c=3; f=2; m=3; d=2.5")),
                // "filter": comparison operators, like with a string and with a regex, in, and/or/not.
                Arguments.of("filter like string", "filter @message like 'WARN' | fields @message",
                        List.of("@message=WARN GlueJob: rejected rows: 3 (reason=missing id)")),
                Arguments.of("filter like regex", "filter @message like /(?i)error|warn/ | fields @logStream",
                        List.of("@logStream=jr_2", "@logStream=jr_1")),
                Arguments.of("filter not like", "filter @message not like /INFO/ and @logStream = 'jr_1' | fields @message",
                        List.of("@message=WARN GlueJob: rejected rows: 3 (reason=missing id)")),
                Arguments.of("filter =~", "filter @message =~ /written: 0$/ | fields @logStream",
                        List.of("@logStream=jr_2")),
                Arguments.of("filter in", "filter @logStream in ['jr_1', 'jr_9'] and @message like 'read' | fields @message",
                        List.of("@message=INFO GlueJob: rows read: 120")),
                Arguments.of("filter not in / or", "filter @logStream not in ['jr_1'] and (@message like 'ERROR' or"
                                + " @message like 'read') | fields @message",
                        List.of("@message=ERROR GlueJob: write failed: Access Denied", "@message=INFO GlueJob: rows read: 80")),
                Arguments.of("filter comparison on parsed numbers", "parse @message 'rows read: *' as n | filter n > 100"
                                + " | fields n",
                        List.of("n=120")),
                Arguments.of("filter ispresent / not", "parse @message 'rejected rows: * (' as rejected"
                                + " | filter ispresent(rejected) | fields rejected",
                        List.of("rejected=3")),
                Arguments.of("filter not ispresent", "parse @message 'rejected rows: * (' as rejected"
                                + " | filter not ispresent(rejected) and @logStream = 'jr_1' | stats count(*) as others",
                        List.of("others=2")),
                // "parse": glob with *, regex with named groups; a non-matching event keeps going without the fields.
                Arguments.of("parse glob", "parse @message '* GlueJob: *' as level, text | filter level = 'ERROR'"
                                + " | fields level, text",
                        List.of("level=ERROR; text=write failed: Access Denied")),
                Arguments.of("parse regex", "parse @message /rows (?<verb>read|written): (?<rows_count>\\d+)/"
                                + " | filter @logStream = 'jr_1' and ispresent(verb) | sort @timestamp asc | fields verb, rows_count",
                        List.of("verb=read; rows_count=120", "verb=written; rows_count=117")),
                // "stats": aggregations, by fields and bin().
                Arguments.of("stats count by", "stats count(*) as events by @logStream | sort @logStream",
                        List.of("@logStream=jr_1; events=3", "@logStream=jr_2; events=3")),
                Arguments.of("stats sum/avg/min/max", "parse @message 'rows read: *' as n | stats sum(n) as total,"
                                + " avg(n) as mean, min(n) as least, max(n) as most, count(n) as runs",
                        List.of("total=200; mean=100; least=80; most=120; runs=2")),
                Arguments.of("stats count_distinct", "stats count_distinct(@logStream) as runs",
                        List.of("runs=2")),
                Arguments.of("stats earliest/latest", "stats earliest(@message) as first, latest(@message) as last by @logStream"
                                + " | sort @logStream | limit 1",
                        List.of("@logStream=jr_1; first=INFO GlueJob: rows read: 120; last=INFO GlueJob: rows written: 117")),
                Arguments.of("stats by bin(5m)", "stats count(*) by bin(5m) | sort bin(5m) asc",
                        List.of("bin(5m)=2026-05-01 12:00:00.000; count(*)=4", "bin(5m)=2026-05-01 12:05:00.000; count(*)=2")),
                Arguments.of("datefloor", "fields datefloor(@timestamp, 1h) as hour | limit 1",
                        List.of("hour=2026-05-01 12:00:00.000")),
                // "sort" and "limit".
                Arguments.of("sort desc + limit", "fields @timestamp | sort @timestamp desc | limit 1",
                        List.of("@timestamp=2026-05-01 12:06:40.000")),
                Arguments.of("sort asc", "fields @timestamp | sort @timestamp asc | limit 1",
                        List.of("@timestamp=2026-05-01 12:00:00.000")),
                // "display": only the fields named.
                Arguments.of("display", "fields @logStream, @message | display @logStream | limit 1",
                        List.of("@logStream=jr_2")),
                // Without fields or display, a query shows @timestamp and @message, newest first.
                Arguments.of("default fields", "filter @message like 'ERROR'",
                        List.of("@timestamp=2026-05-01 12:05:30.000; @message=ERROR GlueJob: write failed: Access Denied")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aQueryReturnsTheRowsTheDocumentedSyntaxDescribes(String section, String query, List<String> expected) {
        assertThat(rows(InsightsQuery.parse(query).run(events(), 10_000))).containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void rowsOfEventsCarryTheirPointerButStatsRowsDoNot() {
        InsightsQuery.Result events = InsightsQuery.parse("fields @logStream | limit 1").run(events(), 10);
        assertThat(events.rows().get(0).fields()).extracting(Map.Entry::getKey).containsExactly("@logStream", "@ptr");
        InsightsQuery.Result stats = InsightsQuery.parse("stats count(*)").run(events(), 10);
        assertThat(stats.rows().get(0).fields()).extracting(Map.Entry::getKey).containsExactly("count(*)");
    }

    @org.junit.jupiter.api.Test
    void recordsMatchedCountsTheEventsThatPassedTheFiltersBeforeStats() {
        InsightsQuery.Result result = InsightsQuery.parse("filter @logStream = 'jr_1' | stats count(*) by @logStream")
                .run(events(), 10);
        assertThat(result.recordsMatched()).isEqualTo(3);
        assertThat(InsightsQuery.parse("fields @message | limit 1").run(events(), 10).recordsMatched()).isEqualTo(6);
    }

    @org.junit.jupiter.api.Test
    void theRequestsLimitCapsTheRows() {
        assertThat(InsightsQuery.parse("fields @message").run(events(), 4).rows()).hasSize(4);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("fields @message | frobnicate x", "frobnicate", 18),
                Arguments.of("filter @message like", "<EOF>", 20),
                Arguments.of("stats nosuch(x)", "nosuch", 6),
                Arguments.of("fields strlen(@message, 2)", "strlen", 7),
                Arguments.of("fields nosuchfunction(@message)", "nosuchfunction", 7),
                Arguments.of("filter count(*) > 1", "count", 7),
                Arguments.of("stats sum(*)", "sum", 6),
                Arguments.of("stats (max(@timestamp) - min(@timestamp)) / 1000", "(", 6),
                Arguments.of("parse @message /no groups here/", "/no groups here/", 15),
                Arguments.of("parse @message 'a * b *' as one", "'a * b *'", 15),
                Arguments.of("limit 0", "0", 6),
                Arguments.of("limit 10001", "10001", 6),
                Arguments.of("limit 99999999999999999999999", "99999999999999999999999", 6),
                Arguments.of("fields 1.2.3", ".3", 10),
                Arguments.of("filter @message like /(unclosed/", "/(unclosed/", 21),
                Arguments.of("fields 'unterminated", "'unterminated", 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedQueryIsRefusedWithTheLocationOfItsFault(String query, String offending, int start) {
        assertThatThrownBy(() -> InsightsQuery.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.start()).isEqualTo(start);
                    assertThat(query.substring(e.start(), Math.min(query.length(), Math.max(e.end(), e.start()))))
                            .startsWith(offending.equals("<EOF>") ? "" : offending.substring(0, 1));
                    assertThat(e.getMessage()).contains("position " + (start + 1)).doesNotContain("Exception");
                });
    }

    @org.junit.jupiter.api.Test
    void anyMangledQueryEitherCompilesAndRunsOrIsRefusedAsMalformedNeverWorse() {
        java.util.Random random = new java.util.Random(23);
        List<String> seeds = cases().map(a -> (String) a.get()[1]).toList();
        String alphabet = "|()[]'\"/*,=<>!~ -+%^#`@.asbynotinlike0123456789fieldsparsestatssortlimitdisplayfilter";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder query = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(query.length() + 1);
                if (random.nextBoolean() && at < query.length()) {
                    query.deleteCharAt(at);
                } else {
                    query.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            InsightsQuery compiled;
            try {
                compiled = InsightsQuery.parse(query.toString());
            } catch (QuerySyntaxException refused) {
                assertThat(refused.start()).as(query.toString()).isBetween(0, query.length());
                assertThat(refused.end()).as(query.toString()).isBetween(refused.start(), query.length());
                continue;
            }
            compiled.run(events(), 100);
        }
    }

    private static List<String> rows(InsightsQuery.Result result) {
        return result.rows().stream().map(row -> row.fields().stream()
                        .filter(f -> !f.getKey().equals(Fields.POINTER))
                        .map(f -> f.getKey() + "=" + f.getValue()).collect(Collectors.joining("; ")))
                .toList();
    }
}
