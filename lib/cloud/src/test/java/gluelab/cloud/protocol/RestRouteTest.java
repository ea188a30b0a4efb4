package gluelab.cloud.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.http.QueryString;
import org.junit.jupiter.api.Test;

/** Routes come from the SDK's own marshallers, so they match the clients exactly, or Lab Cloud does not start. */
class RestRouteTest {

    private static final String S3_MODEL = "software.amazon.awssdk.services.s3.model";

    @Test
    void aRouteIsReadFromTheSdksMarshallerAndMatchesItsPath() {
        RestRoute route = RestRoute.fromSdk(S3_MODEL, "GetObjectAttributes");
        // The SDK's S3 template is /{Key+}?attributes: the bucket goes in the host or before the key.
        assertThat(route.match("GET", "/a/b%20c.csv", QueryString.parseUrlQuery("attributes")))
                .hasValue(java.util.Map.of("Key", "a/b c.csv"));
        assertThat(route.match("GET", "/a/b.csv", QueryString.parseUrlQuery(null))).as("without ?attributes").isEmpty();
        assertThat(route.match("PUT", "/a/b.csv", QueryString.parseUrlQuery("attributes"))).as("another method").isEmpty();
    }

    @Test
    void anOperationWhoseRouteTheSdkDoesNotGiveFailsLoudlyNamingTheMarshaller() {
        assertThatThrownBy(() -> RestRoute.fromSdk(S3_MODEL, "NoSuchOperation"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NoSuchOperation")
                .hasMessageContaining("NoSuchOperationRequestMarshaller");
    }
}
