package app.clientdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class OutgoingMailTest {

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};

    @Test
    void addressesAreTrimmedLowerCasedAndRepeatsDropped() {
        OutgoingMail mail = new OutgoingMail(List.of(" Client@Example.COM ", "client@example.com", "b@example.org"),
                " Ana@Ana.Example ", "  Invoice INV-1  ", "Body", " ", List.of(), " ");

        assertThat(mail.to()).containsExactly("client@example.com", "b@example.org");
        assertThat(mail.replyTo()).isEqualTo("ana@ana.example");
        assertThat(mail.subject()).isEqualTo("Invoice INV-1");
        assertThat(mail.html()).isNull();
        assertThat(mail.reference()).isNull();
    }

    @Test
    void everyBrokenRuleIsReportedWithItsField() {
        assertThatThrownBy(() -> new OutgoingMail(List.of("not an address", "ok@example.com"), "nobody",
                "Line one\r\nBcc: victim@example.com", " ", null,
                List.of(new MailAttachment("../etc/passwd", "text/html", PDF),
                        new MailAttachment("fine.pdf", "not a type", PDF)), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("to[0]", "mail.error.address"),
                                org.assertj.core.groups.Tuple.tuple("replyTo", "mail.error.address"),
                                org.assertj.core.groups.Tuple.tuple("subject", "mail.error.subjectLines"),
                                org.assertj.core.groups.Tuple.tuple("text", "mail.error.textBlank"),
                                org.assertj.core.groups.Tuple.tuple("attachments[0].fileName", "mail.error.fileName"),
                                org.assertj.core.groups.Tuple.tuple("attachments[1].contentType", "mail.error.contentType")));
    }

    @Test
    void aMessageNeedsARecipientAndAttachmentsWithinTheLimit() {
        assertThatThrownBy(() -> OutgoingMail.text(List.of(), "Subject", "Body"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::messageKey).containsExactly("mail.error.noRecipient"));
        byte[] big = new byte[OutgoingMail.MAX_ATTACHMENT_BYTES / 2 + 1];
        assertThatThrownBy(() -> new OutgoingMail(List.of("a@example.com"), null, "Subject", "Body", null,
                List.of(new MailAttachment("a.pdf", "application/pdf", big), new MailAttachment("b.pdf", "application/pdf", big)),
                null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::messageKey).containsExactly("mail.error.attachmentsLarge"));
    }

    @Test
    void anAttachmentKeepsItsOwnCopyOfTheBytes() {
        byte[] bytes = {1, 2, 3};
        MailAttachment file = new MailAttachment("a.bin", "application/octet-stream", bytes);
        bytes[0] = 9;
        file.content()[1] = 9;
        assertThat(file.content()).containsExactly(1, 2, 3);
    }

    @Test
    void triesBackOffFromAMinuteToADay() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(OutboxDelivery::backoff).toList()).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(12), Duration.ofHours(24), Duration.ofHours(24));
    }

    @Test
    void anSmtpErrorReadsAsItsCausesNotAsSpringsWrapping() {
        Exception cause = new jakarta.mail.MessagingException("Couldn't connect to host, port: smtp.example.com, 587",
                new ConnectException("Connection refused"));
        MailSendException error = new MailSendException(java.util.Map.of(new Object(), cause));

        assertThat(OutboxDelivery.describe(error))
                .isEqualTo("Couldn't connect to host, port: smtp.example.com, 587 — Connection refused");
        assertThat(OutboxDelivery.describe(new IOException())).isEqualTo("IOException");
    }
}
