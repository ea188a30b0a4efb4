package gluelab.cloud.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.shape.QueryNames;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which codec answers a request: the service's own protocol, or, for a service with older clients, theirs. */
class ProtocolCodecsTest {

    private static final ServiceDescriptor SQS_LIKE = ServiceDescriptor.json("sqs", "sqs", Protocol.JSON_1_0,
            "AmazonSQS", "2012-11-05", "software.amazon.awssdk.services.sqs.model", "message")
            .alsoSpeakingQuery("http://queue.amazonaws.com/doc/2012-11-05/", QueryNames.MODEL, Map.of());
    private static final ServiceDescriptor GLUE_LIKE = ServiceDescriptor.json("glue", "glue", Protocol.JSON_1_1,
            "AWSGlue", "2017-03-31", "software.amazon.awssdk.services.glue.model", "Message");

    private final ProtocolCodecs codecs = new ProtocolCodecs();

    @Test
    void aServiceWithOlderClientsAnswersEachInTheProtocolItsRequestIsWrittenIn() {
        ServiceProvider sqs = provider(SQS_LIKE);
        assertThat(codecs.forRequest(sqs, request(Map.of("X-Amz-Target", "AmazonSQS.SendMessage",
                "Content-Type", "application/x-amz-json-1.0"), null))).isInstanceOf(JsonProtocolCodec.class);
        assertThat(codecs.forRequest(sqs, request(Map.of("Content-Type",
                "application/x-www-form-urlencoded; charset=utf-8"), null))).isInstanceOf(QueryProtocolCodec.class);
        assertThat(codecs.forRequest(sqs, request(Map.of(), "Action=ListQueues&Version=2012-11-05")))
                .isInstanceOf(QueryProtocolCodec.class);
    }

    @Test
    void aServiceOfOneProtocolAlwaysGetsItsOwnCodecSoAWrongDialectGetsThatProtocolsError() {
        ServiceProvider glue = provider(GLUE_LIKE);
        assertThat(codecs.forRequest(glue, request(Map.of("Content-Type", "application/x-www-form-urlencoded"), null)))
                .isInstanceOf(JsonProtocolCodec.class);
    }

    @Test
    void aServiceWithItsOwnCodecAlwaysGetsIt() {
        ProtocolCodec own = new JsonProtocolCodec();
        ServiceProvider custom = new CustomProvider(GLUE_LIKE, own);
        assertThat(codecs.forRequest(custom, request(Map.of("X-Amz-Target", "AWSGlue.GetJobs"), null))).isSameAs(own);
    }

    private static ServiceProvider provider(ServiceDescriptor descriptor) {
        return new ServiceProvider() {
            @Override
            public ServiceDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public List<Object> operationHandlers() {
                return List.of();
            }
        };
    }

    private record CustomProvider(ServiceDescriptor descriptor, ProtocolCodec codec) implements ServiceProvider, CustomCodec {
        @Override
        public List<Object> operationHandlers() {
            return List.of();
        }
    }

    private static HttpExchange request(Map<String, String> headers, String rawQuery) {
        return new HttpExchange() {
            public String method() {
                return "POST";
            }

            public String rawPath() {
                return "/";
            }

            public String rawQuery() {
                return rawQuery;
            }

            public QueryString query() {
                return QueryString.parseUrlQuery(rawQuery);
            }

            public String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }

            public List<String> headers(String name) {
                String value = header(name);
                return value == null ? List.of() : List.of(value);
            }

            public Collection<String> headerNames() {
                return headers.keySet();
            }

            public InputStream body() {
                return new ByteArrayInputStream(new byte[0]);
            }

            public String remoteAddress() {
                return "127.0.0.1";
            }

            public void respond(HttpResponse response) {
            }

            public boolean responded() {
                return false;
            }
        };
    }
}
