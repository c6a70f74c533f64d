package app.clientdesk.shared.web;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import java.util.List;

/**
 * A request parameter, uploaded file name or JSON string held U+0000 (NUL), which no text of ours may hold and
 * PostgreSQL cannot store. Screens answer 400 with a page that says so; the API answers 422 naming the field.
 */
public class NulCharacterException extends InvalidInputException {

    public NulCharacterException(String field) {
        super(List.of(Violation.of(field, "validation.nul")));
    }
}
