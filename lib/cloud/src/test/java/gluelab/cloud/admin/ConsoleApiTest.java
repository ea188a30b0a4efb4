package gluelab.cloud.admin;

import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.links;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** The web console at {@code /_lab/ui/}: its files, its JSON pages, what it refuses, and S3 as the browser sees it. */
class ConsoleApiTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void theConsolePageAndItsScriptsAreServedWithAPolicyThatAllowsOnlyTheConsolesOwnScripts() {
        HttpResponse<String> index = cloud.http(cloud.request("/_lab/ui/").GET());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<script type=\"module\" src=\"console.js\">");
        assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").doesNotContain("script-src");

        for (String file : List.of("console.js", "graph.js", "console.css")) {
            HttpResponse<String> answer = cloud.http(cloud.request("/_lab/ui/" + file).GET());
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.body()).as(file).isNotBlank();
        }
        assertThat(cloud.http(cloud.request("/_lab/ui").GET()).statusCode()).isEqualTo(301);
    }

    @Test
    void theOverviewNamesEveryServicesViewAndBothAccounts() {
        JsonNode overview = LabAdmin.get(cloud, "/_lab/ui/api/overview");
        List<String> views = new ArrayList<>();
        overview.get("views").forEach(view -> views.add(view.get("name").asText()));

        assertThat(views).containsExactlyInAnyOrder("s3", "glue", "lambda", "events", "scheduler", "sqs", "dynamodb",
                "states", "secretsmanager", "ses");
        assertThat(overview.get("account").asText()).isEqualTo("000000000000");
        assertThat(overview.get("accounts").toString()).contains("000000000000", "111111111111");
    }

    @Test
    void unknownConsoleRoutesAre404JsonAndAnythingButGetIs405() {
        for (String path : List.of("/_lab/ui/api/nothing", "/_lab/ui/api/views/nothing", "/_lab/ui/api/views/s3/nothing",
                "/_lab/ui/missing.js", "/_lab/ui/..%2Fadmin%2FAdminApi.class", "/_lab/ui/api/views/s3/buckets/no-such-bucket",
                "/_lab/ui/api/views/glue/jobs/no-such-job", "/_lab/ui/api/views/secretsmanager/secrets/no-such-secret",
                "/_lab/ui/api/views/states/machines/no-such-machine", "/_lab/ui/api/views/ses/messages/no-such-message")) {
            HttpResponse<String> answer = cloud.http(cloud.request(path).GET());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(LabAdmin.json(answer).get("error").asText()).as(path).isNotBlank();
        }
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> answer = cloud.http(cloud.request("/_lab/ui/api/views/s3")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(answer.statusCode()).as(method).isEqualTo(405);
            assertThat(LabAdmin.json(answer).get("error").asText()).isEqualTo("MethodNotAllowed");
        }
        assertThat(cloud.http(cloud.request("/_lab/ui/api/views/s3?account=root").GET()).statusCode()).isEqualTo(400);
    }

    @Test
    void bucketsAndTheirObjectsAppearWithSizesETagsAndVersionsAndAKeyThatLooksLikeMarkupStaysText() {
        S3Client s3 = cloud.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(b -> b.bucket("console-objects"));
        s3.putBucketVersioning(b -> b.bucket("console-objects")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String hostile = "raw/<img src=x onerror=alert(1)>.csv";
        PutObjectResponse first = s3.putObject(b -> b.bucket("console-objects").key(hostile), RequestBody.fromString("a,b\n"));
        PutObjectResponse second = s3.putObject(b -> b.bucket("console-objects").key(hostile), RequestBody.fromString("a,b\n1,2\n"));

        JsonNode buckets = page(cloud, "s3");
        assertThat(rows(buckets, "Buckets")).extracting(row -> row.get(0)).contains("console-objects");
        assertThat(links(buckets, "Buckets")).contains("s3/buckets/console-objects");

        JsonNode bucket = page(cloud, "s3/buckets/console-objects");
        assertThat(field(bucket, "Bucket", "Versioning")).isEqualTo("Enabled");
        List<List<String>> objects = rows(bucket, "Objects and versions");
        assertThat(objects).hasSize(2);
        assertThat(objects).extracting(row -> row.get(0)).containsOnly(hostile);
        assertThat(objects).extracting(row -> row.get(1)).containsExactlyInAnyOrder("4", "8");
        assertThat(objects).extracting(row -> row.get(2)).containsExactlyInAnyOrder(first.eTag(), second.eTag());
        assertThat(objects).extracting(row -> row.get(3)).containsExactlyInAnyOrder(first.versionId(), second.versionId());

        JsonNode otherAccount = page(cloud, "s3?account=111111111111");
        assertThat(rows(otherAccount, "Buckets")).extracting(row -> row.get(0)).doesNotContain("console-objects");
    }
}
