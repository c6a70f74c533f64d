package app.clientdesk.shared.text;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown that people write (task descriptions, SOPs, comments) turned into HTML that is safe to put
 * in a page: raw HTML in the source is escaped by the renderer, and the result is cleaned again against
 * an allow-list, so no script, event handler, style or {@code javascript:} link can get through. Links
 * open in a new tab without giving the target page a handle on ours.
 */
public final class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel", "target")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    private Markdown() {}

    /** Safe HTML for {@code source}; empty for null or blank text. */
    public static String toSafeHtml(String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        String html = RENDERER.render(PARSER.parse(source));
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(html));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
