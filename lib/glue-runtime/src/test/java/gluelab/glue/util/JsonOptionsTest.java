package gluelab.glue.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class JsonOptionsTest {

    @Test
    void optionsReadGlueStyleJsonTextWithExclusionsAsAJsonListInAString() {
        JsonOptions options = new JsonOptions("{\"paths\": [\"s3://raw/a/\", \"s3://raw/b/\"], \"recurse\": true,"
                + " \"exclusions\": \"[\\\"**.json\\\", \\\"**/_tmp/**\\\"]\"}");

        assertEquals(List.of("s3://raw/a/", "s3://raw/b/"), options.getStringList("paths"));
        assertTrue(options.getBoolean("recurse", false));
        assertEquals(List.of("**.json", "**/_tmp/**"), options.getStringList("exclusions"), "Glue passes exclusions as a JSON list in a string");
    }

    @Test
    void optionsBuiltFromJavaValuesWriteTheSameJson() {
        JsonOptions options = JsonOptions.of("path", "s3://out/", "partitionKeys", List.of("year", "month"));

        assertEquals("s3://out/", options.getString("path", null));
        assertEquals(List.of("year", "month"), options.getStringList("partitionKeys"));
        assertEquals("{\"path\":\"s3://out/\",\"partitionKeys\":[\"year\",\"month\"]}", options.toJson());
    }
}
