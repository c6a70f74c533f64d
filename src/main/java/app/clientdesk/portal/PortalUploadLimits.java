package app.clientdesk.portal;

/**
 * What the portal's request forms say of files: how many one message may carry, how large each may be and how
 * large all together (the upload's limit), and which kinds (what {@code shared.files.FileTypes} accepts).
 */
public record PortalUploadLimits(int maxFiles, long maxBytes, long maxTotalBytes) {

    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }

    public long maxTotalMegabytes() {
        return Math.max(1, maxTotalBytes / (1024 * 1024));
    }

    /** The kinds accepted, for the browser's file picker (the server judges each file by its bytes). */
    public String accept() {
        return ".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.docx,.xlsx,.pptx,.odt,.ods,.odp,.zip";
    }
}
