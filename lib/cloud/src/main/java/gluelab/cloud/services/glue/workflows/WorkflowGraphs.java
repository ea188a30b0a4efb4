package gluelab.cloud.services.glue.workflows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Condition;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.Edge;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.NodeType;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.WorkflowGraph;

/**
 * A workflow's graph as Glue draws it from the workflow's triggers: a TRIGGER node per trigger, a JOB or CRAWLER
 * node per job or crawler a trigger watches or starts, an edge from each watched node to its trigger and from each
 * trigger to what it starts. In a run's graph, each job node holds the job's runs in that workflow run, and each
 * crawler node its crawls.
 */
final class WorkflowGraphs {

    private WorkflowGraphs() {
    }

    /** What a run's graph shows of its job runs and crawls, by job or crawler name. */
    record RunActions(Function<String, List<JobRun>> jobRuns, Function<String, List<Crawl>> crawls) {
    }

    /** @param actions the workflow run's job runs and crawls; null for the workflow's own graph, which has none */
    static WorkflowGraph of(String workflowName, List<Trigger> triggers, RunActions actions) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        for (Trigger trigger : triggers) {
            Node triggerNode = Node.builder().type(NodeType.TRIGGER).name(trigger.name())
                    .uniqueId(uniqueId(workflowName, NodeType.TRIGGER, trigger.name()))
                    .triggerDetails(d -> d.trigger(trigger)).build();
            nodes.put(triggerNode.uniqueId(), triggerNode);
            if (trigger.predicate() != null && trigger.predicate().hasConditions()) {
                for (Condition condition : trigger.predicate().conditions()) {
                    Node watched = node(workflowName, condition.jobName(), condition.crawlerName(), actions);
                    nodes.putIfAbsent(watched.uniqueId(), watched);
                    edges.add(Edge.builder().sourceId(watched.uniqueId()).destinationId(triggerNode.uniqueId()).build());
                }
            }
            for (Action action : trigger.actions()) {
                Node started = node(workflowName, action.jobName(), action.crawlerName(), actions);
                nodes.putIfAbsent(started.uniqueId(), started);
                edges.add(Edge.builder().sourceId(triggerNode.uniqueId()).destinationId(started.uniqueId()).build());
            }
        }
        return WorkflowGraph.builder().nodes(new ArrayList<>(nodes.values())).edges(new ArrayList<>(edges)).build();
    }

    private static Node node(String workflowName, String jobName, String crawlerName, RunActions actions) {
        if (jobName == null) {
            Node.Builder node = Node.builder().type(NodeType.CRAWLER).name(crawlerName)
                    .uniqueId(uniqueId(workflowName, NodeType.CRAWLER, crawlerName));
            if (actions != null) {
                node.crawlerDetails(d -> d.crawls(actions.crawls().apply(crawlerName)));
            }
            return node.build();
        }
        Node.Builder node = Node.builder().type(NodeType.JOB).name(jobName)
                .uniqueId(uniqueId(workflowName, NodeType.JOB, jobName));
        if (actions != null) {
            node.jobDetails(d -> d.jobRuns(actions.jobRuns().apply(jobName)));
        }
        return node.build();
    }

    /** A node's id, stable for its workflow, type and name, in Glue's {@code wnode_} form. */
    static String uniqueId(String workflowName, NodeType type, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((workflowName + "/" + type + "/" + name).getBytes(StandardCharsets.UTF_8));
            return "wnode_" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
