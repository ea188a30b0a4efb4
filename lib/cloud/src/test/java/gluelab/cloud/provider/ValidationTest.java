package gluelab.cloud.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** AWS's request-validation wording, as the services answer it (e.g. STS's and CloudWatch Logs' own messages). */
class ValidationTest {

    @Test
    void oneViolationIsReportedInTheSingular() {
        assertThatThrownBy(() -> Validation.check().required("roleArn", null).orThrow())
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value null at 'roleArn' failed to "
                            + "satisfy constraint: Member must not be null");
                });
    }

    @Test
    void everyViolationIsListedInOneErrorWithTheServicesOwnCode() {
        assertThatThrownBy(() -> Validation.of("InvalidParameterException")
                .pattern("logGroupName", "a:b", "[\\.\\-_/#A-Za-z0-9]+")
                .range("limit", 0, 1, 10_000)
                .oneOf("orderBy", "Size", List.of("LogStreamName", "LastEventTime"))
                .length("logStreamName", "", 1, 512)
                .orThrow())
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterException");
                    assertThat(e.getMessage()).isEqualTo("4 validation errors detected: "
                            + "Value 'a:b' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular "
                            + "expression pattern: [\\.\\-_/#A-Za-z0-9]+; "
                            + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or "
                            + "equal to 1; "
                            + "Value 'Size' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: "
                            + "[LogStreamName, LastEventTime]; "
                            + "Value '' at 'logStreamName' failed to satisfy constraint: Member must have length greater "
                            + "than or equal to 1");
                });
    }

    @Test
    void aValidRequestPassesAndAbsentOptionalMembersAreNotChecked() {
        Validation validation = Validation.check().length("name", null, 1, 255).range("max", null, 1, 100)
                .required("name", "etl").length("name", "etl", 1, 255);
        assertThat(validation.isValid()).isTrue();
        validation.orThrow();
    }

    @Test
    void aNamedSetOfConstraintsIsCheckedInPlaceAmongTheOthers() {
        Function<String, Consumer<Validation>> bucketName = value -> v -> v
                .length("bucket", value, 3, 63).pattern("bucket", value, "[a-z0-9.-]*");
        assertThatThrownBy(() -> Validation.check().required("key", null).satisfies(bucketName.apply("A")).orThrow())
                .hasMessage("3 validation errors detected: Value null at 'key' failed to satisfy constraint: Member must "
                        + "not be null; Value 'A' at 'bucket' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 3; Value 'A' at 'bucket' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [a-z0-9.-]*");
        assertThat(Validation.check().satisfies(bucketName.apply("lab-data")).isValid()).isTrue();
    }
}
