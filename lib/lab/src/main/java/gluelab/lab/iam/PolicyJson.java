package gluelab.lab.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * IAM policy documents as a learner would write them in the console's JSON editor: a trust policy naming the service
 * that may take on a role, and permission statements of actions on resources. Printed with two-space indents so a
 * notebook can show exactly what it sends.
 * <pre>
 * String trust = PolicyJson.trust("glue.amazonaws.com");
 * String data = PolicyJson.of(PolicyJson.allow("s3:GetObject", "s3:ListBucket").on("arn:aws:s3:::lab01-raw", "arn:aws:s3:::lab01-raw/*"));
 * </pre>
 */
public final class PolicyJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String VERSION = "2012-10-17";

    private PolicyJson() {
    }

    /** One Allow or Deny statement, built as {@code allow(actions…).on(resources…)}. */
    public record Statement(String effect, List<String> actions, List<String> resources) {

        public Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }

        public Statement on(String... resources) {
            return new Statement(effect, actions, List.of(resources));
        }

        ObjectNode toJson() {
            ObjectNode statement = JSON.createObjectNode();
            statement.put("Effect", effect);
            statement.set("Action", list(actions));
            statement.set("Resource", list(resources));
            return statement;
        }
    }

    public static Statement allow(String... actions) {
        return new Statement("Allow", List.of(actions), List.of("*"));
    }

    public static Statement deny(String... actions) {
        return new Statement("Deny", List.of(actions), List.of("*"));
    }

    /** A permission policy of these statements. */
    public static String of(Statement... statements) {
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", VERSION);
        ArrayNode list = document.putArray("Statement");
        for (Statement statement : statements) {
            list.add(statement.toJson());
        }
        return write(document);
    }

    /** A trust policy that lets {@code servicePrincipal} (e.g. {@code glue.amazonaws.com}) assume the role. */
    public static String trust(String servicePrincipal) {
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", VERSION);
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", servicePrincipal);
        statement.put("Action", "sts:AssumeRole");
        return write(document);
    }

    /** The ARNs a statement needs to cover a bucket and every object in it. */
    public static List<String> bucketAndObjects(String bucket) {
        List<String> arns = new ArrayList<>();
        arns.add("arn:aws:s3:::" + bucket);
        arns.add("arn:aws:s3:::" + bucket + "/*");
        return arns;
    }

    private static com.fasterxml.jackson.databind.JsonNode list(List<String> values) {
        if (values.size() == 1) {
            return JSON.getNodeFactory().textNode(values.get(0));
        }
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String write(ObjectNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
