package app.clientdesk.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersTheUsualMarkdown() {
        assertThat(Markdown.toSafeHtml("**Bold** and a [link](https://example.com)\n\n- one\n- two"))
                .contains("<strong>Bold</strong>", "<li>one</li>")
                .contains("href=\"https://example.com\"", "rel=\"noopener noreferrer nofollow\"");
    }

    @Test
    void nothingThatRunsGetsThrough() {
        String html = Markdown.toSafeHtml("""
                <script>alert(1)</script>

                <img src=x onerror=alert(2)>

                [click](javascript:alert(3)) and ![pic](https://x.test/a.png)

                <a href="https://x.test" onclick="alert(4)">x</a>
                """);
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script, img, iframe, style")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on") || a.getValue().contains("javascript:")));
        // The raw HTML is still there to read, as text.
        assertThat(page.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void blankIsEmpty() {
        assertThat(Markdown.toSafeHtml("  ")).isEmpty();
    }
}
