package gluelab.glue.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GlueArgParserTest {

    private static final String[] GLUE_ARGS = {"--JOB_NAME", "orders-etl", "--JOB_RUN_ID", "jr_1",
            "--job-bookmark-option", "job-bookmark-enable", "--input_key", "raw/a.csv", "--limit=10"};

    @Test
    void getResolvedOptionsResolvesTheNamesAskedForWithoutDashesInTheOrderAsked() {
        Map<String, String> args = GlueArgParser.getResolvedOptions(GLUE_ARGS, new String[] {"input_key", "JOB_NAME", "limit"});

        assertEquals(Map.of("input_key", "raw/a.csv", "JOB_NAME", "orders-etl", "limit", "10"), args);
        assertEquals(java.util.List.of("input_key", "JOB_NAME", "limit"), java.util.List.copyOf(args.keySet()));
    }

    @Test
    void everyNameIsRequiredAndAMissingOneIsNamedInTheError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GlueArgParser.getResolvedOptions(GLUE_ARGS, new String[] {"JOB_NAME", "output_path", "--table"}));

        assertEquals("the following arguments are required: --output_path, --table", error.getMessage().replaceAll(" \\(job arguments.*", ""));
    }

    @Test
    void aValueMayLookLikeANegativeNumber() {
        assertEquals("-5", GlueArgParser.getResolvedOptions(new String[] {"--offset", "-5"}, new String[] {"offset"}).get("offset"));
    }
}
