package app.clientdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import app.clientdesk.shared.validation.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of {@link ClientRules}, each broken on its own, and what a valid client turns into. */
class ClientRulesTest {

    private static final UUID MEMBER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    /** A valid client; each test changes one thing. */
    private static Builder valid() {
        return new Builder();
    }

    private static List<Tuple> violations(Builder input) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> accepted(input));
        assertThat(e).as("the input should have been refused").isNotNull();
        return e.violations().stream().map(v -> tuple(v.field(), v.messageKey(), v.args())).toList();
    }

    private static ClientRules.Valid accepted(Builder input) {
        return ClientRules.check(input.build(), Set.of(MEMBER));
    }

    private static Tuple violation(String field, String key, Object... args) {
        return tuple(field, key, List.of(args));
    }

    @Test
    void aValidClientIsAcceptedAndNormalised() {
        ClientRules.Valid c = accepted(valid()
                .name("  Thames Legal  ").status("paused").timeZone(" Europe/London ").currency("gbp")
                .locale("en_GB").country("gb"));

        assertThat(c.name()).isEqualTo("Thames Legal");
        assertThat(c.status()).isEqualTo(ClientStatus.PAUSED);
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(c.currency()).isEqualTo(Currency.getInstance("GBP"));
        assertThat(c.locale()).isEqualTo("en-GB");
        assertThat(c.country()).isEqualTo("GB");
        assertThat(c.businessHours().on(DayOfWeek.MONDAY))
                .contains(new BusinessHours.Span(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(c.memberIds()).containsExactly(MEMBER);
    }

    @Test
    void leftOutOptionalFieldsGetTheirDefaults() {
        ClientRules.Valid c = accepted(valid().status(null).locale(null).responseTimeHours(null)
                .channels(null, null, null, null));

        assertThat(c.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(c.locale()).isEqualTo("en");
        assertThat(c.responseTimeHours()).isEqualTo(24);
        assertThat(c.channels()).isEqualTo(Channels.DEFAULT);
        assertThat(c.country()).isNull();
        assertThat(c.website()).isNull();
    }

    @Test
    void nameIsRequiredAndAtMost160Characters() {
        assertThat(violations(valid().name("   "))).containsExactly(violation("name", "validation.required"));
        assertThat(violations(valid().name("x".repeat(161)))).containsExactly(violation("name", "validation.tooLong", 160));
        assertThat(accepted(valid().name("x".repeat(160))).name()).hasSize(160);
    }

    @Test
    void aNameLosesBidiOverridesControlAndInvisibleCharacters() {
        assertThat(accepted(valid().name("Thames\u202E Legal\u200B\u0000")).name()).isEqualTo("Thames Legal");
        assertThat(violations(valid().name("\u202E\u200B"))).containsExactly(violation("name", "validation.required"));
    }

    @Test
    void statusMustBeOneOfTheKnownOnes() {
        assertThat(violations(valid().status("VIP"))).containsExactly(violation("status", "validation.choice"));
    }

    @Test
    void timeZoneIsRequiredAndMustBeAnIanaRegion() {
        assertThat(violations(valid().timeZone(""))).containsExactly(violation("timeZone", "validation.required"));
        assertThat(violations(valid().timeZone("Mars/Olympus"))).containsExactly(violation("timeZone", "validation.timeZone"));
        assertThat(violations(valid().timeZone("+03:00"))).containsExactly(violation("timeZone", "validation.timeZone"));
    }

    @Test
    void currencyIsRequiredAndMustBeAnIsoCode() {
        assertThat(violations(valid().currency(" "))).containsExactly(violation("currency", "validation.required"));
        assertThat(violations(valid().currency("US$"))).containsExactly(violation("currency", "validation.currency"));
        assertThat(violations(valid().currency("XYZ"))).containsExactly(violation("currency", "validation.currency"));
    }

    @ParameterizedTest(name = "language \"{0}\" is refused")
    @ValueSource(strings = {"xx", "123", "english-language-tag"})
    void languageMustBeAnIsoLanguage(String locale) {
        assertThat(violations(valid().locale(locale))).containsExactly(violation("locale", "validation.language"));
    }

    @Test
    void countryIsOptionalButMustBeAnIsoCode() {
        assertThat(violations(valid().country("ZZ"))).containsExactly(violation("country", "validation.country"));
        assertThat(violations(valid().country("Brazil"))).containsExactly(violation("country", "validation.country"));
    }

    @Test
    void websiteWithoutSchemeGetsHttps() {
        assertThat(accepted(valid().website("thameslegal.example")).website())
                .isEqualTo("https://thameslegal.example");
        assertThat(accepted(valid().website("http://thameslegal.example/x")).website())
                .isEqualTo("http://thameslegal.example/x");
    }

    @ParameterizedTest(name = "website \"{0}\" is refused")
    @ValueSource(strings = {"ftp://files.example.com", "javascript://alert(1)", "localhost", "https://", "not a url"})
    void websiteMustBeAWebAddressWithADottedHost(String website) {
        assertThat(violations(valid().website(website))).containsExactly(violation("website", "validation.url"));
    }

    @Test
    void websiteIsAtMost300Characters() {
        assertThat(violations(valid().website("https://example.com/" + "a".repeat(281))))
                .containsExactly(violation("website", "validation.url"));
    }

    @Test
    void longTextsHaveLimits() {
        assertThat(violations(valid().billingAddress("a".repeat(1001))))
                .containsExactly(violation("billingAddress", "validation.tooLong", 1000));
        assertThat(violations(valid().taxId("a".repeat(65)))).containsExactly(violation("taxId", "validation.tooLong", 64));
        assertThat(violations(valid().culturalNotes("a".repeat(4001))))
                .containsExactly(violation("culturalNotes", "validation.tooLong", 4000));
        assertThat(violations(valid().notes("a".repeat(8001)))).containsExactly(violation("notes", "validation.tooLong", 8000));
    }

    @ParameterizedTest(name = "response time \"{0}\" is refused")
    @ValueSource(strings = {"0", "721", "-1", "abc", "1.5"})
    void responseTimeIsAWholeNumberOfHoursFrom1To720(String hours) {
        assertThat(violations(valid().responseTimeHours(hours)))
                .containsExactly(violation("responseTimeHours", "client.responseTime.range", 1, 720));
    }

    @Test
    void anEmptyResponseTimeIsNoCommitment() {
        assertThat(accepted(valid().responseTimeHours("")).responseTimeHours()).isNull();
        assertThat(accepted(valid().responseTimeHours("  ")).responseTimeHours()).isNull();
    }

    @Test
    void responseTimeLimitsThemselvesAreAccepted() {
        assertThat(accepted(valid().responseTimeHours("1")).responseTimeHours()).isEqualTo(1);
        assertThat(accepted(valid().responseTimeHours("720")).responseTimeHours()).isEqualTo(720);
    }

    @Test
    void channelsMustBeKnown() {
        assertThat(violations(valid().channels("FAX", "chat", "PIGEON", null))).containsExactly(
                violation("channels.formalRequest", "validation.choice"),
                violation("channels.meeting", "validation.choice"));
    }

    @Test
    void aBusinessDayMustEndAfterItStarts() {
        assertThat(violations(valid().hours(new ClientInput.Day("MONDAY", "17:00", "09:00"))))
                .containsExactly(violation("businessHours[0].end", "client.hours.endBeforeStart"));
        assertThat(violations(valid().hours(new ClientInput.Day("MONDAY", "09:00", "09:00"))))
                .containsExactly(violation("businessHours[0].end", "client.hours.endBeforeStart"));
    }

    @Test
    void businessDaysNeedAKnownDayAndValidTimes() {
        assertThat(violations(valid().hours(new ClientInput.Day("FUNDAY", "09:00", "17:00"))))
                .containsExactly(violation("businessHours[0].day", "validation.choice"));
        assertThat(violations(valid().hours(new ClientInput.Day("MONDAY", "", "25:00")))).containsExactly(
                violation("businessHours[0].start", "validation.required"),
                violation("businessHours[0].end", "validation.time"));
    }

    @Test
    void aDayListedTwiceIsRefused() {
        assertThat(violations(valid().hours(new ClientInput.Day("MONDAY", "09:00", "12:00"),
                new ClientInput.Day("monday", "13:00", "17:00"))))
                .containsExactly(violation("businessHours[1].day", "client.hours.duplicateDay"));
    }

    @Test
    void timesMayBeTypedWithoutTheLeadingZero() {
        ClientRules.Valid c = accepted(valid().hours(new ClientInput.Day("tuesday", "9:00", "17:30")));

        assertThat(c.businessHours().on(DayOfWeek.TUESDAY))
                .contains(new BusinessHours.Span(LocalTime.of(9, 0), LocalTime.of(17, 30)));
    }

    @Test
    void theFirstContactBecomesPrimaryWhenNoneIs() {
        ClientRules.Valid c = accepted(valid().contacts(contact("Ann", "ann@example.com", false),
                contact("Bob", "bob@example.com", false)));

        assertThat(c.contacts()).extracting(Contact::name, Contact::primary)
                .containsExactly(tuple("Ann", true), tuple("Bob", false));
    }

    @Test
    void aChosenPrimaryContactStaysPrimary() {
        ClientRules.Valid c = accepted(valid().contacts(contact("Ann", "ann@example.com", false),
                contact("Bob", "bob@example.com", true)));

        assertThat(c.contacts()).extracting(Contact::name, Contact::primary)
                .containsExactly(tuple("Ann", false), tuple("Bob", true));
    }

    @Test
    void twoPrimaryContactsAreRefused() {
        assertThat(violations(valid().contacts(contact("Ann", "ann@example.com", true),
                contact("Bob", "bob@example.com", true))))
                .containsExactly(violation("contacts", "client.contacts.onePrimary"));
    }

    @Test
    void contactsAreCheckedOneByOneAndEmailsLowerCased() {
        assertThat(violations(valid().contacts(contact("Ann", "ANN@Example.com", true),
                new ClientInput.ContactInput(null, "", "not-an-email", "call me", "r".repeat(81), false))))
                .containsExactly(
                        violation("contacts[1].name", "validation.required"),
                        violation("contacts[1].email", "validation.email"),
                        violation("contacts[1].phone", "validation.phone"),
                        violation("contacts[1].role", "validation.tooLong", 80));

        assertThat(accepted(valid().contacts(contact("Ann", " ANN@Example.com ", true)))
                .contacts()).extracting(Contact::email).containsExactly("ann@example.com");
    }

    @Test
    void aContactMayHaveNoEmailButAPhoneOfDigitsAndPunctuation() {
        ClientRules.Valid c = accepted(valid().contacts(
                new ClientInput.ContactInput(null, "Ann", null, "+44 (20) 7946-0018", null, true)));

        assertThat(c.contacts()).extracting(Contact::email, Contact::phone)
                .containsExactly(tuple(null, "+44 (20) 7946-0018"));
    }

    @Test
    void atMost50Contacts() {
        List<ClientInput.ContactInput> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(contact("Person " + i, null, false));
        }
        assertThat(violations(valid().contacts(many.toArray(ClientInput.ContactInput[]::new))))
                .containsExactly(violation("contacts", "client.contacts.tooMany", 50));
        assertThat(accepted(valid().contacts(many.subList(0, 50).toArray(ClientInput.ContactInput[]::new)))
                .contacts()).hasSize(50);
    }

    @Test
    void onlyMembersOfTheWorkspaceCanBeAssigned() {
        assertThat(violations(valid().memberIds(List.of(MEMBER, UUID.randomUUID()))))
                .containsExactly(violation("memberIds", "client.members.unknown"));
    }

    @Test
    void leavingMembersOutKeepsTheAssignmentAsItIs() {
        assertThat(accepted(valid().memberIds(null)).memberIds()).isNull();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(violations(valid().name("").timeZone("Nowhere/City").currency("ABCD").website("localhost")
                .hours(new ClientInput.Day("MONDAY", "18:00", "08:00"))
                .contacts(contact("Ann", "bad@", true))))
                .extracting(t -> t.toList().get(0))
                .containsExactlyInAnyOrder("name", "timeZone", "currency", "website", "businessHours[0].end",
                        "contacts[0].email");
    }

    private static ClientInput.ContactInput contact(String name, String email, boolean primary) {
        return new ClientInput.ContactInput(null, name, email, null, null, primary);
    }

    /** Builds a {@link ClientInput}, valid unless told otherwise. */
    private static final class Builder {
        private String name = "Harbour Wellness";
        private String status = "ACTIVE";
        private String timeZone = "Australia/Sydney";
        private String currency = "AUD";
        private String locale = "en-AU";
        private String country = null;
        private String website = null;
        private String billingAddress = null;
        private String taxId = null;
        private List<ClientInput.Day> hours = List.of(new ClientInput.Day("MONDAY", "09:00", "17:00"));
        private String responseTimeHours = "4";
        private String[] channels = {"EMAIL", "CHAT", "VIDEO", "EMAIL"};
        private String culturalNotes = null;
        private String notes = null;
        private List<ClientInput.ContactInput> contacts = List.of(contact("Olivia", "olivia@example.com", true));
        private List<UUID> memberIds = List.of(MEMBER);

        Builder name(String v) { name = v; return this; }
        Builder status(String v) { status = v; return this; }
        Builder timeZone(String v) { timeZone = v; return this; }
        Builder currency(String v) { currency = v; return this; }
        Builder locale(String v) { locale = v; return this; }
        Builder country(String v) { country = v; return this; }
        Builder website(String v) { website = v; return this; }
        Builder billingAddress(String v) { billingAddress = v; return this; }
        Builder taxId(String v) { taxId = v; return this; }
        Builder hours(ClientInput.Day... v) { hours = List.of(v); return this; }
        Builder responseTimeHours(String v) { responseTimeHours = v; return this; }
        Builder channels(String formal, String quick, String meeting, String report) {
            channels = new String[] {formal, quick, meeting, report};
            return this;
        }
        Builder culturalNotes(String v) { culturalNotes = v; return this; }
        Builder notes(String v) { notes = v; return this; }
        Builder contacts(ClientInput.ContactInput... v) { contacts = List.of(v); return this; }
        Builder memberIds(List<UUID> v) { memberIds = v; return this; }

        ClientInput build() {
            return new ClientInput(name, status, timeZone, currency, locale, country, website, billingAddress, taxId,
                    hours, responseTimeHours, channels[0], channels[1], channels[2], channels[3], culturalNotes, notes,
                    contacts, memberIds);
        }
    }
}
