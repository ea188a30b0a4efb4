package gluelab.cloud.provider;

import java.net.URI;

/**
 * Where the edge really listens. The configured port may be 0 (tests pick a free one), so the address
 * is known only once the server is bound; processes Lab Cloud starts (the Glue worker, Lambda runtimes)
 * are pointed here.
 */
public final class EdgeEndpoint {

    private volatile URI uri;

    /** Called once by Lab Cloud when the server is listening. */
    public void bind(URI boundUri) {
        this.uri = boundUri;
    }

    /** The edge's URI, e.g. {@code http://127.0.0.1:4566}. */
    public URI uri() {
        URI bound = uri;
        if (bound == null) {
            throw new IllegalStateException("The Lab Cloud edge is not listening yet");
        }
        return bound;
    }
}
