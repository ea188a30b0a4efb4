package gluelab.cloud.services.s3.storage;

import java.util.Comparator;

/**
 * S3 lists keys in the binary order of their UTF-8 bytes, which is code point order. Java's own string
 * order compares UTF-16 units and puts U+E000..U+FFFF after the supplementary characters; this does not.
 */
public final class Utf8BinaryOrder implements Comparator<String> {

    public static final Utf8BinaryOrder INSTANCE = new Utf8BinaryOrder();

    private Utf8BinaryOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
