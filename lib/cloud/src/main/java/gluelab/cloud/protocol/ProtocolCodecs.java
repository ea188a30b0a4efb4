package gluelab.cloud.protocol;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.provider.ServiceRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one codec of each wire protocol, and which of them answers a request. A service that speaks one protocol
 * always gets its codec; one that also answers an older protocol (SQS: JSON 1.0 now, Query for older SDKs) gets
 * the codec whose protocol the request is written in, so each client is answered in its own dialect.
 */
public final class ProtocolCodecs {

    private final Map<Protocol, ProtocolCodec> byProtocol = new EnumMap<>(Protocol.class);

    public ProtocolCodecs() {
        JsonProtocolCodec json = new JsonProtocolCodec();
        byProtocol.put(Protocol.JSON_1_0, json);
        byProtocol.put(Protocol.JSON_1_1, json);
        byProtocol.put(Protocol.QUERY, new QueryProtocolCodec());
        byProtocol.put(Protocol.REST_JSON, new RestJsonProtocolCodec());
    }

    /** Prepares every codec a registered service speaks; a service the codecs cannot serve stops start-up here. */
    public void prepare(ServiceRegistry registry) {
        for (ServiceProvider provider : registry.providers()) {
            if (provider instanceof CustomCodec custom) {
                custom.codec().prepare(registry.catalog(provider));
                continue;
            }
            for (Protocol protocol : provider.descriptor().protocols()) {
                byProtocol.get(protocol).prepare(registry.catalog(provider));
            }
        }
    }

    /** The codec for {@code exchange} to {@code provider}: its own (S3), else the one for the request's protocol. */
    public ProtocolCodec forRequest(ServiceProvider provider, HttpExchange exchange) {
        if (provider instanceof CustomCodec custom) {
            return custom.codec();
        }
        var service = provider.descriptor();
        if (!service.olderProtocols().isEmpty()) {
            for (Protocol protocol : service.protocols()) {
                ProtocolCodec codec = byProtocol.get(protocol);
                if (codec.recognizes(exchange)) {
                    return codec;
                }
            }
        }
        return byProtocol.get(service.protocol());
    }
}
