package gluelab.cloud.services.states;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.states.asl.TaskTokens;
import gluelab.cloud.state.Json;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;

/**
 * The callbacks of tasks that wait for one ({@code .waitForTaskToken}): SendTaskSuccess with the task's output,
 * SendTaskFailure with its error and cause, SendTaskHeartbeat; a token no task waits with is InvalidToken.
 */
public final class TaskCallbackOperations {

    private final TaskTokens tokens;

    TaskCallbackOperations(TaskTokens tokens) {
        this.tokens = tokens;
    }

    public SendTaskSuccessResponse sendTaskSuccess(RequestContext context, SendTaskSuccessRequest request) {
        StatesErrors.validation().required("taskToken", request.taskToken()).length("taskToken", request.taskToken(),
                1, 2048).required("output", request.output()).orThrow();
        JsonNode output;
        try {
            output = Json.MAPPER.readTree(request.output());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw StatesErrors.invalidOutput(e.getOriginalMessage());
        }
        if (output == null || !tokens.succeed(request.taskToken(), output)) {
            throw output == null ? StatesErrors.invalidOutput("The output is empty") : StatesErrors.invalidToken();
        }
        return SendTaskSuccessResponse.builder().build();
    }

    public SendTaskFailureResponse sendTaskFailure(RequestContext context, SendTaskFailureRequest request) {
        StatesErrors.validation().required("taskToken", request.taskToken()).length("taskToken", request.taskToken(),
                1, 2048).length("error", request.error(), 0, 256).length("cause", request.cause(), 0, 32_768)
                .orThrow();
        if (!tokens.fail(request.taskToken(), request.error(), request.cause())) {
            throw StatesErrors.invalidToken();
        }
        return SendTaskFailureResponse.builder().build();
    }

    public SendTaskHeartbeatResponse sendTaskHeartbeat(RequestContext context, SendTaskHeartbeatRequest request) {
        StatesErrors.validation().required("taskToken", request.taskToken()).length("taskToken", request.taskToken(),
                1, 2048).orThrow();
        if (!tokens.heartbeat(request.taskToken())) {
            throw StatesErrors.invalidToken();
        }
        return SendTaskHeartbeatResponse.builder().build();
    }
}
