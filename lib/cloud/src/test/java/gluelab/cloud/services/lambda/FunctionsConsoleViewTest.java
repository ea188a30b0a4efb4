package gluelab.cloud.services.lambda;

import static gluelab.cloud.testing.ConsolePages.block;
import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Lambda in the web console: functions, and each invocation as the function's log shows it. */
class FunctionsConsoleViewTest {

    private static final String HANDLERS = LambdaInvokeTest.HANDLERS;

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aFunctionsPageShowsItsConfigurationAndTheLogLinesOfItsInvocations() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            LambdaFixture.createActive(lambda, "console-echo", HANDLERS + "EchoHandler",
                    LambdaFixture.executionRole(cloud, "console-echo-role"), 30);
            lambda.invoke(r -> r.functionName("console-echo").payload(SdkBytes.fromUtf8String("{\"n\":1}")));
        }

        assertThat(rows(page(cloud, "lambda"), "Functions")).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("console-echo", HANDLERS + "EchoHandler"));
        JsonNode function = page(cloud, "lambda/functions/console-echo");
        assertThat(field(function, "Function", "Runtime")).isEqualTo("java17");
        List<String> lines = new ArrayList<>();
        block(function, "Invocations (/aws/lambda/console-echo)").get("lines")
                .forEach(line -> lines.add(line.get("message").asText()));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("START RequestId"))
                .anySatisfy(line -> assertThat(line).contains("echo {n=1}"))
                .anySatisfy(line -> assertThat(line).startsWith("REPORT RequestId"));
    }
}
