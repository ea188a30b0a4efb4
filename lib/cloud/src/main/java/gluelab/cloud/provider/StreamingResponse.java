package gluelab.cloud.provider;

import java.io.InputStream;

/**
 * The result of an operation whose output payload is streamed, not modelled as a member (S3 GetObject; later
 * Lambda Invoke): the typed response, whose members become headers, and the bytes to stream after it, never
 * loaded whole. Internal callers get it too, and read {@link #body()} themselves.
 *
 * @param length the number of bytes in {@code body}
 * @param status the HTTP status: 200 for a whole payload, 206 for a range or a part
 */
public record StreamingResponse<R>(R response, InputStream body, long length, int status) {
}
