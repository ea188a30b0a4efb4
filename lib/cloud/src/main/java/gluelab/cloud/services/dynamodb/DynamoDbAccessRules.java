package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * What each DynamoDB operation needs permission for, as the Service Authorization Reference lists it: the action
 * named after the operation on the table it names ({@code arn:aws:dynamodb:region:account:table/name}, or the
 * table's index for a Query or Scan of one); a batch needs its action on each table it touches; a transaction needs
 * the single-item actions ({@code dynamodb:PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code ConditionCheckItem},
 * {@code GetItem}) on each table, as on AWS; tag operations are on the resource they name; ListTables and the
 * account-wide calls are on every resource.
 */
final class DynamoDbAccessRules implements AccessRules {

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        Scope scope = context.scope();
        String action = "dynamodb:" + operation;
        if (request instanceof BatchGetItemRequest batch) {
            return onTables(action, scope, batch.requestItems().keySet());
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return onTables(action, scope, batch.requestItems().keySet());
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transactWrites(scope, transaction.transactItems());
        }
        if (request instanceof TransactGetItemsRequest transaction) {
            List<Access> needed = new ArrayList<>();
            for (TransactGetItem item : transaction.transactItems()) {
                if (item.get() != null) {
                    needed.add(Access.of("dynamodb:GetItem", table(scope, item.get().tableName())));
                }
            }
            return needed;
        }
        String resourceArn = Members.string(request, "ResourceArn");
        if (resourceArn != null) {
            return List.of(Access.of(action, resourceArn));
        }
        String tableName = Members.string(request, "TableName");
        if (tableName == null) {
            return List.of(Access.of(action, "*"));
        }
        String index = Members.string(request, "IndexName");
        String resource = table(scope, tableName);
        return List.of(Access.of(action, index == null ? resource : resource + "/index/" + index));
    }

    private static List<Access> transactWrites(Scope scope, List<TransactWriteItem> items) {
        List<Access> needed = new ArrayList<>();
        for (TransactWriteItem item : items) {
            if (item.put() != null) {
                needed.add(Access.of("dynamodb:PutItem", table(scope, item.put().tableName())));
            } else if (item.update() != null) {
                needed.add(Access.of("dynamodb:UpdateItem", table(scope, item.update().tableName())));
            } else if (item.delete() != null) {
                needed.add(Access.of("dynamodb:DeleteItem", table(scope, item.delete().tableName())));
            } else if (item.conditionCheck() != null) {
                needed.add(Access.of("dynamodb:ConditionCheckItem", table(scope, item.conditionCheck().tableName())));
            }
        }
        return needed;
    }

    private static List<Access> onTables(String action, Scope scope, Set<String> tables) {
        List<Access> needed = new ArrayList<>();
        for (String name : new LinkedHashSet<>(tables)) {
            needed.add(Access.of(action, table(scope, name)));
        }
        return needed;
    }

    /** A table's ARN: requests may name a table by its name or by its ARN. */
    private static String table(Scope scope, String nameOrArn) {
        if (nameOrArn == null) {
            return "*";
        }
        return Arn.parse(nameOrArn).map(Arn::toString).orElseGet(() -> Arn.in(scope, "dynamodb", "table/" + nameOrArn).toString());
    }
}
