package app.clientdesk.billing;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The PDF of an invoice: its document ({@link InvoiceDocuments}) rendered by {@code billing/document/pdf.jte},
 * parsed by jsoup and laid out by openhtmltopdf. The renderer loads nothing from outside: only {@code data:}
 * URIs (the logo) are let through, every other URI (http, file, jar…) is refused before it is resolved, and the
 * stream factories for every protocol answer nothing. Fonts are embedded from the classpath (DejaVu Sans when
 * its jar is there, else the Liberation Sans that PDFBox carries); a currency symbol the font cannot show is
 * printed as the currency's code. The PDF is tagged (PDF/UA-1), so a screen reader reads it in order and in its
 * language.
 */
@Service
public class InvoicePdfs {

    private static final Logger log = LoggerFactory.getLogger(InvoicePdfs.class);
    private static final String FAMILY = "Invoice Sans";
    private static final String WEB_ONLY = "/* ---- web only";

    /** A TrueType face on the classpath: the regular one is required, bold is used when present. */
    private record Face(String regular, @Nullable String bold) {
    }

    private static final List<Face> FACES = List.of(
            new Face("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
                    "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf"),
            new Face("org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf", null));

    private final InvoiceDocuments documents;
    private final TemplateEngine templates;
    private final byte[] regular;
    private final byte @Nullable [] bold;
    private final BitSet glyphs;
    private final String css;
    private final ThreadLocal<Parsed> fonts = ThreadLocal.withInitial(this::parse);

    InvoicePdfs(InvoiceDocuments documents, TemplateEngine templates) {
        this.documents = documents;
        this.templates = templates;
        Face face = FACES.stream().filter(f -> resource(f.regular()) != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no font for invoice PDFs on the classpath"));
        this.regular = resource(face.regular());
        this.bold = face.bold() == null ? null : resource(face.bold());
        this.glyphs = glyphs(regular);
        String all = new String(resource("static/css/documents.css"), StandardCharsets.UTF_8);
        // The PDF takes the document's rules only; the web page's and the settings page's come after the mark.
        this.css = all.contains(WEB_ONLY) ? all.substring(0, all.indexOf(WEB_ONLY)) : all;
        log.info("Invoice PDFs embed {}", face.regular());
        XRLog.setLoggerImpl(new Warnings());
    }

    /**
     * openhtmltopdf's log, to SLF4J from warnings up: its timings and font notes would otherwise cost every PDF a
     * few dozen lines on standard error.
     */
    private static final class Warnings implements XRLogger {

        private static final Logger renderer = LoggerFactory.getLogger("com.openhtmltopdf");

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, @Nullable Throwable th) {
            if (level.intValue() >= Level.WARNING.intValue()) {
                renderer.warn("{}: {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
        }
    }

    /** A PDF and the name it is offered under: the invoice's number, or "draft-…" for a draft. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    /** The PDF of one of the owner's invoices. */
    public Pdf file(CurrentUser viewer, InvoiceId id) {
        viewer.requireOwner();
        return file(viewer.workspaceId(), id);
    }

    /**
     * The PDF of an invoice of the workspace with its file name, for work without a person (sending, the API):
     * the caller decides who may see it.
     *
     * @throws app.clientdesk.shared.web.NotFoundException if the workspace has no such invoice
     */
    public Pdf file(WorkspaceId workspace, InvoiceId id) {
        InvoiceDocument document = document(workspace, id);
        return new Pdf(document.fileName(), render(document));
    }

    /** The PDF of an invoice of the workspace (see {@link #file(WorkspaceId, InvoiceId)}). */
    public byte[] render(WorkspaceId workspace, InvoiceId id) {
        return file(workspace, id).bytes();
    }

    /** The document as the PDF prints it (with the font's symbols). */
    InvoiceDocument document(WorkspaceId workspace, InvoiceId id) {
        return documents.document(workspace, id, this::printable);
    }

    byte[] render(InvoiceDocument document) {
        StringOutput html = new StringOutput(16 * 1024);
        templates.render("billing/document/pdf.jte", Map.of("doc", document, "css", css), html);
        org.w3c.dom.Document dom = W3CDom.convert(Jsoup.parse(html.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // Tagged for screen readers (PDF/UA-1): a structure tree, the title from <title>, the language from
        // <html lang>, the logo's alt text; every font is embedded and the running footer is an artifact.
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Clientdesk");
        builder.withW3cDocument(dom, null);
        // Nothing from outside: data: URIs only, refused before and after resolving, and no stream to fetch with.
        builder.useExternalResourceAccessControl((uri, type) -> local(uri),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> local(uri),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useUriResolver((base, uri) -> local(uri) ? uri : null);
        builder.useHttpStreamImplementation(NOTHING);
        builder.useProtocolsStreamImplementation(NOTHING, "http", "https", "file", "jar", "ftp", "classpath");
        try (PDDocument pdf = new PDDocument()) {
            builder.usePDDocument(pdf);
            // The fonts are parsed once per thread and embedded (as a subset) in each document: parsing a
            // TrueType file for every PDF was most of a PDF's cost.
            Parsed parsed = fonts.get();
            builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, parsed.regular(), true)), FAMILY, 400,
                    FontStyle.NORMAL, true);
            if (parsed.bold() != null) {
                builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, parsed.bold(), true)), FAMILY, 700,
                        FontStyle.NORMAL, true);
            }
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFKeepOpen();
            }
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The embedded faces, parsed. A parsed font is read as it is used, so each thread has its own. */
    private record Parsed(TrueTypeFont regular, @Nullable TrueTypeFont bold) {
    }

    private Parsed parse() {
        try {
            return new Parsed(new TTFParser().parse(new RandomAccessReadBuffer(regular)),
                    bold == null ? null : new TTFParser().parse(new RandomAccessReadBuffer(bold)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean local(@Nullable String uri) {
        return uri != null && uri.regionMatches(true, 0, "data:", 0, 5);
    }

    /** A stream factory that fetches nothing, whatever it is asked for. */
    private static final FSStreamFactory NOTHING = url -> new FSStream() {
        @Override
        public @Nullable InputStream getStream() {
            return null;
        }

        @Override
        public java.io.@Nullable Reader getReader() {
            return null;
        }
    };

    /** Whether the embedded font has a glyph for the character. */
    boolean printable(int codePoint) {
        return codePoint < 0x80 || codePoint < glyphs.size() && glyphs.get(codePoint);
    }

    private static BitSet glyphs(byte[] ttf) {
        BitSet set = new BitSet(0x10000);
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int c = 0; c < 0x10000; c++) {
                if (cmap.getGlyphId(c) != 0) {
                    set.set(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    private static byte @Nullable [] resource(String path) {
        try (InputStream in = InvoicePdfs.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
