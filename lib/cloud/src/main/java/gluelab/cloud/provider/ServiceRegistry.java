package gluelab.cloud.provider;

import gluelab.cloud.auth.SignedRequest;
import gluelab.cloud.http.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services Lab Cloud serves, and how a request finds its service: by the SigV4 credential scope,
 * else the {@code X-Amz-Target} prefix, else a Query {@code Action}, else S3 (which owns plain paths). A
 * SigV2 signature names no service, so it is routed like an unsigned request. Where two services share a signing
 * name (SES v1 speaks Query, SES v2 REST-JSON, both signed as {@code ses}), the Query one answers at {@code /},
 * where every Query request is posted, and the other one everywhere else.
 */
public final class ServiceRegistry {

    private final Map<String, List<ServiceProvider>> bySigningName = new LinkedHashMap<>();
    private final Map<ServiceProvider, OperationCatalog> catalogs = new LinkedHashMap<>();

    public synchronized void register(ServiceProvider provider) {
        bySigningName.computeIfAbsent(provider.descriptor().signingName(), name -> new ArrayList<>()).add(provider);
        catalogs.put(provider, OperationCatalog.of(provider));
    }

    public Collection<ServiceProvider> providers() {
        return catalogs.keySet();
    }

    public OperationCatalog catalog(ServiceProvider provider) {
        return catalogs.get(provider);
    }

    /** The service signed for as {@code signingName} that answers {@code path}. */
    public Optional<ServiceProvider> bySigningName(String signingName, String path) {
        List<ServiceProvider> candidates = bySigningName.getOrDefault(signingName, List.of());
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        boolean queryPath = path.equals("/");
        return candidates.stream().filter(p -> p.descriptor().speaks(Protocol.QUERY) == queryPath).findFirst();
    }

    public Optional<ServiceProvider> byName(String name) {
        return providers().stream().filter(p -> p.descriptor().name().equals(name)).findFirst();
    }

    /** The service a request is for, or empty when nothing claims it. */
    public Optional<ServiceProvider> resolve(HttpExchange exchange, Optional<SignedRequest> signed, byte[] peekedBody) {
        Optional<String> scoped = signed.flatMap(SignedRequest::scopedService);
        if (scoped.isPresent()) {
            return bySigningName(scoped.get(), exchange.rawPath());
        }
        String target = exchange.header("X-Amz-Target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            String prefix = dot < 0 ? target : target.substring(0, dot);
            return providers().stream()
                    .filter(p -> prefix.equals(p.descriptor().targetPrefix())).findFirst();
        }
        String action = exchange.query().get("Action");
        if (action == null && peekedBody != null) {
            action = gluelab.cloud.http.QueryString.parseForm(new String(peekedBody, StandardCharsets.UTF_8)).get("Action");
        }
        if (action != null) {
            String name = action;
            Optional<ServiceProvider> query = providers().stream()
                    .filter(p -> p.descriptor().speaks(Protocol.QUERY) && catalogs.get(p).existsInModel(name))
                    .findFirst();
            if (query.isPresent()) {
                return query;
            }
        }
        return bySigningName("s3", exchange.rawPath());
    }
}
