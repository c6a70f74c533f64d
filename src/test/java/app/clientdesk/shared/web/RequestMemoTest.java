package app.clientdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RequestMemoTest {

    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void leaveNoRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aGetRequestReadsTheSameNameAndArgumentsOnce() {
        inRequest("GET");
        assertThat(RequestMemo.once("client", counted("Acme"), "ws1", "ann", 7)).isEqualTo("Acme");
        assertThat(RequestMemo.once("client", counted("changed"), "ws1", "ann", 7)).isEqualTo("Acme");
        assertThat(reads).hasValue(1);
    }

    @Test
    void otherArgumentsOrAnotherNameAreReadOnTheirOwn() {
        inRequest("GET");
        RequestMemo.once("client", counted("Acme"), "ws1", "ann", 7);
        assertThat(RequestMemo.once("client", counted("for bob"), "ws1", "bob", 7)).isEqualTo("for bob");
        assertThat(RequestMemo.once("client", counted("other workspace"), "ws2", "ann", 7)).isEqualTo("other workspace");
        assertThat(RequestMemo.once("project", counted("a project"), "ws1", "ann", 7)).isEqualTo("a project");
        assertThat(reads).hasValue(4);
    }

    @Test
    void emptyAndNullAnswersAreKeptToo() {
        inRequest("GET");
        assertThat(RequestMemo.once("gone", counted(Optional.empty()), 1)).isEmpty();
        assertThat(RequestMemo.once("gone", counted(Optional.of("back")), 1)).isEmpty();
        assertThat(RequestMemo.once("nothing", counted((String) null), 1)).isNull();
        assertThat(RequestMemo.once("nothing", counted("something"), 1)).isNull();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRequestThatMayChangeThingsAlwaysReadsAfresh() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "HEAD"}) {
            inRequest(method);
            RequestMemo.once("client", counted("one"), 1);
            assertThat(RequestMemo.once("client", counted("two"), 1)).isEqualTo("two");
        }
        assertThat(reads).hasValue(10);
    }

    @Test
    void workOutsideARequestAlwaysReadsAfresh() {
        RequestMemo.once("client", counted("one"), 1);
        assertThat(RequestMemo.once("client", counted("two"), 1)).isEqualTo("two");
        assertThat(reads).hasValue(2);
    }

    @Test
    void theNextRequestDoesNotSeeTheLastOnesAnswers() {
        inRequest("GET");
        RequestMemo.once("client", counted("first request"), 1);
        inRequest("GET");
        assertThat(RequestMemo.once("client", counted("second request"), 1)).isEqualTo("second request");
        assertThat(reads).hasValue(2);
    }

    private void inRequest(String method) {
        RequestContextHolder.setRequestAttributes(
                new ServletRequestAttributes(new MockHttpServletRequest(method, "/clients/1")));
    }

    private <T> Supplier<T> counted(T answer) {
        return () -> {
            reads.incrementAndGet();
            return answer;
        };
    }
}
