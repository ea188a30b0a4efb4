package gluelab.cloud.services.iam;

import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import java.nio.charset.StandardCharsets;

/** A policy document's text as IAM handles it: checked when stored, measured against quotas, encoded in answers. */
final class PolicyText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PolicyText() {
    }

    /** The policy, or IAM's {@code MalformedPolicyDocument} saying why AWS would refuse it. */
    static PolicyDocument parse(String text, PolicyDocument.Kind kind) {
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw IamErrors.malformedPolicy(e.getMessage());
        }
    }

    /**
     * The size IAM counts against its quotas: the characters of the document, whitespace between JSON tokens not
     * counted ("IAM doesn't count white space when calculating the size of a policy").
     */
    static int size(String text) {
        int size = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                size++;
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (!Character.isWhitespace(c)) {
                size++;
                inString = c == '"';
            }
        }
        return size;
    }

    /**
     * The document as IAM's answers carry it: URL-encoded as RFC 3986 says (every byte but the unreserved
     * {@code A–Z a–z 0–9 - . _ ~} as {@code %XX}, so a space is {@code %20}, never {@code +}). The Java SDK hands it
     * over so; boto3 and the AWS CLI decode it.
     */
    static String encoded(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
