package gluelab.cloud.services.s3.storage;

/**
 * The object read was replaced or deleted between looking up its metadata and opening its files; the
 * caller looks it up again.
 */
public final class ObjectChangedException extends RuntimeException {

    public ObjectChangedException() {
        super("The object changed while it was being opened", null, false, false);
    }
}
