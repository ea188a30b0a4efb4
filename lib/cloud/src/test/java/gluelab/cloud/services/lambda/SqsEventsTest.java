package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * How Lambda reads a ReportBatchItemFailures response, rule by rule as the Lambda developer guide lists them: which
 * of a batch of {@code m1}, {@code m2}, {@code m3} count as processed (and are deleted).
 */
class SqsEventsTest {

    private static final List<Message> BATCH = List.of(message("m1"), message("m2"), message("m3"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                                        | m1 m2 m3",
            "null                                                      | m1 m2 m3",
            "{}                                                        | m1 m2 m3",
            "{\"batchItemFailures\":null}                              | m1 m2 m3",
            "{\"batchItemFailures\":[]}                                | m1 m2 m3",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}     | m1 m3",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"},{\"itemIdentifier\":\"m3\"}]} | m2",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"m9\"}]}     | ''",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}       | ''",
            "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}       | ''",
            "{\"batchItemFailures\":[{\"itemId\":\"m2\"}]}             | ''",
            "{\"batchItemFailures\":\"m2\"}                            | ''",
            "\"done\"                                                  | ''",
            "not json                                                  | ''"})
    void aResponseDecidesWhichMessagesWereProcessed(String response, String processed) {
        List<Message> succeeded = SqsEvents.succeeded(BATCH, response.getBytes(StandardCharsets.UTF_8));

        assertThat(succeeded).extracting(Message::messageId)
                .containsExactlyElementsOf(processed.isEmpty() ? List.of() : List.of(processed.split(" ")));
    }

    private static Message message(String id) {
        return Message.builder().messageId(id).receiptHandle("r-" + id).body("b").build();
    }
}
