package gluelab.cloud.provider;

import gluelab.cloud.console.ConsoleRequest;

/**
 * How a service's console view reads: through the service's own operations (or another service's, such as the
 * logs of a job run), as the account the console looks at, so a page shows exactly what the API would answer.
 */
public final class ConsoleReads {

    private final InternalCalls calls;

    public ConsoleReads(InternalCalls calls) {
        this.calls = calls;
    }

    /** Calls {@code service}'s operation for {@code request} as the root of the console's account. */
    public <R> R call(String service, ConsoleRequest console, Object request) {
        Scope scope = new Scope(console.account(), console.region());
        return calls.call(service, scope, "arn:aws:iam::" + console.account() + ":root", request);
    }

    /** Whether this Lab Cloud has {@code service}. */
    public boolean serves(String service) {
        return calls.serves(service);
    }
}
