package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ui.pages.ClientFormPage;
import app.clientdesk.ui.pages.ClientPage;
import app.clientdesk.ui.pages.ClientsPage;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same work on a phone (390×844): nothing sticks out sideways, and Save stays in reach. */
class PhoneLayoutUIT extends BrowserTest {

    private BrowserContext phone;
    private Page onPhone;

    @BeforeEach
    void pickUpThePhone() {
        phone = newPhoneContext();
        onPhone = newPage(phone);
    }

    @AfterEach
    void putItDown() {
        phone.close();
    }

    @Test
    void clientsListClientPageAndFormFitThePhoneWithoutSidewaysScrolling() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        ClientsPage clients = SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD).loadDemoData();
        assertThat(clients.fitsTheScreenWidth()).as("clients list").isTrue();

        ClientPage client = clients.openClient("Harbour Wellness Studio");
        assertThat(client.fitsTheScreenWidth()).as("client page with a long website and emails").isTrue();

        ClientFormPage form = client.edit();
        assertThat(form.fitsTheScreenWidth()).as("client form").isTrue();
        PlaywrightAssertions.assertThat(form.submitButton()).isInViewport();
        onPhone.evaluate("() => window.scrollTo(0, document.body.scrollHeight / 2)");
        PlaywrightAssertions.assertThat(form.submitButton()).isInViewport();
    }
}
