package gluelab.cloud.protocol;

/**
 * A service whose wire format needs more than its protocol's generic codec implements this. S3 does: its
 * REST-XML has virtual hosts, streamed bodies and headers no other service uses.
 */
public interface CustomCodec {

    ProtocolCodec codec();
}
