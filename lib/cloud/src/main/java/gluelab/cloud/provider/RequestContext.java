package gluelab.cloud.provider;

import gluelab.cloud.auth.Authentication;
import gluelab.cloud.auth.Credential;
import gluelab.cloud.http.HttpExchange;
import java.time.Instant;

/**
 * Everything about one authenticated call that a provider may need besides its typed request: who called,
 * in which account and region, when (on the lab clock), and the raw exchange for streaming services.
 */
public final class RequestContext {

    private final String requestId;
    private final ServiceDescriptor service;
    private final HttpExchange exchange;
    private final RequestBody body;
    private volatile Authentication authentication;
    private final Instant receivedAt;
    private final Platform platform;
    private volatile String operation;
    private volatile String resource;
    private volatile Arn sourceArn;

    public RequestContext(String requestId, ServiceDescriptor service, HttpExchange exchange, RequestBody body,
                          Authentication authentication, Instant receivedAt, Platform platform) {
        this.requestId = requestId;
        this.service = service;
        this.exchange = exchange;
        this.body = body;
        this.authentication = authentication;
        this.receivedAt = receivedAt;
        this.platform = platform;
    }

    public String requestId() {
        return requestId;
    }

    public ServiceDescriptor service() {
        return service;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public RequestBody body() {
        return body;
    }

    public Authentication authentication() {
        return authentication;
    }

    /** A context for answering a request that failed before it was authenticated. */
    public static RequestContext unauthenticated(String requestId, ServiceDescriptor service, HttpExchange exchange,
                                                 Instant receivedAt, Platform platform) {
        return new RequestContext(requestId, service, exchange, RequestBody.ofBytes(new byte[0]), null, receivedAt, platform);
    }

    /**
     * Authenticates a call that arrived unsigned but carries its signature in its body (S3's browser-form POST, whose
     * policy is signed), once the protocol has verified that signature. A call is authenticated once, never twice.
     */
    public void authenticate(Authentication verified) {
        if (authentication != null) {
            throw new IllegalStateException("This call is already authenticated as " + authentication.credential().accessKeyId());
        }
        this.authentication = verified;
    }

    public boolean isAuthenticated() {
        return authentication != null;
    }

    public Credential caller() {
        return authentication == null ? null : authentication.credential();
    }

    /** The caller's account, or null before authentication. */
    public String accountId() {
        return authentication == null ? null : authentication.accountId();
    }

    public String region() {
        return authentication == null ? platform.config().defaultRegion() : authentication.region();
    }

    public Scope scope() {
        return new Scope(accountId(), region());
    }

    /** When the request arrived, on the lab clock. */
    public Instant now() {
        return receivedAt;
    }

    public Platform platform() {
        return platform;
    }

    public String operation() {
        return operation;
    }

    public void operation(String name) {
        this.operation = name;
    }

    /**
     * For an AWS service calling on behalf of one of its resources (an EventBridge rule invoking a function), that
     * resource: policies see it as {@code aws:SourceArn} and its account as {@code aws:SourceAccount}. Else null.
     */
    public Arn sourceArn() {
        return sourceArn;
    }

    public void sourceArn(Arn source) {
        this.sourceArn = source;
    }

    /** What the call was about, for the timeline; providers may set it, else the edge derives it. */
    public String resource() {
        return resource;
    }

    public void resource(String name) {
        this.resource = name;
    }
}
