package gluelab.cloud.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:glue:us-east-1:000000000000:job/etl|glue|us-east-1|000000000000|job|etl|etl",
            "arn:aws:iam::111111111111:role/service-role/glue-runner|iam||111111111111|role|service-role/glue-runner|glue-runner",
            "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/f:*|logs|us-east-1|000000000000|log-group|/aws/lambda/f:*|f:*",
            "arn:aws:lambda:us-east-1:000000000000:function:ingest:prod|lambda|us-east-1|000000000000|function|ingest:prod|ingest:prod",
            "arn:aws:s3:::raw-bucket/key/with:colon|s3|||raw-bucket|key/with:colon|with:colon",
            "arn:aws:sts::000000000000:assumed-role/etl/session|sts||000000000000|assumed-role|etl/session|session"})
    void anArnIsReadIntoItsPartsAndWrittenBackUnchanged(String text, String service, String region, String account,
                                                        String type, String id, String name) {
        Arn arn = Arn.parse(text).orElseThrow();
        assertThat(arn.service()).isEqualTo(service);
        assertThat(arn.region()).isEqualTo(region == null ? "" : region);
        assertThat(arn.account()).isEqualTo(account == null ? "" : account);
        assertThat(arn.resourceType()).isEqualTo(type);
        assertThat(arn.resourceId()).isEqualTo(id);
        assertThat(arn.resourceName()).isEqualTo(name);
        assertThat(arn.toString()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"etl-runner", "arn:aws:iam", "arn::iam::1:role/x", "arn:aws:iam::1:", "''"})
    void textThatIsNotAnArnIsNotParsed(String text) {
        assertThat(Arn.parse(text)).isEmpty();
    }

    @Test
    void arnsAreBuiltForARegionalResourceAGlobalOneAndAnAccountsRoot() {
        Scope scope = new Scope("000000000000", "eu-west-1");
        assertThat(Arn.in(scope, "glue", "trigger/nightly")).hasToString("arn:aws:glue:eu-west-1:000000000000:trigger/nightly");
        assertThat(Arn.global("iam", "000000000000", "role/r")).hasToString("arn:aws:iam::000000000000:role/r");
        assertThat(Arn.accountRoot("111111111111")).hasToString("arn:aws:iam::111111111111:root");
        assertThat(Arn.in(scope, "glue", "job/x").isIn(scope)).isTrue();
        assertThat(Arn.in(scope, "glue", "job/x").isIn(new Scope("000000000000", "us-east-1"))).isFalse();
        assertThat(Arn.global("iam", "000000000000", "role/r").isIn(new Scope("000000000000", "us-east-1"))).isTrue();
    }
}
