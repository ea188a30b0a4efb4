package gluelab.cloud.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A policy in the IAM policy language, read and checked as AWS checks it when the policy is stored, so a document
 * AWS refuses is refused here with AWS's words. The same language serves three kinds of policy, which differ in
 * what a statement must and must not name.
 */
public final class PolicyDocument {

    /** What the policy is attached to, which decides the elements its statements must have. */
    public enum Kind {
        /** A role's (or user's) permissions: no Principal; Action and Resource required. */
        IDENTITY,
        /** A role's trust policy: Principal required; no Resource (the role is the resource). */
        TRUST,
        /** A resource's policy (bucket, queue, function): Principal, Action and Resource required. */
        RESOURCE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9\\-.]+");
    private static final Pattern AWS_PRINCIPAL = Pattern.compile(
            "\\*|\\d{12}|arn:aws[a-z-]*:(iam|sts)::\\d{12}:(root|(role|user|assumed-role|federated-user)/\\S+)");
    static final String CURRENT_VERSION = "2012-10-17";
    static final String OLD_VERSION = "2008-10-17";

    private final String text;
    private final Kind kind;
    private final String version;
    private final List<Statement> statements;

    private PolicyDocument(String text, Kind kind, String version, List<Statement> statements) {
        this.text = text;
        this.kind = kind;
        this.version = version;
        this.statements = List.copyOf(statements);
    }

    /**
     * The policy of a resource that can have one but has none yet (a function no one was granted): it allows nothing,
     * so a caller that only a resource policy could admit (an AWS service principal) is refused.
     */
    public static PolicyDocument none(Kind kind) {
        return new PolicyDocument("", kind, CURRENT_VERSION, List.of());
    }

    /** Reads and checks a policy, or says (in AWS's words) why AWS would refuse it. */
    public static PolicyDocument parse(String text, Kind kind) throws MalformedPolicyException {
        JsonNode root;
        try {
            root = text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntax();
        }
        if (root == null || !root.isObject()) {
            throw syntax();
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!TOP_ELEMENTS.contains(names.next())) {
                throw syntax();
            }
        }
        JsonNode versionNode = root.get("Version");
        if (versionNode != null && (!versionNode.isTextual()
                || !(versionNode.asText().equals(CURRENT_VERSION) || versionNode.asText().equals(OLD_VERSION)))) {
            throw syntax();
        }
        if (root.has("Id") && !root.get("Id").isTextual()) {
            throw syntax();
        }
        String version = versionNode == null ? null : versionNode.asText();
        if (kind == Kind.IDENTITY && !CURRENT_VERSION.equals(version)) {
            throw new MalformedPolicyException("Policy document must be version 2012-10-17 or greater.");
        }
        JsonNode statementNode = root.get("Statement");
        List<JsonNode> statementNodes = new ArrayList<>();
        if (statementNode != null && statementNode.isObject()) {
            statementNodes.add(statementNode);
        } else if (statementNode != null && statementNode.isArray() && !statementNode.isEmpty()) {
            statementNode.forEach(statementNodes::add);
        } else {
            throw syntax();
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (JsonNode node : statementNodes) {
            Statement statement = statement(node, kind);
            if (statement.sid() != null && !statement.sid().isEmpty() && !sids.add(statement.sid())) {
                throw new MalformedPolicyException("Statement IDs (SID) in a single policy must be unique.");
            }
            statements.add(statement);
        }
        return new PolicyDocument(text, kind, version, statements);
    }

    private static Statement statement(JsonNode node, Kind kind) throws MalformedPolicyException {
        if (!node.isObject()) {
            throw syntax();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!STATEMENT_ELEMENTS.contains(names.next())) {
                throw syntax();
            }
        }
        if (node.has("Action") && node.has("NotAction") || node.has("Resource") && node.has("NotResource")
                || node.has("Principal") && node.has("NotPrincipal")) {
            throw syntax();
        }
        JsonNode effectNode = node.get("Effect");
        if (effectNode == null || !effectNode.isTextual()
                || !(effectNode.asText().equals("Allow") || effectNode.asText().equals("Deny"))) {
            throw syntax();
        }
        String sid = null;
        if (node.has("Sid")) {
            if (!node.get("Sid").isTextual()) {
                throw syntax();
            }
            sid = node.get("Sid").asText();
        }
        boolean notPrincipal = node.has("NotPrincipal");
        JsonNode principalNode = node.get(notPrincipal ? "NotPrincipal" : "Principal");
        Map<String, List<String>> principals = principalNode == null ? Map.of() : principals(principalNode);
        boolean notAction = node.has("NotAction");
        List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"));
        boolean notResource = node.has("NotResource");
        List<String> resources = strings(node.get(notResource ? "NotResource" : "Resource"));
        List<Condition> conditions = conditions(node.get("Condition"));

        if (kind == Kind.IDENTITY && !principals.isEmpty()) {
            throw new MalformedPolicyException("Policy document should not specify a principal.");
        }
        if (kind != Kind.IDENTITY && principals.isEmpty()) {
            throw new MalformedPolicyException("Missing required field Principal");
        }
        if (actions == null || actions.isEmpty()) {
            throw new MalformedPolicyException("Policy statement must contain actions.");
        }
        if (kind == Kind.TRUST && resources != null) {
            throw new MalformedPolicyException("Has prohibited field Resource");
        }
        if (kind != Kind.TRUST && (resources == null || resources.isEmpty())) {
            throw new MalformedPolicyException("Policy statement must contain resources.");
        }
        if (resources != null) {
            for (String resource : resources) {
                checkResource(resource);
            }
        }
        for (String action : actions) {
            checkAction(action);
        }
        return new Statement(sid, effectNode.asText().equals("Allow") ? Effect.ALLOW : Effect.DENY, principals,
                notPrincipal, actions, notAction, resources, notResource, conditions);
    }

    private static Map<String, List<String>> principals(JsonNode node) throws MalformedPolicyException {
        Map<String, List<String>> principals = new LinkedHashMap<>();
        if (node.isTextual()) {
            if (!node.asText().equals("*")) {
                throw syntax();
            }
            principals.put("*", List.of("*"));
            return principals;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw syntax();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!PRINCIPAL_TYPES.contains(field.getKey())) {
                throw syntax();
            }
            List<String> values = strings(field.getValue());
            if (values == null || values.isEmpty()) {
                throw syntax();
            }
            for (String value : values) {
                if (field.getKey().equals("AWS") && !AWS_PRINCIPAL.matcher(value).matches()) {
                    throw new MalformedPolicyException("Invalid principal in policy: \"AWS\":\"" + value + "\"");
                }
                if (field.getKey().equals("Service") && !value.matches("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?")) {
                    throw new MalformedPolicyException("Invalid principal in policy: \"SERVICE\":\"" + value + "\"");
                }
            }
            principals.put(field.getKey(), values);
        }
        return principals;
    }

    private static List<Condition> conditions(JsonNode node) throws MalformedPolicyException {
        List<Condition> conditions = new ArrayList<>();
        if (node == null) {
            return conditions;
        }
        if (!node.isObject()) {
            throw syntax();
        }
        for (Iterator<Map.Entry<String, JsonNode>> operators = node.fields(); operators.hasNext(); ) {
            Map.Entry<String, JsonNode> operator = operators.next();
            if (!operator.getValue().isObject()) {
                throw syntax();
            }
            if (!Condition.isKnownOperator(operator.getKey())) {
                if (operator.getValue().isEmpty()) {
                    continue;
                }
                throw syntax();
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                List<String> values = conditionValues(key.getValue());
                conditions.add(new Condition(operator.getKey(), key.getKey(), values));
            }
        }
        return conditions;
    }

    /** Condition values may be strings, numbers or booleans, alone or in a list; all compare as text. */
    private static List<String> conditionValues(JsonNode node) throws MalformedPolicyException {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    throw syntax();
                }
                values.add(item.asText());
            }
        } else if (node.isValueNode() && !node.isNull()) {
            values.add(node.asText());
        } else {
            throw syntax();
        }
        return values;
    }

    /** A string or a list of strings; null when the element is absent. */
    private static List<String> strings(JsonNode node) throws MalformedPolicyException {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw syntax();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw syntax();
            }
            values.add(item.asText());
        }
        return values;
    }

    private static void checkAction(String action) throws MalformedPolicyException {
        if (action.equals("*")) {
            return;
        }
        String[] parts = action.split(":", -1);
        if (parts.length == 1) {
            throw new MalformedPolicyException("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        }
        if (parts.length > 2) {
            throw new MalformedPolicyException("Actions/Condition can contain only one colon.");
        }
        if (!parts[0].equals("*") && !VENDOR.matcher(parts[0]).matches()) {
            throw new MalformedPolicyException("Vendor " + parts[0] + " is not valid");
        }
    }

    private static void checkResource(String resource) throws MalformedPolicyException {
        if (resource.equals("*")) {
            return;
        }
        String[] parts = resource.split(":", 6);
        if (parts.length < 2 || !parts[0].equals("arn")) {
            throw new MalformedPolicyException("Resource " + resource + " must be in ARN format or \"*\".");
        }
        if (!parts[1].startsWith("aws")) {
            throw new MalformedPolicyException("Partition \"" + parts[1] + "\" is not valid for resource \"" + resource + "\".");
        }
        if (parts.length < 3 || parts[2].isEmpty() || parts[2].contains("*") || parts[2].contains("?")) {
            throw new MalformedPolicyException("Resource vendor must be fully qualified and cannot contain regexes.");
        }
        String region = parts.length > 3 ? parts[3] : "";
        if (parts[2].equals("iam") && !region.isEmpty()) {
            throw new MalformedPolicyException("IAM resource " + resource + " cannot contain region information.");
        }
        if (parts[2].equals("s3") && !region.isEmpty()) {
            throw new MalformedPolicyException("Resource " + resource + " can not contain region information.");
        }
    }

    private static MalformedPolicyException syntax() {
        return new MalformedPolicyException("Syntax errors in policy.");
    }

    /** The document exactly as it was given, which is what IAM stores and returns. */
    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code 2012-10-17}, {@code 2008-10-17}, or null when the document names none. */
    public String version() {
        return version;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** Whether any statement grants access to the public (see {@link Statement#grantsPublicAccess()}). */
    public boolean grantsPublicAccess() {
        return statements.stream().anyMatch(Statement::grantsPublicAccess);
    }

    /** Every role or account ARN the policy names as an AWS principal, for IAM's check that they exist. */
    public List<String> awsPrincipals() {
        List<String> names = new ArrayList<>();
        for (Statement statement : statements) {
            names.addAll(statement.principals().getOrDefault("AWS", List.of()));
        }
        return names;
    }
}
