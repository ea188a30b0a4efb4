package gluelab.kernel.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code LAB_PREFIX} each learner is graded under: their id made into the start of a bucket name ({@code Ada
 * Lovelace} is {@code ada-lovelace}), at most {@value #MAX_LENGTH} characters so the lab's own names still fit in 63.
 * A reset of one learner's lab removes the names that start with {@code <prefix>-labNN-}; so no learner's names may
 * start with another's prefix and {@code -lab} ({@code ann} and {@code ann-lab05}). A learner whose prefix would
 * collide so, or repeat another's, is given {@code learner-N} instead.
 */
public final class LearnerPrefixes {

    static final int MAX_LENGTH = 12;

    private LearnerPrefixes() {
    }

    /** The prefix of every learner, in the order given. */
    public static Map<String, String> assign(List<String> learnerIds) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        int fallback = 0;
        for (String learner : learnerIds) {
            String prefix = fromId(learner);
            while (collides(prefix, taken)) {
                prefix = "learner-" + ++fallback;
            }
            taken.add(prefix);
            prefixes.put(learner, prefix);
        }
        return prefixes;
    }

    static String fromId(String learnerId) {
        String prefix = learnerId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        if (prefix.length() > MAX_LENGTH) {
            prefix = prefix.substring(0, MAX_LENGTH);
        }
        prefix = prefix.replaceAll("-+$", "");
        return prefix.isEmpty() ? "learner" : prefix;
    }

    private static boolean collides(String prefix, List<String> taken) {
        for (String other : taken) {
            if (other.equals(prefix) || other.startsWith(prefix + "-lab") || prefix.startsWith(other + "-lab")) {
                return true;
            }
        }
        return false;
    }
}
