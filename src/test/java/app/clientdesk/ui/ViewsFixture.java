package app.clientdesk.ui;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Clients and tasks made behind the scenes for the views' browser tests. */
record ViewsFixture(Clients clients, Tasks tasks, UserDetailsService users) {

    CurrentUser owner(String email) {
        return (CurrentUser) users.loadUserByUsername(email);
    }

    ClientId client(CurrentUser owner, String name, String zone) {
        return clients.create(owner, new ClientInput(name, "ACTIVE", zone, "GBP", "en-GB", "GB", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                null, null, List.of(), List.of()));
    }

    TaskId task(CurrentUser owner, ClientId client, String title, boolean urgent, boolean important,
            @Nullable String due, @Nullable String type, @Nullable String estimate) {
        return tasks.create(owner, new TaskInput(title, null, client.toString(), null, null, urgent, important, due, null,
                null, estimate, null, type, null, null, List.of(), null, null, List.of()));
    }
}
