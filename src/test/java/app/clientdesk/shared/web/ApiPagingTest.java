package app.clientdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.validation.Violations;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiPagingTest {

    @Test
    void leftOutOrBlankIsFiftyFromTheStart() {
        Violations v = new Violations();
        assertThat(ApiPaging.read(null, null, v)).isEqualTo(new ApiPaging(50, 0));
        assertThat(ApiPaging.read(" ", "", v)).isEqualTo(new ApiPaging(50, 0));
        assertThat(v.isEmpty()).isTrue();
    }

    @Test
    void aLimitFromOneToTwoHundredAndAnyOffsetFromZeroAreTaken() {
        Violations v = new Violations();
        assertThat(ApiPaging.read("1", "0", v)).isEqualTo(new ApiPaging(1, 0));
        assertThat(ApiPaging.read(" 200 ", "1000000", v)).isEqualTo(new ApiPaging(200, 1_000_000));
        assertThat(ApiPaging.read("20", String.valueOf(ApiPaging.MAX_OFFSET), v).offset())
                .isEqualTo(ApiPaging.MAX_OFFSET);
        assertThat(v.isEmpty()).isTrue();
    }

    @Test
    void aBadValueIsNamedWithItsRangeAndTheDefaultStandsIn() {
        Violations v = new Violations();
        ApiPaging paging = ApiPaging.read("201", "-1", v);
        assertThat(paging).isEqualTo(new ApiPaging(50, 0));
        assertThat(v.list()).extracting(Violation::field, Violation::messageKey, Violation::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("limit", "validation.range", List.of(1, 200)),
                org.assertj.core.groups.Tuple.tuple("offset", "validation.range", List.of(0, ApiPaging.MAX_OFFSET)));

        Violations words = new Violations();
        ApiPaging.read("ten", "1e3", words);
        ApiPaging.read("0", "99999999999", words);
        ApiPaging.read("2.5", String.valueOf(ApiPaging.MAX_OFFSET + 1L), words);
        assertThat(words.list()).extracting(Violation::field)
                .containsExactly("limit", "offset", "limit", "offset", "limit", "offset");
    }

    @Test
    void moreFollowWhenThePageEndsBeforeTheTotal() {
        ApiPaging second = new ApiPaging(2, 2);
        assertThat(second.hasMore(5, 2)).isTrue();
        assertThat(second.hasMore(4, 2)).isFalse();
        assertThat(second.hasMore(3, 1)).isFalse();
        assertThat(new ApiPaging(50, 10).hasMore(3, 0)).isFalse();
        assertThat(new ApiPaging(200, ApiPaging.MAX_OFFSET).hasMore(Long.MAX_VALUE, 200)).isTrue();
        assertThat(second.limitPlusOne()).isEqualTo(3);
    }
}
