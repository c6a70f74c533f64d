package app.clientdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailHeadersTest {

    @Test
    void idsAreTrimmedRepeatsDroppedAndALongThreadKeepsItsFirstAndLastIds() {
        List<String> thread = IntStream.rangeClosed(1, 30).mapToObj(i -> "<m" + i + "@client.test>").toList();
        MailHeaders headers = new MailHeaders(" <new@desk.test> ", "<m30@client.test>",
                java.util.stream.Stream.concat(thread.stream(), java.util.stream.Stream.of("<m1@client.test>", " "))
                        .toList(), MailHeaders.AUTO_REPLIED);
        assertThat(headers.messageId()).isEqualTo("<new@desk.test>");
        assertThat(headers.references()).hasSize(MailHeaders.MAX_REFERENCES)
                .startsWith("<m1@client.test>", "<m17@client.test>").endsWith("<m30@client.test>");
        assertThat(String.join(" ", headers.references()).length()).isLessThanOrEqualTo(4000);
    }

    @Test
    void aHeaderInjectionOrAnUnknownAutoSubmittedIsRefused() {
        assertThatThrownBy(() -> new MailHeaders("<a@b>\r\nBcc: x@y", null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailHeaders(null, null, List.of("<a b@c>"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailHeaders(null, null, List.of(), "no"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MailHeaders.isMessageId("<x@y>")).isTrue();
        assertThat(MailHeaders.isMessageId("x@y")).isFalse();
        assertThat(MailHeaders.isMessageId(null)).isFalse();
    }
}
