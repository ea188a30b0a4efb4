package gluelab.cloud.services.lambda;

import static gluelab.cloud.console.ConsoleLinks.parameter;
import static gluelab.cloud.console.ConsoleLinks.to;

import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleLogs;
import gluelab.cloud.provider.ConsoleReads;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * Lambda in the console: functions and their configuration, and their invocations as the function's log shows
 * them (START, the handler's lines, END and REPORT, per invocation).
 */
final class FunctionsConsoleView extends ConsoleView {

    private static final String LAMBDA = "lambda";

    private final ConsoleReads reads;
    private final ConsoleLogs logs;

    FunctionsConsoleView(ConsoleReads reads) {
        super(LAMBDA, "Lambda");
        this.reads = reads;
        this.logs = new ConsoleLogs(reads);
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return functions(request);
        }
        if (request.is("functions", null)) {
            return function(request, request.segment(1));
        }
        throw request.notFound();
    }

    private ConsolePage functions(ConsoleRequest request) {
        ListFunctionsResponse functions = reads.call(LAMBDA, request, ListFunctionsRequest.builder().maxItems(50)
                .marker(request.query("marker")).build());
        Table.Builder table = Table.titled("Functions", "Name", "Handler", "Runtime", "Memory (MB)", "State",
                "Modified");
        for (FunctionConfiguration function : functions.functions()) {
            table.row(to(LAMBDA, "functions", function.functionName()), function.functionName(), function.handler(),
                    function.runtimeAsString(), function.memorySize(), function.stateAsString(), function.lastModified());
        }
        if (functions.nextMarker() != null) {
            table.next(parameter("marker", functions.nextMarker()));
        }
        return ConsolePage.of("Lambda functions", List.of(), table.orElse("No functions yet (lambda.createFunction "
                + "with a handler class packaged from labs/)."));
    }

    private ConsolePage function(ConsoleRequest request, String name) {
        GetFunctionResponse answer = reads.call(LAMBDA, request, GetFunctionRequest.builder().functionName(name).build());
        FunctionConfiguration function = answer.configuration();
        String environment = function.environment() == null ? null : function.environment().variables().entrySet()
                .stream().map(variable -> variable.getKey() + "=" + variable.getValue()).collect(Collectors.joining("\n"));
        return ConsolePage.of(name, List.of(new Crumb("Lambda functions", LAMBDA)),
                Fields.of("Function", Field.of("Name", function.functionName()), Field.of("ARN", function.functionArn()),
                        Field.of("Handler", function.handler()), Field.of("Runtime", function.runtimeAsString()),
                        Field.of("Role", function.role()), Field.of("Memory (MB)", function.memorySize()),
                        Field.of("Timeout (s)", function.timeout()), Field.of("State", function.stateAsString()),
                        Field.of("Environment", environment), Field.of("Code size (bytes)", function.codeSize()),
                        Field.of("Modified", function.lastModified())),
                logs.group(request, "Invocations", "/aws/lambda/" + name,
                        "No invocations yet: each one writes START, its own lines, END and REPORT here."));
    }
}
