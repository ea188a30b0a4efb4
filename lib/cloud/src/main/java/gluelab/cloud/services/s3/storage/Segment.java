package gluelab.cloud.services.s3.storage;

/**
 * A run of an object's bytes kept in one payload file. A simple upload has one segment; a completed
 * multipart upload keeps its parts' files as its segments, in part order, so completing never copies.
 *
 * @param fileId   the payload file's generated name (never derived from the key)
 * @param length   bytes in the file
 * @param checksum the part's own flexible checksum (base64), for part-number GETs; null if none
 */
public record Segment(String fileId, long length, String checksum) {
}
