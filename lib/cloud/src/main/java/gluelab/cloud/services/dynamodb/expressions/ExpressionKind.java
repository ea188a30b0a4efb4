package gluelab.cloud.services.dynamodb.expressions;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.List;

/** Which request member an expression came from: AWS names it at the start of every error about it. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression");

    private final String member;

    ExpressionKind(String member) {
        this.member = member;
    }

    public String member() {
        return member;
    }

    public AwsServiceException invalid(String reason) {
        return DynamoDbErrors.validation("Invalid " + member + ": " + reason);
    }

    /** AWS's syntax error: the offending token, and the source from the token before it to this one's end. */
    AwsServiceException syntaxError(Token token, String source, List<Token> before) {
        int from = before.isEmpty() ? token.start() : before.get(before.size() - 1).start();
        String near = source.substring(from, Math.max(from, token.end()));
        return invalid("Syntax error; token: \"" + token.quoted() + "\", near: \"" + near + "\"");
    }
}
