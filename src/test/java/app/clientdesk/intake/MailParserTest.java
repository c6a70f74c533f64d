package app.clientdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How one raw email is read: threading headers, the reply token, auto-replies, and what is kept of HTML. */
class MailParserTest {

    private final MailParser parser = new MailParser(1_000_000, 100_000, 10, 50_000);

    @Test
    void readsTheThreadingHeadersAndTheReplyTokenFromTheSubjectOrThePlusAddress() throws Exception {
        ParsedMail mail = parse("""
                From: "Kim Koala" <Kim@Koala.test>
                To: requests+abcdefghijklmnopqrstuvwxyz012345@agency.test
                Subject: Re: [#12-ABCDEFGHIJKLMNOPQRSTUVWXYZ012345] Logo
                Message-ID: <m2@koala.test>
                In-Reply-To: <m1@agency.test>
                References: <m0@koala.test>
                 <m1@agency.test>
                Content-Type: text/plain; charset=UTF-8

                Thanks!
                """);
        assertThat(mail.fromAddress()).isEqualTo("kim@koala.test");
        assertThat(mail.fromName()).isEqualTo("Kim Koala");
        assertThat(mail.messageId()).isEqualTo("<m2@koala.test>");
        assertThat(mail.inReplyTo()).isEqualTo("<m1@agency.test>");
        assertThat(mail.references()).containsExactly("<m0@koala.test>", "<m1@agency.test>");
        assertThat(mail.replyToken()).isEqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
        assertThat(mail.text()).isEqualTo("Thanks!\n");
        assertThat(mail.automatic()).isNull();

        ParsedMail plus = parse("""
                From: kim@koala.test
                To: Desk <requests+abcdefghijklmnopqrstuvwxyz012345@agency.test>
                Subject: Re: Logo

                Hi
                """);
        assertThat(plus.replyToken()).isEqualTo("abcdefghijklmnopqrstuvwxyz012345");
    }

    @Test
    void recognisesAutoRepliesAndBouncesButNotAPersonSayingNo() throws Exception {
        assertThat(parse("From: a@b.test\nAuto-Submitted: auto-replied\n\nx").automatic()).isNotNull();
        assertThat(parse("From: a@b.test\nAuto-Submitted: no\n\nx").automatic()).isNull();
        assertThat(parse("From: a@b.test\nPrecedence: junk\n\nx").automatic()).isNotNull();
        assertThat(parse("From: a@b.test\nPrecedence: first-class\n\nx").automatic()).isNull();
        assertThat(parse("From: a@b.test\nX-Autorespond: yes\n\nx").automatic()).isNotNull();
        assertThat(parse("From: postmaster@b.test\n\nx").automatic()).isNotNull();
        assertThat(parse("From: Mail Delivery <MAILER-DAEMON@b.test>\n\nx").automatic()).isNotNull();
        assertThat(parse("From: a@b.test\nContent-Type: multipart/report; report-type=delivery-status; "
                + "boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nfailed\n--b--\n").automatic()).isNotNull();
    }

    @Test
    void prefersThePlainPartAndKeepsHtmlOnlySanitised() throws Exception {
        String alternative = """
                From: a@b.test
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8

                Plain words
                --b
                Content-Type: text/html; charset=UTF-8

                <p>Html <script>x()</script>words</p>
                --b--
                """;
        ParsedMail both = parse(alternative);
        assertThat(both.text().strip()).isEqualTo("Plain words");
        assertThat(both.sanitizedHtml()).isNull();

        ParsedMail html = parse("""
                From: a@b.test
                Content-Type: text/html; charset=UTF-8

                <style>p{}</style><p>First<br>line</p><div onmouseover="x()">Second &amp; <i>last</i></div><iframe src="https://x.test"></iframe>
                """);
        assertThat(html.sanitizedHtml()).contains("<p>First<br>line</p>", "<i>last</i>")
                .doesNotContain("style", "onmouseover", "iframe");
        assertThat(html.text()).isEqualTo("First\nline\nSecond & last");
    }

    private ParsedMail parse(String raw) throws Exception {
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        return parser.parse(message, bytes.length);
    }
}
