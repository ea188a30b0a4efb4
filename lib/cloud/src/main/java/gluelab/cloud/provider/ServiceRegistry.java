package gluelab.cloud.provider;

import gluelab.cloud.auth.SignedRequest;
import gluelab.cloud.http.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services Lab Cloud serves, and how a request finds its service: by the SigV4 credential scope,
 * else the {@code X-Amz-Target} prefix, else a Query {@code Action}, else S3 (which owns plain paths). A
 * SigV2 signature names no service, so it is routed like an unsigned request.
 */
public final class ServiceRegistry {

    private final Map<String, ServiceProvider> bySigningName = new LinkedHashMap<>();
    private final Map<ServiceProvider, OperationCatalog> catalogs = new LinkedHashMap<>();
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

    public Optional<ServiceProvider> bySigningName(String signingName) {
        return Optional.ofNullable(bySigningName.get(signingName));
    }

    public Optional<ServiceProvider> byName(String name) {
        return bySigningName.values().stream().filter(p -> p.descriptor().name().equals(name)).findFirst();
    }

    /** The service a request is for, or empty when nothing claims it. */
    public Optional<ServiceProvider> resolve(HttpExchange exchange, Optional<SignedRequest> signed, byte[] peekedBody) {
        Optional<String> scoped = signed.flatMap(SignedRequest::scopedService);
        if (scoped.isPresent()) {
            return bySigningName(scoped.get());
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
                    .filter(p -> p.descriptor().speaks(Protocol.QUERY) && catalogs.get(p).existsInModel(name))
                    .findFirst();
            if (query.isPresent()) {
                return query;
            }
        }
        return bySigningName("s3");
    }
}
