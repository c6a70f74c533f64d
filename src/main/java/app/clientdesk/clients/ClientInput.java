package app.clientdesk.clients;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client as typed into the form or sent to the API, before any rule is checked. Every field is raw
 * text so that a wrong value can be reported beside the field rather than failing to bind.
 *
 * @param responseTimeHours whole hours from 1 to 720; empty (blank) for no commitment, {@code null} for the
 *     usual 24 hours
 * @param memberIds the members to assign; {@code null} leaves the assignment as it is
 */
public record ClientInput(@Nullable String name, @Nullable String status, @Nullable String timeZone,
        @Nullable String currency, @Nullable String locale, @Nullable String country, @Nullable String website,
        @Nullable String billingAddress, @Nullable String taxId, List<Day> businessHours,
        @Nullable String responseTimeHours, @Nullable String channelFormalRequest,
        @Nullable String channelQuickQuestion, @Nullable String channelMeeting, @Nullable String channelReport,
        @Nullable String culturalNotes, @Nullable String notes, List<ContactInput> contacts,
        @Nullable List<UUID> memberIds) {

    /** A working day: {@code day} is an ISO day name such as MONDAY, times are "HH:mm". */
    public record Day(@Nullable String day, @Nullable String start, @Nullable String end) {
    }

    public record ContactInput(@Nullable UUID id, @Nullable String name, @Nullable String email,
            @Nullable String phone, @Nullable String role, boolean primary) {
    }
}
