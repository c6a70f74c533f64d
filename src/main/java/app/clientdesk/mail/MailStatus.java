package app.clientdesk.mail;

/** Where a message of the outbox stands. */
public enum MailStatus {
    /** Not sent yet: never tried, mail not set up, or tried and to be tried again at the next attempt time. */
    WAITING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after {@link OutboxDelivery#MAX_ATTEMPTS} tries; the owner may still retry it by hand. */
    FAILED
}
