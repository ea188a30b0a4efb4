package gluelab.cloud.services.states;

import static gluelab.cloud.console.ConsoleLinks.to;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Graph;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.state.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesRequest;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Step Functions in the console: state machines, their executions, and each execution's graph (the definition,
 * every state coloured by how it went in that execution) and history.
 */
final class StateMachinesConsoleView extends ConsoleView {

    private static final String STATES = "states";

    private final ConsoleReads reads;

    StateMachinesConsoleView(ConsoleReads reads) {
        super(STATES, "Step Functions");
        this.reads = reads;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return machines(request);
        }
        if (request.is("machines", null)) {
            return machine(request, request.segment(1));
        }
        if (request.is("machines", null, "executions", null)) {
            return execution(request, request.segment(1), request.segment(3));
        }
        throw request.notFound();
    }

    private ConsolePage machines(ConsoleRequest request) {
        Table.Builder table = Table.titled("State machines", "Name", "Type", "Created");
        for (StateMachineListItem machine : list(request).stateMachines()) {
            table.row(to(STATES, "machines", machine.name()), machine.name(), machine.typeAsString(),
                    machine.creationDate());
        }
        return ConsolePage.of("State machines", List.of(), table.orElse("No state machines yet "
                + "(sfn.createStateMachine with a definition from labs/)."));
    }

    private ConsolePage machine(ConsoleRequest request, String name) {
        String arn = machineArn(request, name);
        DescribeStateMachineResponse machine = reads.call(StatesProvider.SERVICE, request,
                DescribeStateMachineRequest.builder().stateMachineArn(arn).build());
        ListExecutionsResponse executions = reads.call(StatesProvider.SERVICE, request,
                ListExecutionsRequest.builder().stateMachineArn(arn).maxResults(100).build());
        Table.Builder table = Table.titled("Executions", "Name", "Status", "Started", "Stopped");
        for (ExecutionListItem execution : executions.executions()) {
            table.row(to(STATES, "machines", name, "executions", execution.name()), execution.name(),
                    execution.statusAsString(), execution.startDate(), execution.stopDate());
        }
        return ConsolePage.of(name, List.of(new Crumb("State machines", STATES)),
                Fields.of("State machine", Field.of("Name", machine.name()), Field.of("ARN", machine.stateMachineArn()),
                        Field.of("Type", machine.typeAsString()), Field.of("Role", machine.roleArn()),
                        Field.of("Created", machine.creationDate())),
                new Graph("Definition", definition(machine), Map.of()),
                table.orElse("No executions yet (sfn.startExecution)."));
    }

    private ConsolePage execution(ConsoleRequest request, String machineName, String name) {
        String machineArn = machineArn(request, machineName);
        DescribeStateMachineResponse machine = reads.call(StatesProvider.SERVICE, request,
                DescribeStateMachineRequest.builder().stateMachineArn(machineArn).build());
        String executionArn = machineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        DescribeExecutionResponse execution = reads.call(StatesProvider.SERVICE, request,
                DescribeExecutionRequest.builder().executionArn(executionArn).build());
        GetExecutionHistoryResponse history = reads.call(StatesProvider.SERVICE, request,
                GetExecutionHistoryRequest.builder().executionArn(executionArn).maxResults(1000).build());
        Table.Builder events = Table.titled("History", "Id", "Type", "State", "Time");
        Map<String, String> states = new LinkedHashMap<>();
        String current = null;
        for (HistoryEvent event : history.events()) {
            String entered = event.stateEnteredEventDetails() == null ? null : event.stateEnteredEventDetails().name();
            String exited = event.stateExitedEventDetails() == null ? null : event.stateExitedEventDetails().name();
            if (entered != null) {
                current = entered;
                states.put(entered, "RUNNING");
            } else if (exited != null) {
                states.put(exited, "FAILED".equals(states.get(exited)) ? "CAUGHT" : "SUCCEEDED");
            } else if (current != null && event.typeAsString().endsWith("Failed") && states.containsKey(current)
                    && !event.typeAsString().equals("ExecutionFailed")) {
                states.put(current, "FAILED");
            }
            events.row(null, event.id(), event.typeAsString(), entered != null ? entered : exited, event.timestamp());
        }
        String ending = execution.statusAsString();
        if (!"RUNNING".equals(ending)) {
            // A state still running when the execution ended is where it failed, timed out or was aborted.
            states.replaceAll((state, status) -> status.equals("RUNNING") ? ending : status);
        }
        return ConsolePage.of(name, List.of(new Crumb("State machines", STATES),
                        new Crumb(machineName, to(STATES, "machines", machineName))),
                Fields.of("Execution", Field.of("Name", name), Field.of("Status", ending),
                        Field.of("Started", execution.startDate()), Field.of("Stopped", execution.stopDate()),
                        Field.of("Input", execution.input()), Field.of("Output", execution.output()),
                        Field.of("Error", execution.error()), Field.of("Cause", execution.cause())),
                new Graph("Graph", definition(machine), states),
                events.orElse("No history."));
    }

    private ListStateMachinesResponse list(ConsoleRequest request) {
        return reads.call(StatesProvider.SERVICE, request, ListStateMachinesRequest.builder().maxResults(1000).build());
    }

    private String machineArn(ConsoleRequest request, String name) {
        return list(request).stateMachines().stream().filter(machine -> machine.name().equals(name))
                .map(StateMachineListItem::stateMachineArn).findFirst().orElseThrow(request::notFound);
    }

    private static JsonNode definition(DescribeStateMachineResponse machine) {
        try {
            return Json.MAPPER.readTree(machine.definition());
        } catch (JsonProcessingException e) {
            return Json.object();
        }
    }
}
