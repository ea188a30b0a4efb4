package gluelab.cloud.services.s3.storage;

import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Bytes received and on disk but not yet part of any object: a file in the staging directory with the
 * digests computed while it streamed in. Publishing moves it among the payload files; until then a crash
 * leaves only garbage that the next start sweeps away.
 */
public record StagedPayload(String fileId, Path path, long size, byte[] md5,
                            Map<ChecksumAlgorithm, byte[]> checksums) {

    public String md5Hex() {
        return HexFormat.of().formatHex(md5);
    }
}
