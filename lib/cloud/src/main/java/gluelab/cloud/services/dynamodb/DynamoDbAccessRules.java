package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * What each DynamoDB operation needs permission for, as the Service Authorization Reference lists it:
 * {@code dynamodb:<Operation>} on the table it names ({@code arn:aws:dynamodb:region:account:table/name}), or on
 * the index ({@code …/index/name}) a Query or Scan reads; a batch needs its action on every table it names; a
 * transaction needs each item's own action ({@code dynamodb:PutItem}, {@code UpdateItem}, {@code DeleteItem},
 * {@code ConditionCheckItem}, {@code GetItem}) on that item's table; the tag operations act on their
 * {@code ResourceArn}; ListTables is on every resource.
 */
final class DynamoDbAccessRules implements AccessRules {

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String action = "dynamodb:" + operation;
        if (request instanceof BatchGetItemRequest batch && batch.hasRequestItems()) {
            return onTables(context, action, batch.requestItems().keySet());
        }
        if (request instanceof BatchWriteItemRequest batch && batch.hasRequestItems()) {
            return onTables(context, action, batch.requestItems().keySet());
        }
        if (request instanceof TransactGetItemsRequest transaction && transaction.hasTransactItems()) {
            Set<String> tables = new LinkedHashSet<>();
            transaction.transactItems().forEach(item -> {
                if (item.get() != null) {
                    tables.add(item.get().tableName());
                }
            });
            return onTables(context, "dynamodb:GetItem", tables);
        }
        if (request instanceof TransactWriteItemsRequest transaction && transaction.hasTransactItems()) {
            Set<Access> accesses = new LinkedHashSet<>();
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    accesses.add(Access.of("dynamodb:PutItem", tableArn(context, item.put().tableName())));
                } else if (item.update() != null) {
                    accesses.add(Access.of("dynamodb:UpdateItem", tableArn(context, item.update().tableName())));
                } else if (item.delete() != null) {
                    accesses.add(Access.of("dynamodb:DeleteItem", tableArn(context, item.delete().tableName())));
                } else if (item.conditionCheck() != null) {
                    accesses.add(Access.of("dynamodb:ConditionCheckItem",
                            tableArn(context, item.conditionCheck().tableName())));
                }
            }
            return List.copyOf(accesses);
        }
        String resourceArn = Members.string(request, "ResourceArn");
        if (resourceArn != null) {
            return List.of(Access.of(action, resourceArn));
        }
        String table = Members.string(request, "TableName");
        if (table == null) {
            return List.of(Access.of(action, "*"));
        }
        String index = Members.string(request, "IndexName");
        boolean readsIndex = index != null && (operation.equals("Query") || operation.equals("Scan"));
        return List.of(Access.of(action, tableArn(context, table) + (readsIndex ? "/index/" + index : "")));
    }

    private static List<Access> onTables(RequestContext context, String action, Iterable<String> tables) {
        List<Access> accesses = new ArrayList<>();
        for (String table : tables) {
            accesses.add(Access.of(action, tableArn(context, table)));
        }
        return accesses;
    }

    /** A table named by its name or, as DynamoDB also accepts, by its ARN. */
    private static String tableArn(RequestContext context, String table) {
        if (table == null) {
            return "*";
        }
        return table.startsWith("arn:") ? table
                : Arn.of("dynamodb", context.region(), context.accountId(), "table/" + table).toString();
    }
}
