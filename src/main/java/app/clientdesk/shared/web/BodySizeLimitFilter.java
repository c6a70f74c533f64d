package app.clientdesk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code clientdesk.max-body-size} before anything reads it: 413,
 * shown as the friendly error page or, under /api, as a problem detail. A file upload to a task
 * ({@code POST /tasks/{id}/attachments}) may be as large as {@code clientdesk.attachments.max-size} plus
 * room for the multipart envelope, so may an expense with its receipt ({@code POST /billing/expenses} and
 * {@code POST /billing/expenses/{id}}, up to {@code clientdesk.receipts.max-size} plus that room), and a time
 * import ({@code POST /time/import}) or an ECB exchange-rate file ({@code POST /billing/exchange-rates/import})
 * as large as {@code clientdesk.imports.max-size} plus that room; the upload itself checks the file's size and says so
 * in words.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern.compile("/tasks/[^/]+/attachments");
    private static final java.util.regex.Pattern RECEIPT = java.util.regex.Pattern.compile("/billing/expenses(/[^/]+)?");
    private static final long MULTIPART_ROOM = 1024 * 1024;
    /** A portal request or a reply on one, with its files: up to {@code clientdesk.requests.max-upload-size}. */
    private static final java.util.regex.Pattern PORTAL_REQUEST =
            java.util.regex.Pattern.compile("/portal/requests(/[^/]+/messages)?");

    private final long maxBytes;
    private final long maxUploadBytes;
    private final long maxImportBytes;
    private final long maxReceiptBytes;
    private long maxRequestUploadBytes;

    BodySizeLimitFilter(@Value("${clientdesk.max-body-size:1MB}") DataSize max,
            @Value("${clientdesk.attachments.max-size:10MB}") DataSize maxAttachment,
            @Value("${clientdesk.imports.max-size:30MB}") DataSize maxImport,
            @Value("${clientdesk.receipts.max-size:10MB}") DataSize maxReceipt) {
        this.maxBytes = max.toBytes();
        this.maxUploadBytes = Math.max(maxBytes, maxAttachment.toBytes() + MULTIPART_ROOM);
        this.maxImportBytes = Math.max(maxBytes, maxImport.toBytes() + MULTIPART_ROOM);
        this.maxReceiptBytes = Math.max(maxBytes, maxReceipt.toBytes() + MULTIPART_ROOM);
        this.maxRequestUploadBytes = Math.max(maxBytes, DataSize.ofMegabytes(30).toBytes() + MULTIPART_ROOM);
    }

    @Value("${clientdesk.requests.max-upload-size:30MB}")
    void setMaxRequestUpload(DataSize maxRequestUpload) {
        this.maxRequestUploadBytes = Math.max(maxBytes, maxRequestUpload.toBytes() + MULTIPART_ROOM);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod());
        long limit = post && UPLOAD.matcher(path).matches() ? maxUploadBytes
                : post && (path.equals("/time/import") || path.equals("/billing/exchange-rates/import"))
                        ? maxImportBytes
                : post && RECEIPT.matcher(path).matches() ? maxReceiptBytes
                : post && PORTAL_REQUEST.matcher(path).matches() ? maxRequestUploadBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
