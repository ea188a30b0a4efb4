package gluelab.cloud.services.secretsmanager;

import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets in the web console: every secret and version is listed, and no value ever leaves Lab Cloud. */
class SecretsConsoleViewTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void secretsAndTheirVersionsAreListedWithEveryValueMasked() {
        try (SecretsManagerClient secrets = cloud.client(SecretsManagerClient.builder())) {
            secrets.createSecret(r -> r.name("console/db").description("the sales database")
                    .secretString("{\"password\":\"first-Hunter2\"}"));
            secrets.putSecretValue(r -> r.secretId("console/db").secretString("{\"password\":\"second-Hunter2\"}"));
        }

        JsonNode list = page(cloud, "secretsmanager");
        JsonNode detail = page(cloud, "secretsmanager/secrets/console%2Fdb");

        assertThat(rows(list, "Secrets")).singleElement()
                .satisfies(row -> assertThat(row.subList(0, 3)).containsExactly("console/db", "the sales database",
                        SecretsConsoleView.MASKED));
        assertThat(field(detail, "Secret", "Value")).isEqualTo(SecretsConsoleView.MASKED);
        assertThat(rows(detail, "Versions")).hasSize(2)
                .allSatisfy(row -> assertThat(row.get(2)).isEqualTo(SecretsConsoleView.MASKED));
        assertThat(rows(detail, "Versions")).extracting(row -> row.get(1)).containsExactlyInAnyOrder("AWSCURRENT",
                "AWSPREVIOUS");
        for (JsonNode page : new JsonNode[] {list, detail}) {
            assertThat(page.toString()).doesNotContain("Hunter2");
        }
    }
}
