package gluelab.cloud.services.dynamodb;

import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.n;
import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The expression language, rule by rule, through real requests: every condition rule decides a FilterExpression
 * over a table of one known item (the Scan counts 1 for true, 0 for false); every update rule is applied to a copy
 * of that item; and every validation error is answered with AWS's words.
 */
class DynamoDbExpressionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static DynamoDbClient ddb;
    private static final AtomicInteger COPIES = new AtomicInteger();

    /** The item every rule is tried on. */
    static final Map<String, AttributeValue> KNOWN = Map.ofEntries(
            Map.entry("pk", s("known")), Map.entry("sk", n("1")),
            Map.entry("n", n("5")), Map.entry("s", s("hello")), Map.entry("blank", s("")),
            Map.entry("l", AttributeValue.fromL(List.of(n("1"), s("two"), AttributeValue.fromM(Map.of("x", n("1")))))),
            Map.entry("m", AttributeValue.fromM(Map.of("a", AttributeValue.fromM(Map.of("b", s("deep")))))),
            Map.entry("ss", AttributeValue.fromSs(List.of("x", "y"))), Map.entry("ns", AttributeValue.fromNs(List.of("1", "2"))),
            Map.entry("bin", AttributeValue.fromB(SdkBytes.fromUtf8String("ab"))), Map.entry("flag", AttributeValue.fromBool(true)),
            Map.entry("nothing", AttributeValue.fromNul(true)), Map.entry("my-attr", s("dash")));

    @BeforeAll
    static void knownItem() {
        ddb = cloud.client(DynamoDbClient.builder());
        DynamoDbTablesTest.createAndWait(ddb, DynamoDbTablesTest.table("known").build());
        DynamoDbTablesTest.createAndWait(ddb, DynamoDbTablesTest.table("copies").build());
        ddb.putItem(r -> r.tableName("known").item(KNOWN));
    }

    @AfterAll
    static void closeClients() {
        ddb.close();
    }

    record Rule(String rule, String expression, Map<String, String> names, Map<String, AttributeValue> values,
                Object expected) {

        @Override
        public String toString() {
            return rule + ": " + expression;
        }
    }

    static Rule rule(String rule, String expression, Object expected, Object... placeholders) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < placeholders.length; i += 2) {
            if (((String) placeholders[i]).startsWith("#")) {
                names.put((String) placeholders[i], (String) placeholders[i + 1]);
            } else {
                values.put((String) placeholders[i], (AttributeValue) placeholders[i + 1]);
            }
        }
        return new Rule(rule, expression, names, values, expected);
    }

    static Stream<Rule> conditions() {
        return Stream.of(
                rule("= on numbers", "n = :v", true, ":v", n("5.0")),
                rule("<> on numbers", "n <> :v", false, ":v", n("5")),
                rule("< on numbers", "n < :v", true, ":v", n("10")),
                rule("<= on numbers", "n <= :v", true, ":v", n("5")),
                rule("> on numbers", "n > :v", false, ":v", n("5")),
                rule(">= on numbers", "n >= :v", true, ":v", n("5")),
                rule("< on strings by bytes", "s < :v", true, ":v", s("help")),
                rule("= on sets regardless of order", "ss = :v", true, ":v", AttributeValue.fromSs(List.of("y", "x"))),
                rule("a comparison across types is false", "s < :v", false, ":v", n("5")),
                rule("a comparison with a missing attribute is false", "absentattr = :v", false, ":v", n("5")),
                rule("<> with a missing attribute is true", "absentattr <> :v", true, ":v", n("5")),
                rule("IN", "n IN (:a, :b)", true, ":a", n("4"), ":b", n("5")),
                rule("BETWEEN", "n BETWEEN :lo AND :hi", true, ":lo", n("5"), ":hi", n("6")),
                rule("AND binds tighter than OR", "n = :five OR n = :six AND n = :six", true, ":five", n("5"), ":six", n("6")),
                rule("NOT binds tighter than AND", "NOT n = :six AND n = :five", true, ":five", n("5"), ":six", n("6")),
                rule("parentheses group", "(n = :five OR n = :six) AND n = :six", false, ":five", n("5"), ":six", n("6")),
                rule("keywords in any case", "n = :five and not n = :six", true, ":five", n("5"), ":six", n("6")),
                rule("attribute_exists on a nested path", "attribute_exists(m.a.b)", true),
                rule("attribute_not_exists", "attribute_not_exists(m.a.c)", true),
                rule("attribute_type", "attribute_type(ss, :t)", true, ":t", s("SS")),
                rule("attribute_type of NULL", "attribute_type(nothing, :t)", true, ":t", s("NULL")),
                rule("begins_with on a string", "begins_with(s, :p)", true, ":p", s("he")),
                rule("begins_with on a binary", "begins_with(bin, :p)", true, ":p", AttributeValue.fromB(SdkBytes.fromUtf8String("a"))),
                rule("contains on a string", "contains(s, :p)", true, ":p", s("ell")),
                rule("contains on a set", "contains(ss, :p)", true, ":p", s("y")),
                rule("contains on a list", "contains(l, :p)", true, ":p", s("two")),
                rule("size of a list", "size(l) = :three", true, ":three", n("3")),
                rule("size of a string", "size(s) > :four", true, ":four", n("4")),
                rule("a list index and a map key", "l[2].x = :one", true, ":one", n("1")),
                rule("a name placeholder", "#n = :v", true, "#n", "n", ":v", n("5")),
                rule("a placeholder for a name no path could spell", "#d = :v", true, "#d", "my-attr", ":v", s("dash")),
                rule("an empty string compares", "blank = :e", true, ":e", s("")),
                rule("BOOL equality", "flag = :t", true, ":t", AttributeValue.fromBool(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void everyConditionRuleDecidesAsAwsDoes(Rule rule) {
        ScanRequest.Builder scan = ScanRequest.builder().tableName("known").filterExpression(rule.expression());
        if (!rule.names().isEmpty()) {
            scan.expressionAttributeNames(rule.names());
        }
        if (!rule.values().isEmpty()) {
            scan.expressionAttributeValues(rule.values());
        }
        assertThat(ddb.scan(scan.build()).count()).isEqualTo((Boolean) rule.expected() ? 1 : 0);
    }

    static Stream<Rule> updates() {
        return Stream.of(
                rule("SET a new attribute", "SET fresh = :v", "fresh=S:new", ":v", s("new")),
                rule("SET with +", "SET n = n + :one", "n=N:6", ":one", n("1")),
                rule("SET with -", "SET n = n - :one", "n=N:4", ":one", n("1")),
                rule("SET with list_append", "SET l = list_append(:first, l)", "l=L:4", ":first",
                        AttributeValue.fromL(List.of(s("zero")))),
                rule("SET with if_not_exists on a missing attribute", "SET fresh = if_not_exists(fresh, :v)", "fresh=N:0",
                        ":v", n("0")),
                rule("SET with if_not_exists on a present attribute", "SET n = if_not_exists(n, :v)", "n=N:5", ":v", n("0")),
                rule("SET a nested map key", "SET m.a.c = :v", "m.a.c=S:deeper", ":v", s("deeper")),
                rule("SET past a list's end appends", "SET l[10] = :v", "l=L:4", ":v", s("last")),
                rule("REMOVE an attribute", "REMOVE s", "s=absent"),
                rule("REMOVE a list element", "REMOVE l[0]", "l=L:2"),
                rule("ADD to a number", "ADD n :v", "n=N:7.5", ":v", n("2.5")),
                rule("ADD to a set", "ADD ss :v", "ss=SS:3", ":v", AttributeValue.fromSs(List.of("z"))),
                rule("ADD creates a set", "ADD tags :v", "tags=SS:1", ":v", AttributeValue.fromSs(List.of("z"))),
                rule("DELETE from a set", "DELETE ss :v", "ss=SS:1", ":v", AttributeValue.fromSs(List.of("x"))),
                rule("DELETE the last members removes the set", "DELETE ss :v", "ss=absent", ":v",
                        AttributeValue.fromSs(List.of("x", "y"))),
                rule("clauses in any order and case", "remove s set fresh = :v", "fresh=S:new", ":v", s("new")),
                rule("operands read the item before the update", "SET n = :v, o = n", "o=N:5", ":v", n("9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void everyUpdateRuleWritesAsAwsDoes(Rule rule) {
        Map<String, AttributeValue> copy = new HashMap<>(KNOWN);
        copy.put("pk", s("copy-" + COPIES.incrementAndGet()));
        ddb.putItem(r -> r.tableName("copies").item(copy));
        UpdateItemRequest.Builder update = UpdateItemRequest.builder().tableName("copies")
                .key(Map.of("pk", copy.get("pk"), "sk", copy.get("sk"))).updateExpression(rule.expression())
                .returnValues(ReturnValue.ALL_NEW);
        if (!rule.names().isEmpty()) {
            update.expressionAttributeNames(rule.names());
        }
        if (!rule.values().isEmpty()) {
            update.expressionAttributeValues(rule.values());
        }
        Map<String, AttributeValue> after = ddb.updateItem(update.build()).attributes();

        String[] expected = ((String) rule.expected()).split("=", 2);
        AttributeValue value = after.get(expected[0].split("\\.")[0]);
        for (String key : expected[0].split("\\.")) {
            if (!key.equals(expected[0].split("\\.")[0])) {
                value = value.m().get(key);
            }
        }
        if (expected[1].equals("absent")) {
            assertThat(value).isNull();
            return;
        }
        String[] typed = expected[1].split(":", 2);
        switch (typed[0]) {
            case "S" -> assertThat(value.s()).isEqualTo(typed[1]);
            case "N" -> assertThat(value.n()).isEqualTo(typed[1]);
            case "L" -> assertThat(value.l()).hasSize(Integer.parseInt(typed[1]));
            default -> assertThat(value.ss()).hasSize(Integer.parseInt(typed[1]));
        }
    }

    static Stream<Rule> errors() {
        return Stream.of(
                rule("a reserved word without a placeholder", "name = :v",
                        "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: name", ":v", s("x")),
                rule("a reserved word in any case", "Status = :v",
                        "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: Status", ":v", s("x")),
                rule("an undefined value", "n = :nope", "Invalid FilterExpression: An expression attribute value used in "
                        + "expression is not defined; attribute value: :nope", ":v", n("1")),
                rule("an undefined name", "#nope = :v", "Invalid FilterExpression: An expression attribute name used in "
                        + "the document path is not defined; attribute name: #nope", ":v", n("1")),
                rule("an unused value", "n = :v", "Value provided in ExpressionAttributeValues unused in expressions: "
                        + "keys: {:extra}", ":v", n("1"), ":extra", n("2")),
                rule("an unused name", "n = :v", "Value provided in ExpressionAttributeNames unused in expressions: "
                        + "keys: {#extra}", ":v", n("1"), "#extra", "x"),
                rule("a missing operand", "n = ", "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"= \""),
                rule("an unknown character", "n ! :v", "Invalid FilterExpression: Syntax error; token: \"!\", near: \"n !\"",
                        ":v", n("1")),
                rule("an unknown function", "foo(n)", "Invalid FilterExpression: Invalid function name; function: foo"),
                rule("a condition function as an operand", ":v = attribute_exists(n)", "Invalid FilterExpression: The "
                        + "function is not allowed to be used this way in an expression; function: attribute_exists", ":v", n("1")),
                rule("a function with too few operands", "begins_with(s)", "Invalid FilterExpression: Incorrect number of "
                        + "operands for operator or function; operator or function: begins_with, number of operands: 1"),
                rule("a function needing a path", "attribute_exists(:v)", "Invalid FilterExpression: Operator or function "
                        + "requires a document path; operator or function: attribute_exists", ":v", n("1")),
                rule("an unknown attribute type", "attribute_type(s, :t)", "Invalid FilterExpression: Invalid attribute "
                        + "type name found; type: X, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }", ":t", s("X")),
                rule("begins_with a number", "begins_with(s, :p)", "Invalid FilterExpression: Incorrect operand type for "
                        + "operator or function; operator or function: begins_with, operand type: N", ":p", n("1")),
                rule("BETWEEN with bounds reversed", "n BETWEEN :hi AND :lo", "Invalid FilterExpression: The BETWEEN "
                        + "operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
                        + "AttributeValue: {N:9}, upper bound operand: AttributeValue: {N:1}", ":hi", n("9"), ":lo", n("1")),
                rule("an empty set as a value", "ss = :v", "ExpressionAttributeValues contains invalid value: One or more "
                        + "parameter values were invalid: An string set  may not be empty for key :v", ":v",
                        AttributeValue.fromSs(List.of())),
                rule("a filter on the key", "pk = :v", null, ":v", s("known")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyInvalidConditionIsRefusedWithAwsWords(Rule rule) {
        ScanRequest.Builder scan = ScanRequest.builder().tableName("known").filterExpression(rule.expression());
        if (!rule.names().isEmpty()) {
            scan.expressionAttributeNames(rule.names());
        }
        if (!rule.values().isEmpty()) {
            scan.expressionAttributeValues(rule.values());
        }
        if (rule.expected() == null) {
            assertThat(ddb.scan(scan.build()).count()).as("a Scan may filter on key attributes").isEqualTo(1);
            return;
        }
        assertThatThrownBy(() -> ddb.scan(scan.build())).isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo(rule.expected()));
    }

    static Stream<Rule> updateErrors() {
        return Stream.of(
                rule("overlapping paths", "SET m.a = :v REMOVE m.a.b", "Invalid UpdateExpression: Two document paths "
                        + "overlap with each other; must remove or rewrite one of these paths; path one: [m, a], "
                        + "path two: [m, a, b]", ":v", s("x")),
                rule("one path twice", "SET a = :v, a = :v", "Invalid UpdateExpression: Two document paths overlap with "
                        + "each other; must remove or rewrite one of these paths; path one: [a], path two: [a]", ":v", s("x")),
                rule("a clause twice", "SET a = :v SET b = :v", "Invalid UpdateExpression: The \"SET\" section can only "
                        + "be used once in an update expression;", ":v", s("x")),
                rule("a key attribute", "SET pk = :v", "One or more parameter values were invalid: Cannot update attribute "
                        + "pk. This attribute is part of the key", ":v", s("x")),
                rule("a reserved word", "SET status = :v", "Invalid UpdateExpression: Attribute name is a reserved "
                        + "keyword; reserved keyword: status", ":v", s("x")),
                rule("arithmetic on a string", "SET s = s + :v", "An operand in the update expression has an incorrect "
                        + "data type", ":v", n("1")),
                rule("arithmetic on a missing attribute", "SET x = absentattr + :v", "The provided expression refers to an "
                        + "attribute that does not exist in the item", ":v", n("1")),
                rule("ADD of a string", "ADD s :v", "Invalid UpdateExpression: Incorrect operand type for operator or "
                        + "function; operator: ADD, operand type: STRING", ":v", s("x")),
                rule("a nested SET under a missing parent", "SET nowhere.deep = :v", "The document path provided in the "
                        + "update expression is invalid for update", ":v", s("x")),
                rule("a condition function in an update", "SET a = size(l)", "Invalid UpdateExpression: The function is "
                        + "not allowed in a update expression; function: size"),
                rule("a missing clause keyword", "a = :v", "Invalid UpdateExpression: Syntax error; token: \"a\", near: "
                        + "\"a\"", ":v", s("x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateErrors")
    void everyInvalidUpdateIsRefusedWithAwsWords(Rule rule) {
        UpdateItemRequest.Builder update = UpdateItemRequest.builder().tableName("known")
                .key(Map.of("pk", s("known"), "sk", n("1"))).updateExpression(rule.expression());
        if (!rule.values().isEmpty()) {
            update.expressionAttributeValues(rule.values());
        }
        assertThatThrownBy(() -> ddb.updateItem(update.build())).isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo(rule.expected()));
        assertThat(ddb.getItem(r -> r.tableName("known").key(Map.of("pk", s("known"), "sk", n("1"))).consistentRead(true))
                .item()).as("a refused update changes nothing").isEqualTo(KNOWN);
    }
}
