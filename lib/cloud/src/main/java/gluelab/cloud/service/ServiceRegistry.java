package gluelab.cloud.service;

import gluelab.cloud.auth.SignedRequest;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.protocol.JsonProtocolCodec;
import gluelab.cloud.protocol.Protocol;
import gluelab.cloud.protocol.ProtocolCodec;
import gluelab.cloud.protocol.QueryProtocolCodec;
import gluelab.cloud.protocol.RestJsonProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services Lab Cloud serves, and how a request finds its service: by the SigV4 credential scope,
 * else the {@code X-Amz-Target} prefix, else a Query {@code Action}, else S3 (which owns plain paths).
 */
public final class ServiceRegistry {

    private final Map<String, ServiceProvider> bySigningName = new LinkedHashMap<>();
    private final Map<ServiceProvider, OperationCatalog> catalogs = new LinkedHashMap<>();
    private final Map<Protocol, ProtocolCodec> codecs = new EnumMap<>(Protocol.class);

    public ServiceRegistry() {
        JsonProtocolCodec json = new JsonProtocolCodec();
        codecs.put(Protocol.JSON_1_0, json);
        codecs.put(Protocol.JSON_1_1, json);
        codecs.put(Protocol.QUERY, new QueryProtocolCodec());
        codecs.put(Protocol.REST_JSON, new RestJsonProtocolCodec());
    }

    public synchronized void register(ServiceProvider provider) {
        bySigningName.put(provider.descriptor().signingName(), provider);
        catalogs.put(provider, OperationCatalog.of(provider));
    }

    public Collection<ServiceProvider> providers() {
        return bySigningName.values();
    }

    public OperationCatalog catalog(ServiceProvider provider) {
        return catalogs.get(provider);
    }

    public ProtocolCodec codec(ServiceProvider provider) {
        ProtocolCodec own = provider.codec();
        return own != null ? own : codecs.get(provider.descriptor().protocol());
    }

    public Optional<ServiceProvider> bySigningName(String signingName) {
        return Optional.ofNullable(bySigningName.get(signingName));
    }

    public Optional<ServiceProvider> byName(String name) {
        return bySigningName.values().stream().filter(p -> p.descriptor().name().equals(name)).findFirst();
    }

    /** The service a request is for, or empty when nothing claims it. */
    public Optional<ServiceProvider> resolve(HttpExchange exchange, Optional<SignedRequest> signed, byte[] peekedBody) {
        if (signed.isPresent()) {
            return bySigningName(signed.get().service());
        }
        String target = exchange.header("X-Amz-Target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            String prefix = dot < 0 ? target : target.substring(0, dot);
            return bySigningName.values().stream()
                    .filter(p -> prefix.equals(p.descriptor().targetPrefix())).findFirst();
        }
        String action = exchange.query().get("Action");
        if (action == null && peekedBody != null) {
            action = gluelab.cloud.http.QueryString.parseForm(new String(peekedBody, StandardCharsets.UTF_8)).get("Action");
        }
        if (action != null) {
            String name = action;
            Optional<ServiceProvider> query = bySigningName.values().stream()
                    .filter(p -> p.descriptor().protocol() == Protocol.QUERY && catalogs.get(p).existsInModel(name))
                    .findFirst();
            if (query.isPresent()) {
                return query;
            }
        }
        return bySigningName("s3");
    }
}
