package app.clientdesk.billing.internal;

import app.clientdesk.billing.InvoiceDocument;
import app.clientdesk.billing.InvoiceDocuments;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoicePdfs;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.OwnerOnly;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An invoice as the client gets it: a printable web page and the PDF (owner only). */
@OwnerOnly
@Controller
class InvoiceDocumentController {

    private final InvoiceDocuments documents;
    private final InvoicePdfs pdfs;

    InvoiceDocumentController(InvoiceDocuments documents, InvoicePdfs pdfs) {
        this.documents = documents;
        this.pdfs = pdfs;
    }

    @GetMapping("/billing/invoices/{invoiceId}/view")
    String view(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId, Model model) {
        InvoiceDocument doc = documents.document(viewer, new InvoiceId(invoiceId));
        model.addAttribute("doc", doc);
        model.addAttribute("invoiceId", invoiceId.toString());
        return "billing/document/view";
    }

    @GetMapping("/billing/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId) {
        InvoicePdfs.Pdf pdf = pdfs.file(viewer, new InvoiceId(invoiceId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf.bytes());
    }
}
