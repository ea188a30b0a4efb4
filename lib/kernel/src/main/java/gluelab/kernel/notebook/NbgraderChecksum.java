package gluelab.kernel.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A cell's checksum as nbgrader computes it ({@code nbgrader.utils.compute_checksum}), so a learner edition carries
 * the checksums nbgrader's own tools expect, and the grader can tell an edited check cell the way nbgrader does:
 * the MD5 of the source, the cell type, Python's {@code str()} of whether it is a grade, solution and locked cell,
 * the {@code grade_id}, and for a grade cell its points as a Python float ({@code 2.0}).
 */
public final class NbgraderChecksum {

    private NbgraderChecksum() {
    }

    /** The checksum of {@code cell}; empty when it has no nbgrader metadata (nbgrader never checksums such a cell). */
    public static Optional<String> of(Cell cell) {
        Optional<ObjectNode> nbgrader = cell.nbgrader();
        if (nbgrader.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode metadata = nbgrader.get();
        MessageDigest md5 = md5();
        update(md5, cell.source());
        update(md5, cell.type());
        update(md5, pythonStr(metadata.get("grade")));
        update(md5, pythonStr(metadata.get("solution")));
        update(md5, isLocked(metadata));
        update(md5, metadata.path("grade_id").asText());
        if (truthy(metadata.get("grade"))) {
            update(md5, pythonFloat(metadata.path("points").asDouble()));
        }
        return Optional.of(HexFormat.of().formatHex(md5.digest()));
    }

    /** Whether nbgrader keeps a checksum for this cell: a grade, solution or locked cell. */
    public static boolean kept(Cell cell) {
        return cell.nbgrader().map(metadata -> truthy(metadata.get("grade")) || truthy(metadata.get("solution"))
                || truthy(metadata.get("locked"))).orElse(false);
    }

    /** nbgrader's {@code is_locked}: never a solution cell, always a grade cell, else its {@code locked} flag. */
    private static String isLocked(ObjectNode metadata) {
        if (truthy(metadata.get("solution"))) {
            return "False";
        }
        if (truthy(metadata.get("grade"))) {
            return "True";
        }
        return pythonStr(metadata.get("locked"));
    }

    /** Python's {@code str()} of a metadata value that {@code dict.get(key, False)} returned. */
    private static String pythonStr(JsonNode value) {
        if (value == null) {
            return "False";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        return !value.asText().isEmpty();
    }

    /** Python's {@code str(float(points))} for points as notebooks write them: {@code 2.0}, {@code 0.5}. */
    static String pythonFloat(double value) {
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static void update(MessageDigest md5, String text) {
        md5.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
