package gluelab.kernel.classroom;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LearnerPrefixesTest {

    @Test
    void aLearnersIdBecomesTheStartOfABucketName() {
        assertEquals(Map.of("Ada Lovelace", "ada-lovelace", "s1001", "s1001", "jo.doe@uni.example", "jo-doe-uni-e"),
                LearnerPrefixes.assign(List.of("Ada Lovelace", "s1001", "jo.doe@uni.example")));
    }

    @Test
    void noLearnersNamesStartWithAnotherLearnersLabPrefixSoNoResetReachesAnotherLearner() {
        Map<String, String> prefixes = LearnerPrefixes.assign(List.of("ann", "ann-lab05", "Ann", "ann-b", "__"));

        // ann-lab05's names would be ann-lab05-lab05-…, which a reset of ann's lab 05 (ann-lab05-…) would remove.
        assertEquals("ann", prefixes.get("ann"));
        assertEquals("learner-1", prefixes.get("ann-lab05"));
        assertEquals("learner-2", prefixes.get("Ann"));
        assertEquals("ann-b", prefixes.get("ann-b"));
        assertEquals("learner", prefixes.get("__"));
    }
}
