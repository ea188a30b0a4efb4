package gluelab.cloud.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static final Pages PAGES = new Pages("ValidationException",
            token -> new AwsServiceException("InvalidInputException", "Invalid NextToken: " + token, 400));
    private static final Pages.Limits LIMITS = new Pages.Limits("maxResults", 2, 3);

    @Test
    void pagesFollowEachOtherUntilTheLastHasNoToken() {
        List<String> names = List.of("a", "b", "c", "d", "e");
        Pages.Page<String> first = PAGES.page(names, Function.identity(), null, null, LIMITS);
        Pages.Page<String> second = PAGES.page(names, Function.identity(), first.nextToken(), 3, LIMITS);
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(second.items()).containsExactly("c", "d", "e");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void aPageAfterInsertsAndDeletesNeitherRepeatsNorSkipsWhatStayed() {
        List<String> names = new ArrayList<>(List.of("a", "b", "c", "d"));
        Pages.Page<String> first = PAGES.page(names, Function.identity(), null, 2, LIMITS);
        names.remove("b");
        names.add(0, "0");
        Pages.Page<String> second = PAGES.page(names, Function.identity(), first.nextToken(), 2, LIMITS);
        assertThat(second.items()).containsExactly("c", "d");
    }

    @Test
    void aTokenThisLabCloudDidNotHandOutGetsTheServicesError() {
        assertThatThrownBy(() -> PAGES.page(List.of("a"), Function.identity(), "not-a-token!", null, LIMITS))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidInputException"));
    }

    @Test
    void aPageSizeOutsideTheModelsRangeIsAValidationError() {
        assertThatThrownBy(() -> PAGES.page(List.of("a"), Function.identity(), null, 4, LIMITS))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "1 validation error detected: Value '4' at 'maxResults' failed to satisfy constraint: "
                                + "Member must have value less than or equal to 3"));
    }
}
