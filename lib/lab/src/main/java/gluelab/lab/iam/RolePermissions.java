package gluelab.lab.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What a role's inline policies say its sessions may do, read back from IAM as a check cell reads a learner's work:
 * {@code RolePermissions.of(iam, "lab03-glue-job").allows("s3:PutObject", "arn:aws:s3:::lab03-raw/x")}.
 * <p>
 * It reads the policies the way IAM's evaluation does for one identity: an explicit Deny wins, else an Allow whose
 * {@code Action} and {@code Resource} match (with {@code *} and {@code ?} wildcards, actions case-insensitively),
 * else the request is implicitly denied. It does not evaluate conditions (a statement with a {@code Condition} counts
 * as not matching) nor managed policies: checks use it on the inline policy a notebook wrote.
 */
public final class RolePermissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> documents;

    private RolePermissions(List<JsonNode> documents) {
        this.documents = List.copyOf(documents);
    }

    /** The inline policies of {@code roleName}, as IAM returns them ({@code GetRolePolicy}, URL-encoded documents). */
    public static RolePermissions of(IamClient iam, String roleName) {
        List<String> documents = new ArrayList<>();
        for (String policyName : iam.listRolePolicies(r -> r.roleName(roleName)).policyNames()) {
            String encoded = iam.getRolePolicy(r -> r.roleName(roleName).policyName(policyName)).policyDocument();
            documents.add(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        }
        return fromDocuments(documents);
    }

    /** Policies given as JSON documents. */
    public static RolePermissions fromDocuments(List<String> documents) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String document : documents) {
            try {
                parsed.add(JSON.readTree(document));
            } catch (IOException e) {
                throw new UncheckedIOException("not a policy document: " + e.getMessage(), e);
            }
        }
        return new RolePermissions(parsed);
    }

    /** Whether a session of the role may perform {@code action} (e.g. {@code s3:PutObject}) on {@code resourceArn}. */
    public boolean allows(String action, String resourceArn) {
        boolean allowed = false;
        for (JsonNode document : documents) {
            for (JsonNode statement : list(document.path("Statement"))) {
                if (!statement.path("Condition").isMissingNode() || !matches(statement, action, resourceArn)) {
                    continue;
                }
                if ("Deny".equals(statement.path("Effect").asText())) {
                    return false;
                }
                allowed |= "Allow".equals(statement.path("Effect").asText());
            }
        }
        return allowed;
    }

    private static boolean matches(JsonNode statement, String action, String resource) {
        boolean actionMatches = statement.has("NotAction")
                ? list(statement.path("NotAction")).stream().noneMatch(a -> wildcard(a.asText(), action, true))
                : list(statement.path("Action")).stream().anyMatch(a -> wildcard(a.asText(), action, true));
        boolean resourceMatches = statement.has("NotResource")
                ? list(statement.path("NotResource")).stream().noneMatch(r -> wildcard(r.asText(), resource, false))
                : list(statement.path("Resource")).stream().anyMatch(r -> wildcard(r.asText(), resource, false));
        return actionMatches && resourceMatches;
    }

    private static boolean wildcard(String pattern, String value, boolean ignoreCase) {
        String wanted = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        StringBuilder regex = new StringBuilder();
        for (char c : wanted.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return (ignoreCase ? value.toLowerCase(Locale.ROOT) : value).matches(regex.toString());
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            items.add(node);
        }
        return items;
    }
}
