package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ui.pages.ClientFormPage;
import app.clientdesk.ui.pages.ClientPage;
import app.clientdesk.ui.pages.ClientsPage;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.ui.pages.SignUpPage;
import app.clientdesk.ui.pages.SignUpSentPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A new virtual assistant's first minutes: sign up, add clients, find them, use it in Portuguese. */
class OnboardingUIT extends BrowserTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @Test
    void signUpCreateClientWithContactsAndSeeItListed() {
        String email = uniqueEmail("marina");
        SignUpSentPage sent = SignUpPage.open(page, baseUrl())
                .businessName("Marina Costa Virtual Assistance")
                .yourName("Marina Costa")
                .email(email)
                .password("a long enough passphrase")
                .baseCurrency("EUR")
                .language("English")
                .timeZone("Europe/Lisbon")
                .createWorkspace();

        assertThat(sent.heading()).isEqualTo("Check your inbox");
        assertThat(sent.text()).contains(email);
        ClientsPage clients = sent.signIn().signIn(email, "a long enough passphrase");
        assertThat(page.url()).endsWith("/clients");
        assertThat(page.locator("#confirm-banner").innerText()).contains("Confirm your email address (" + email + ")")
                .contains("Resend the link");
        assertThat(clients.emptyStateTitle()).isEqualTo("No clients yet");

        ClientPage client = clients.newClient()
                .name("Harbour Wellness Studio")
                .timeZone("Australia/Sydney")
                .currency("AUD")
                .openOn(DayOfWeek.MONDAY, "08:00", "16:00")
                .openOn(DayOfWeek.SATURDAY, "10:00", "14:00")
                .closedOn(DayOfWeek.FRIDAY)
                .contact(1).name("Olivia Bennett").email("olivia@harbour.example").role("Founder")
                .and().addContact().name("Jack Nguyen").email("jack@harbour.example").role("Studio manager")
                .makePrimary()
                .and().create();

        assertThat(client.notice()).isEqualTo("Harbour Wellness Studio is added.");
        assertThat(client.name()).isEqualTo("Harbour Wellness Studio");
        assertThat(client.contactNames()).containsExactlyInAnyOrder("Olivia Bennett", "Jack Nguyen");
        assertThat(client.badgeOf("Jack Nguyen")).isEqualTo("Primary");
        assertThat(client.badgeOf("Olivia Bennett")).isEmpty();
        assertThat(client.timeZone()).isEqualTo("Australia/Sydney");
        assertLocalTimeInSydney(client);
        assertThat(client.openOrClosed()).isEqualTo(expectedOpenOrClosedWhileLooking(client));

        ClientsPage list = client.backToClients();
        assertThat(list.clientNames()).containsExactly("Harbour Wellness Studio");
        assertThat(list.primaryContactOf("Harbour Wellness Studio")).isEqualTo("Jack Nguyen · jack@harbour.example");
    }

    @Test
    void switchToPortugueseSeesSameScreenTranslated() {
        String email = uniqueEmail("owner");
        ClientsPage clients = signInAsNewOwner(email);
        assertThat(clients.heading()).isEqualTo("Clients");

        clients.switchLanguage("PT");

        assertThat(page.url()).endsWith("/clients");
        assertThat(clients.heading()).isEqualTo("Clientes");
        assertThat(clients.newClientLabel()).isEqualTo("Novo cliente");
        assertThat(clients.language()).isEqualTo("pt-BR");

        clients.reload();
        assertThat(clients.heading()).isEqualTo("Clientes");

        // Saved on the account, not just in this browser: a browser without cookies gets it after sign-in.
        BrowserContext elsewhere = newContext("en-US", 1280, 800);
        try {
            ClientsPage onAnotherComputer = SignInPage.open(newPage(elsewhere), baseUrl()).signIn(email, PASSWORD);
            assertThat(onAnotherComputer.heading()).isEqualTo("Clientes");
        } finally {
            elsewhere.close();
        }

        clients.switchLanguage("EN");
        assertThat(clients.heading()).isEqualTo("Clients");
        assertThat(clients.newClientLabel()).isEqualTo("New client");
        assertThat(clients.language()).isEqualTo("en");
    }

    @Test
    void clientFormShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped() {
        ClientFormPage form = signInAsNewOwner().newClient()
                .name("   ")
                .timeZone("Mars/Base")
                .website("https://olympus.example")
                .createExpectingErrors();

        assertThat(form.alert()).startsWith("Some fields need your attention.");
        assertThat(form.nameField().error()).isEqualTo("Fill this in.");
        assertThat(form.nameField().markedInvalid()).isTrue();
        assertThat(form.timeZoneField().error())
                .isEqualTo("Choose a time zone by its IANA name, such as America/Sao_Paulo.");
        assertThat(form.timeZoneField().value()).isEqualTo("Mars/Base");
        assertThat(form.websiteField().value()).isEqualTo("https://olympus.example");
        assertThat(form.websiteField().error()).isEmpty();
    }

    @Test
    void beforeSignInABrowserInBrazilianPortugueseSeesSignInInPortuguese() {
        BrowserContext brazilian = newContext("pt-BR", 1280, 800);
        try {
            Page inBrazil = newPage(brazilian);
            SignInPage signIn = SignInPage.open(inBrazil, baseUrl());

            assertThat(signIn.heading()).isEqualTo("Entrar");
            assertThat(signIn.submitLabel()).isEqualTo("Entrar");
            assertThat(signIn.language()).isEqualTo("pt-BR");
        } finally {
            brazilian.close();
        }
        assertThat(SignInPage.open(page, baseUrl()).heading()).as("an en-US browser").isEqualTo("Sign in");
    }

    @Test
    void demoButtonOnAnEmptyWorkspaceLoadsClientsInSydneyLondonAndNewYork() {
        ClientsPage clients = signInAsNewOwner().loadDemoData();

        assertThat(clients.notice()).startsWith("Demo clients are loaded.");
        assertThat(clients.clientNames()).contains("Harbour Wellness Studio", "Thames Legal Partners",
                "Hudson Street Bakery");
        assertThat(clients.timeZoneOf("Harbour Wellness Studio")).isEqualTo("Australia/Sydney");
        assertThat(clients.timeZoneOf("Thames Legal Partners")).isEqualTo("Europe/London");
        assertThat(clients.timeZoneOf("Hudson Street Bakery")).isEqualTo("America/New York");
        assertThat(clients.emptyStateTitle()).isEmpty();
    }

    @Test
    void typingInTheSearchBoxFiltersTheListWithoutReloadingThePage() {
        ClientsPage clients = signInAsNewOwner().loadDemoData();
        page.evaluate("() => { window.sameDocument = true; }");

        clients.search("thames").waitUntilListed("Thames Legal Partners");
        assertThat(clients.resultCount()).isEqualTo("1 client");

        clients.search("bakery").waitUntilListed("Hudson Street Bakery");
        assertThat(page.url()).contains("q=bakery");

        clients.search("olivia@").waitUntilListed("Harbour Wellness Studio");
        assertThat(page.evaluate("() => window.sameDocument === true")).as("the page was not reloaded").isEqualTo(true);
    }

    /** The clock shows Sydney's weekday and time (a minute either way, for the time the test takes). */
    private static void assertLocalTimeInSydney(ClientPage client) {
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("EEE h:mm a", Locale.US);
        ZonedDateTime now = ZonedDateTime.now(SYDNEY);
        assertThat(normalSpaces(client.localTime())).isIn(shown.format(now.minusMinutes(1)), shown.format(now),
                shown.format(now.plusMinutes(1)));
    }

    /** What the badge must say for the hours entered above; either, if the test straddles a boundary. */
    private static String expectedOpenOrClosedWhileLooking(ClientPage client) {
        ZonedDateTime now = ZonedDateTime.now(SYDNEY);
        boolean openBefore = openAt(now.minusMinutes(1));
        boolean openNow = openAt(now);
        String shown = client.openOrClosed();
        return openBefore == openNow ? (openNow ? "Open" : "Closed") : shown;
    }

    private static boolean openAt(ZonedDateTime time) {
        LocalTime t = time.toLocalTime();
        return switch (time.getDayOfWeek()) {
            case MONDAY -> !t.isBefore(LocalTime.of(8, 0)) && t.isBefore(LocalTime.of(16, 0));
            case TUESDAY, WEDNESDAY, THURSDAY -> !t.isBefore(LocalTime.of(9, 0)) && t.isBefore(LocalTime.of(17, 0));
            case SATURDAY -> !t.isBefore(LocalTime.of(10, 0)) && t.isBefore(LocalTime.of(14, 0));
            default -> false;
        };
    }

    private static String normalSpaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
