package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * JSONata states through the AWS SDK (developer guide, "Transforming data with JSONata in Step Functions" and
 * "Passing data between states with variables"): a Task's Arguments, its Output over {@code $states.result}, Assign,
 * a JSONata catcher's error output, and the definition errors for mixing the two query languages' fields.
 */
class JsonataStatesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTasksArgumentsOutputAndAssignAreExpressionsOverItsInputAndResult() throws Exception {
        String queue = "jsonata-" + UUID.randomUUID().toString().substring(0, 8);
        String role = StepFunctionsFixture.role(cloud, "sfn-jsonata", "sqs:GetQueueUrl");
        try (SqsClient sqs = cloud.client(SqsClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            sqs.createQueue(r -> r.queueName(queue));
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role, """
                    {"QueryLanguage":"JSONata","StartAt":"Find","States":{"Find":{"Type":"Task",\
                    "Resource":"arn:aws:states:::aws-sdk:sqs:getQueueUrl",\
                    "Arguments":{"QueueName":"{% $states.input.prefix & '-' & $states.input.suffix %}"},\
                    "Assign":{"found":"{% $states.result.QueueUrl %}","asked":"{% $states.input.suffix %}"},\
                    "Output":{"url":"{% $states.result.QueueUrl %}"},"Next":"Report"},\
                    "Report":{"Type":"Pass","Output":{"url":"{% $found %}","asked":"{% $asked %}",\
                    "same":"{% $found = $states.input.url %}"},"End":true}}}""",
                    JSON.writeValueAsString(Map.of("prefix", "jsonata", "suffix", queue.substring(8))));
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = JSON.readTree(done.output());
            assertThat(output.path("url").asText()).endsWith("/" + queue);
            assertThat(output.path("asked").asText()).isEqualTo(queue.substring(8));
            assertThat(output.path("same").asBoolean()).isTrue();
        }
    }

    @Test
    void aJsonataCatcherOutputsTheErrorOutput() throws Exception {
        String role = StepFunctionsFixture.role(cloud, "sfn-jsonata", "sqs:GetQueueUrl");
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role, """
                    {"QueryLanguage":"JSONata","StartAt":"Find","States":{"Find":{"Type":"Task",\
                    "Resource":"arn:aws:states:::aws-sdk:sqs:getQueueUrl","Arguments":{"QueueName":"no-such-queue"},\
                    "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Missing"}],"End":true},\
                    "Missing":{"Type":"Pass","Output":"{% $states.input.Error %}","End":true}}}""", "{}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("\"Sqs.QueueDoesNotExistException\"");
        }
    }

    @Test
    void eachQueryLanguageRefusesTheOthersFieldsAndABadExpressionIsADefinitionError() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            Map<String, String> refused = Map.of(
                    """
                    {"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","InputPath":"$.a",\
                    "End":true}}}""", "/States/S/InputPath",
                    """
                    {"StartAt":"S","States":{"S":{"Type":"Pass","Output":{"a":1},"End":true}}}""",
                    "/States/S/Output",
                    """
                    {"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass",\
                    "QueryLanguage":"JSONPath","End":true}}}""", "/States/S/QueryLanguage",
                    """
                    {"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass",\
                    "Output":"{% $states.input.( %}","End":true}}}""", "/States/S/Output",
                    """
                    {"QueryLanguage":"YAML","StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}""",
                    "/QueryLanguage");
            refused.forEach((definition, location) -> {
                ValidateStateMachineDefinitionResponse answer = sfn.validateStateMachineDefinition(
                        r -> r.definition(definition));
                assertThat(answer.diagnostics()).as(definition).extracting(d -> d.code() + " " + d.location())
                        .containsExactly("SCHEMA_VALIDATION_FAILED " + location);
            });
        }
    }
}
