package gluelab.glue.worker;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import gluelab.glue.spi.BookmarkOption;

/** The {@code run} command of the worker protocol (lib/README.md, "Glue worker protocol"). */
record RunCommand(String runId, String jobName, int attempt, String className, List<String> jars,
                  boolean userJarsFirst, List<String> args, AwsSettings aws,
                  BookmarkOption bookmarkOption, String bookmarkState) {

    /** Where the run's AWS calls go and as whom. {@code endpoint} null means the SDK default. */
    record AwsSettings(String endpoint, String region, String accessKeyId, String secretAccessKey, String sessionToken) {
        static AwsSettings parse(JsonNode node) {
            return new AwsSettings(text(node, "endpoint"), text(node, "region") == null ? "us-east-1" : text(node, "region"),
                    text(node, "accessKeyId"), text(node, "secretAccessKey"), text(node, "sessionToken"));
        }
    }

    static RunCommand parse(JsonNode node) {
        String runId = require(node, "runId");
        List<String> jars = new ArrayList<>();
        node.path("jars").forEach(j -> jars.add(j.asText()));
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + ": \"jars\" is empty (the job jar comes first)");
        }
        List<String> args = new ArrayList<>();
        node.path("args").forEach(a -> args.add(a.asText()));
        JsonNode bookmark = node.path("bookmark");
        String option = text(bookmark, "option");
        if (option == null) {
            int i = args.indexOf("--job-bookmark-option");
            option = i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
        }
        return new RunCommand(runId, text(node, "jobName") == null ? runId : text(node, "jobName"),
                node.path("attempt").asInt(0), require(node, "className"), jars,
                node.path("userJarsFirst").asBoolean(false), args, AwsSettings.parse(node.path("aws")),
                BookmarkOption.parse(option), text(bookmark, "state"));
    }

    private static String require(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("run command without \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
