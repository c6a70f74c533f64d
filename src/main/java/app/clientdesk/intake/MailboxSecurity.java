package app.clientdesk.intake;

/** How the IMAP connection is protected: TLS from the first byte (port 993), STARTTLS (143), or not at all. */
public enum MailboxSecurity {
    SSL, STARTTLS, NONE
}
