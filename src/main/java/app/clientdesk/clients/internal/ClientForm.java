package app.clientdesk.clients.internal;

import app.clientdesk.clients.Channels;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.ClientStatus;
import app.clientdesk.clients.Contact;
import app.clientdesk.shared.validation.Violation;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The client form as submitted: seven weekday rows and a list of contact rows (a fully blank contact
 * row is ignored). A mutable bean because Spring binds indexed rows into it; it never reaches the
 * database directly but becomes a {@link ClientInput}.
 */
public class ClientForm {

    public static class DayRow {
        private boolean open;
        private String start = "09:00";
        private String end = "17:00";

        public boolean isOpen() { return open; }
        public void setOpen(boolean open) { this.open = open; }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public String getEnd() { return end; }
        public void setEnd(String end) { this.end = end; }
    }

    public static class ContactRow {
        private @Nullable String id;
        private String name = "";
        private String email = "";
        private String phone = "";
        private String role = "";

        public @Nullable String getId() { return id; }
        public void setId(@Nullable String id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }

        boolean blank() {
            return isBlank(name) && isBlank(email) && isBlank(phone) && isBlank(role);
        }
    }

    private String name = "";
    private String status = ClientStatus.ACTIVE.name();
    private String timeZone = "";
    private String currency = "";
    private String locale = "en";
    private String country = "";
    private String website = "";
    private String billingAddress = "";
    private String taxId = "";
    private String responseTimeHours = "24";
    private String channelFormalRequest = Channels.DEFAULT.formalRequest().name();
    private String channelQuickQuestion = Channels.DEFAULT.quickQuestion().name();
    private String channelMeeting = Channels.DEFAULT.meeting().name();
    private String channelReport = Channels.DEFAULT.report().name();
    private String culturalNotes = "";
    private String notes = "";
    private List<DayRow> days = new ArrayList<>();
    private List<ContactRow> contacts = new ArrayList<>();
    private int primaryContact = 0;
    private List<UUID> memberIds = new ArrayList<>();

    public static ClientForm blank(String currency, String zone) {
        ClientForm form = new ClientForm();
        form.currency = currency;
        form.timeZone = zone;
        for (DayOfWeek day : DayOfWeek.values()) {
            DayRow row = new DayRow();
            row.open = day.getValue() <= 5;
            form.days.add(row);
        }
        form.contacts.add(new ContactRow());
        return form;
    }

    public static ClientForm of(Client client) {
        ClientForm form = new ClientForm();
        form.name = client.name();
        form.status = client.status().name();
        form.timeZone = client.zone().getId();
        form.currency = client.currency().getCurrencyCode();
        form.locale = client.locale();
        form.country = Objects.toString(client.country(), "");
        form.website = Objects.toString(client.website(), "");
        form.billingAddress = Objects.toString(client.billingAddress(), "");
        form.taxId = Objects.toString(client.taxId(), "");
        form.responseTimeHours = client.responseTimeHours() == null ? "" : client.responseTimeHours().toString();
        form.channelFormalRequest = client.channels().formalRequest().name();
        form.channelQuickQuestion = client.channels().quickQuestion().name();
        form.channelMeeting = client.channels().meeting().name();
        form.channelReport = client.channels().report().name();
        form.culturalNotes = Objects.toString(client.culturalNotes(), "");
        form.notes = Objects.toString(client.notes(), "");
        for (DayOfWeek day : DayOfWeek.values()) {
            DayRow row = new DayRow();
            client.businessHours().on(day).ifPresent(span -> {
                row.open = true;
                row.start = span.opens().toString();
                row.end = span.closes().toString();
            });
            form.days.add(row);
        }
        int i = 0;
        for (Contact contact : client.contacts()) {
            ContactRow row = new ContactRow();
            row.id = contact.id().toString();
            row.name = contact.name();
            row.email = Objects.toString(contact.email(), "");
            row.phone = Objects.toString(contact.phone(), "");
            row.role = Objects.toString(contact.role(), "");
            if (contact.primary()) {
                form.primaryContact = i;
            }
            form.contacts.add(row);
            i++;
        }
        if (form.contacts.isEmpty()) {
            form.contacts.add(new ContactRow());
        }
        form.memberIds = new ArrayList<>(client.memberIds());
        return form;
    }

    /** Where each row of the input came from, to put an error back beside the right row of the form. */
    record Converted(ClientInput input, List<Integer> dayRows, List<Integer> contactRows) {

        private static final Pattern ROW = Pattern.compile("^(businessHours|contacts)\\[(\\d+)](.*)$");

        String formField(Violation violation) {
            String field = violation.field();
            if (field.startsWith("channels.")) {
                String kind = field.substring("channels.".length());
                return "channel" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            }
            Matcher m = ROW.matcher(field);
            if (m.matches()) {
                int index = Integer.parseInt(m.group(2));
                if (m.group(1).equals("businessHours") && index < dayRows.size()) {
                    return "days[" + dayRows.get(index) + "]" + m.group(3);
                }
                if (m.group(1).equals("contacts") && index < contactRows.size()) {
                    return "contacts[" + contactRows.get(index) + "]" + m.group(3);
                }
            }
            return field;
        }
    }

    Converted toInput(boolean owner) {
        List<ClientInput.Day> hours = new ArrayList<>();
        List<Integer> dayRows = new ArrayList<>();
        for (int i = 0; i < days.size() && i < 7; i++) {
            DayRow row = days.get(i);
            if (row != null && row.open) {
                hours.add(new ClientInput.Day(DayOfWeek.of(i + 1).name(), row.start, row.end));
                dayRows.add(i);
            }
        }
        List<ClientInput.ContactInput> people = new ArrayList<>();
        List<Integer> contactRows = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactRow row = contacts.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            people.add(new ClientInput.ContactInput(parseId(row.id), row.name, row.email, row.phone, row.role,
                    i == primaryContact));
            contactRows.add(i);
        }
        ClientInput input = new ClientInput(name, status, timeZone, currency, locale, country, website,
                billingAddress, taxId, hours, responseTimeHours, channelFormalRequest, channelQuickQuestion,
                channelMeeting, channelReport, culturalNotes, notes, people, owner ? List.copyOf(memberIds) : null);
        return new Converted(input, dayRows, contactRows);
    }

    /** The form to show again after an error: at least one contact row, and seven days. */
    ClientForm withBlankContactRow() {
        if (contacts.isEmpty()) {
            contacts.add(new ContactRow());
        }
        while (days.size() < 7) {
            days.add(new DayRow());
        }
        return this;
    }

    private static @Nullable UUID parseId(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getBillingAddress() { return billingAddress; }
    public void setBillingAddress(String billingAddress) { this.billingAddress = billingAddress; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public String getResponseTimeHours() { return responseTimeHours; }
    public void setResponseTimeHours(String responseTimeHours) { this.responseTimeHours = responseTimeHours; }
    public String getChannelFormalRequest() { return channelFormalRequest; }
    public void setChannelFormalRequest(String v) { this.channelFormalRequest = v; }
    public String getChannelQuickQuestion() { return channelQuickQuestion; }
    public void setChannelQuickQuestion(String v) { this.channelQuickQuestion = v; }
    public String getChannelMeeting() { return channelMeeting; }
    public void setChannelMeeting(String v) { this.channelMeeting = v; }
    public String getChannelReport() { return channelReport; }
    public void setChannelReport(String v) { this.channelReport = v; }
    public String getCulturalNotes() { return culturalNotes; }
    public void setCulturalNotes(String culturalNotes) { this.culturalNotes = culturalNotes; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public List<DayRow> getDays() { return days; }
    public void setDays(List<DayRow> days) { this.days = days; }
    public List<ContactRow> getContacts() { return contacts; }
    public void setContacts(List<ContactRow> contacts) { this.contacts = contacts; }
    public int getPrimaryContact() { return primaryContact; }
    public void setPrimaryContact(int primaryContact) { this.primaryContact = primaryContact; }
    public List<UUID> getMemberIds() { return memberIds; }
    public void setMemberIds(List<UUID> memberIds) { this.memberIds = memberIds; }
}
