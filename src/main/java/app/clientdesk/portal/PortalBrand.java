package app.clientdesk.portal;

/** The workspace that serves a contact, as the portal's header shows it: its name and whether it has a logo. */
public record PortalBrand(String name, boolean hasLogo) {
}
