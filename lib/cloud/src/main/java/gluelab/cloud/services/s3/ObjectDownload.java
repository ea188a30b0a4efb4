package gluelab.cloud.services.s3;

import java.io.InputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * GetObject's result: the typed response (its members become headers), and the bytes to stream after
 * them, never loaded whole.
 *
 * @param status 200 for the whole object, 206 for a range or a part
 */
public record ObjectDownload(GetObjectResponse response, InputStream body, long length, int status) {
}
