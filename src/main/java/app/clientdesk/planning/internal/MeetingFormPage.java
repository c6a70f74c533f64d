package app.clientdesk.planning.internal;

import app.clientdesk.clients.Contact;
import app.clientdesk.identity.Account;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the meeting form offers: the clients the viewer may name with their contacts that have an address, and the
 * staff to invite. {@code meetingId} is null for a new meeting.
 */
public record MeetingFormPage(@Nullable UUID meetingId, String action, List<ClientContacts> clients,
        List<Account> staff) {

    public MeetingFormPage {
        clients = List.copyOf(clients);
        staff = List.copyOf(staff);
    }

    public boolean editing() {
        return meetingId != null;
    }

    /** A client and its contacts that can be invited (those with an email address). */
    public record ClientContacts(UUID id, String name, String zone, List<Contact> contacts) {

        public ClientContacts {
            contacts = List.copyOf(contacts);
        }
    }
}
