package gluelab.kernel.maven;

/** Dependencies that could not be resolved, or that the lab refuses; the message says which and why. */
public final class MavenException extends Exception {

    public MavenException(String message) {
        super(message);
    }
}
