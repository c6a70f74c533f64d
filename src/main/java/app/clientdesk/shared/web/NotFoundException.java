package app.clientdesk.shared.web;

/**
 * The thing asked for does not exist for this viewer. Thrown alike for an unknown id and for an id of
 * another workspace or of a client the viewer may not see, so that no one can probe for ids.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
