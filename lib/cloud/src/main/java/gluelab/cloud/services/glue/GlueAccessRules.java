package gluelab.cloud.services.glue;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.workflows.WorkflowEventBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each Glue operation needs permission for, as the Service Authorization Reference lists it: the action is
 * named after the operation, and its resources are the Data Catalog objects it touches (a table's operations need
 * the catalog, the database and the table), or the job, trigger or crawler it names. Creating or updating a job or
 * crawler with a role also needs {@code iam:PassRole} on that role, for {@code glue.amazonaws.com}. An EventBridge
 * rule's event reaches a workflow as a {@code StartWorkflowRun} carrying the event's id ({@link
 * WorkflowEventBatches#EVENT_IDS}): that is Glue's NotifyEvent, which AWS authorizes as {@code glue:notifyEvent}.
 * A Data Quality ruleset's operations, and an evaluation run's start, are authorized on the rulesets they name
 * ({@code dataQualityRuleset/<name>}).
 */
final class GlueAccessRules implements AccessRules {

    private static final Set<String> DATABASE_OPERATIONS = Set.of("CreateDatabase", "GetDatabase", "UpdateDatabase",
            "DeleteDatabase");
    private static final Set<String> ROLE_PASSING_OPERATIONS = Set.of("CreateJob", "UpdateJob", "CreateCrawler",
            "UpdateCrawler");

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        Scope scope = context.scope();
        String action = WorkflowEventBatches.notifiesEvents(request) ? "glue:notifyEvent" : "glue:" + operation;
        List<Access> needed = new ArrayList<>();
        String database = Members.string(request, "DatabaseName");
        if (DATABASE_OPERATIONS.contains(operation)) {
            String name = operation.equals("CreateDatabase") ? Members.string(request, "DatabaseInput", "Name")
                    : Members.string(request, "Name");
            needed.add(Access.of(action, catalog(scope)));
            needed.add(Access.of(action, Arn.in(scope, "glue", "database/" + name)));
        } else if (operation.equals("GetDatabases")) {
            needed.add(Access.of(action, catalog(scope)));
            needed.add(Access.of(action, Arn.in(scope, "glue", "database/*")));
        } else if (database != null) {
            needed.add(Access.of(action, catalog(scope)));
            needed.add(Access.of(action, Arn.in(scope, "glue", "database/" + database)));
            for (String table : tables(operation, request)) {
                needed.add(Access.of(action, Arn.in(scope, "glue", "table/" + database + "/" + table)));
            }
        } else if (operation.equals("StartDataQualityRulesetEvaluationRun")) {
            for (String ruleset : Members.strings(request, "RulesetNames")) {
                needed.add(Access.of(action, Arn.in(scope, "glue", "dataQualityRuleset/" + ruleset)));
            }
        } else if (operation.endsWith("DataQualityRuleset")) {
            String ruleset = Members.string(request, "Name");
            needed.add(ruleset == null ? Access.of(action, "*") : Access.of(action, Arn.in(scope, "glue", "dataQualityRuleset/" + ruleset)));
        } else if (operation.contains("Connection")) {
            // A connection lives in the Data Catalog: its calls need the catalog and the connection (or all of them).
            needed.add(Access.of(action, catalog(scope)));
            needed.add(Access.of(action, Arn.in(scope, "glue", "connection/" + connectionName(operation, request))));
        } else {
            String resource = resource(scope, operation, request);
            needed.add(Access.of(action, resource));
        }
        if (ROLE_PASSING_OPERATIONS.contains(operation)) {
            String role = operation.equals("UpdateJob") ? Members.string(request, "JobUpdate", "Role")
                    : Members.string(request, "Role");
            if (role != null) {
                needed.add(Access.of("iam:PassRole", GlueRoles.arnOf(role, scope.account()))
                        .withKey("iam:PassedToService", GlueRoles.SERVICE_PRINCIPAL));
            }
        }
        return needed;
    }

    /** The tables a catalog call touches: one named, a batch, or every table of the database. */
    private static List<String> tables(String operation, Object request) {
        if (operation.equals("GetTables")) {
            return List.of("*");
        }
        if (operation.equals("CreateTable") || operation.equals("UpdateTable")) {
            return List.of(Members.string(request, "TableInput", "Name"));
        }
        String table = Members.string(request, "TableName");
        if (table == null) {
            table = Members.string(request, "Name");
        }
        if (table != null) {
            return List.of(table);
        }
        List<String> batch = Members.strings(request, "TablesToDelete");
        return batch.isEmpty() ? List.of("*") : batch;
    }

    /** A job's, trigger's, crawler's or workflow's ARN from the name the call gives, or the resource ARN of a tag call. */
    private static String resource(Scope scope, String operation, Object request) {
        String arn = Members.string(request, "ResourceArn");
        if (arn != null) {
            return arn;
        }
        String type = operation.contains("Trigger") ? "trigger" : operation.contains("Crawl") ? "crawler"
                : operation.contains("Workflow") ? "workflow" : operation.contains("Job") ? "job" : null;
        if (type == null) {
            return "*";
        }
        // The resource's own name member: CreateTrigger's WorkflowName names another resource, not the trigger.
        String ownMember = switch (type) {
            case "trigger" -> "TriggerName";
            case "crawler" -> "CrawlerName";
            case "workflow" -> "WorkflowName";
            default -> "JobName";
        };
        for (String member : List.of(ownMember, "Name")) {
            String name = Members.string(request, member);
            if (name != null) {
                return Arn.in(scope, "glue", type + "/" + name).toString();
            }
        }
        return "*";
    }

    private static String connectionName(String operation, Object request) {
        String name = operation.equals("CreateConnection") ? Members.string(request, "ConnectionInput", "Name")
                : Members.string(request, "ConnectionName");
        if (name == null) {
            name = Members.string(request, "Name");
        }
        return name == null ? "*" : name;
    }

    private static Arn catalog(Scope scope) {
        return Arn.in(scope, "glue", "catalog");
    }
}
