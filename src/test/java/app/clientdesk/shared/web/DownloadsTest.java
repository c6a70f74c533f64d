package app.clientdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Whatever a file is called, its download header stays one well-formed header that names it. */
class DownloadsTest {

    @Test
    void aDownloadIsAnAttachmentOfItsStoredTypeThatNoOneSniffsOrCaches() {
        ResponseEntity<Resource> response = Downloads.attachment("brief.pdf", "application/pdf", 5,
                new ByteArrayResource(new byte[5]));

        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"brief.pdf\"; filename*=UTF-8''brief.pdf");
        assertThat(headers.getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/pdf");
        assertThat(headers.getContentLength()).isEqualTo(5);
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-store");
    }

    @Test
    void quotesNonAsciiAndLineBreaksCannotBreakTheHeader() {
        String name = "Relatório \"final\"\r\nSet-Cookie: session=stolen\\ação.pdf";

        String header = Downloads.contentDisposition(name);

        assertThat(header).doesNotContain("\r", "\n").matches("[\\x20-\\x7E]+");
        assertThat(header).startsWith("attachment; filename=\"Relat_rio _final_Set-Cookie: session=stolen_a__o.pdf\";");
        // Exactly one quoted string: the name's own quotes did not end it.
        assertThat(header.chars().filter(c -> c == '"')).hasSize(2);
        String extended = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(extended).matches("[A-Za-z0-9!#$&+.^_`|~%-]+");
        assertThat(URLDecoder.decode(extended.replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo("Relatório \"final\"Set-Cookie: session=stolen\\ação.pdf");
        // A browser's parser gets the full name back.
        assertThat(ContentDisposition.parse(header).getFilename())
                .isEqualTo("Relatório \"final\"Set-Cookie: session=stolen\\ação.pdf");
    }

    @Test
    void aNameOfNothingButControlCharactersStillNamesTheDownload() {
        assertThat(Downloads.contentDisposition("\r\n\t"))
                .isEqualTo("attachment; filename=\"download\"; filename*=UTF-8''download");
    }
}
