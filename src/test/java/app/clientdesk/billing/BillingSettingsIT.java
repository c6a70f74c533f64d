package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class BillingSettingsIT extends IntegrationTest {

    @Autowired BillingSetup setup;

    @BeforeEach
    void today() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    }

    /** A real 40×20 PNG. */
    static byte[] png() {
        return image("png");
    }

    static byte[] image(String format) {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                img.setRGB(x, y, x < 20 ? 0x0f766e : 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The settings form filled in well, with {@code changes} (name, value, name, value…) typed over it. */
    private static MockHttpServletRequestBuilder form(CurrentUser who, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("invoicePattern", "FAT-{yyyy}-{seq:5}");
        fields.put("creditNotePattern", "NC-{yyyy}-{seq:3}");
        fields.put("netDays", "30");
        fields.put("taxName", "ISS");
        fields.put("taxPercent", "5,5");
        fields.put("taxMode", "INCLUSIVE");
        fields.put("businessDetails", "Rua das Flores 10\nCNPJ 12.345.678/0001-90");
        fields.put("paymentInstructions", "Pix: ana@example.com");
        fields.put("defaultNotes", "Obrigada!");
        fields.put("defaultTerms", "Multa de 2%");
        fields.put("_showBaseTotal", "on");
        fields.put("closedThrough", "2026-10-31");
        fields.put("reminderDays", "14, -3, 0 7");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/billing/settings").with(user(who)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theOwnerSavesEverySettingAndSeesItBack() throws Exception {
        TestWorkspace ws = newWorkspace();
        mvc.perform(form(ws.owner())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/billing/settings"));

        BillingSettings s = setup.get(ws.owner());
        assertThat(s.invoicePattern().pattern()).isEqualTo("FAT-{yyyy}-{seq:5}");
        assertThat(s.creditNotePattern().pattern()).isEqualTo("NC-{yyyy}-{seq:3}");
        assertThat(s.netDays()).isEqualTo(30);
        assertThat(s.defaultTax()).isEqualTo(new TaxRate("ISS", new BigDecimal("5.5")));
        assertThat(s.taxMode()).isEqualTo(TaxMode.INCLUSIVE);
        assertThat(s.businessDetails()).isEqualTo("Rua das Flores 10\nCNPJ 12.345.678/0001-90");
        assertThat(s.paymentInstructions()).isEqualTo("Pix: ana@example.com");
        assertThat(s.defaultNotes()).isEqualTo("Obrigada!");
        assertThat(s.defaultTerms()).isEqualTo("Multa de 2%");
        assertThat(s.showBaseTotal()).as("the box was left unticked").isFalse();
        assertThat(s.closedThrough()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(s.reminderDays()).containsExactly(-3, 0, 7, 14);

        mvc.perform(get("/billing/settings").with(user(ws.owner()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"FAT-{yyyy}-{seq:5}\"")))
                .andExpect(content().string(containsString("value=\"-3, 0, 7, 14\"")))
                .andExpect(content().string(containsString("Rua das Flores 10\nCNPJ 12.345.678/0001-90</textarea>")));
    }

    @Test
    void badSettingsAreRefusedFieldByFieldInEnglishAndNothingChanges() throws Exception {
        TestWorkspace ws = newWorkspace();
        BillingSettings before = setup.get(ws.owner());
        mvc.perform(form(ws.owner(), "invoicePattern", "INV-{yyyy}", "netDays", "400", "taxPercent", "120",
                        "taxMode", "SOMETIMES", "closedThrough", "2026-12-01", "reminderDays", "-3, 0, 999, soon"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Write a pattern with exactly one {seq}")))
                .andExpect(content().string(containsString("A tax rate is a percentage from 0 to 100")))
                .andExpect(content().string(containsString("Choose whether prices include tax")))
                .andExpect(content().string(containsString("Payment terms are a whole number of days from 0 to 365.")))
                .andExpect(content().string(containsString("The closed period cannot reach beyond today.")))
                .andExpect(content().string(containsString("Not a day from -60 to 365: 999, soon.")))
                .andExpect(content().string(containsString("value=\"-3, 0, 999, soon\"")));
        mvc.perform(form(ws.owner(), "creditNotePattern", "FAT-{yyyy}-{seq:5}", "reminderDays", "1,2,3,4,5,6,7,8,9"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Credit notes need a pattern of their own")))
                .andExpect(content().string(containsString("At most 8 reminders per invoice.")));
        assertThat(setup.get(ws.owner())).isEqualTo(before);
    }

    @Test
    void aBrazilianOwnerReadsTheErrorsInPortuguese() throws Exception {
        TestWorkspace ws = newWorkspace("Ana Souza AV", "pt-BR");
        mvc.perform(form(ws.owner(), "invoicePattern", "FAT", "closedThrough", "31/10/2026", "reminderDays", "-90"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Escreva um padrão com exatamente um {seq}")))
                .andExpect(content().string(containsString("Informe uma data como 2026-06-30.")))
                .andExpect(content().string(containsString("Não é um dia entre -60 e 365: -90.")))
                .andExpect(content().string(containsString("Configurações de faturamento")));
    }

    @Test
    void aLogoIsAPngOrJpegJudgedByItsBytesAndAtMost512Kb() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        mvc.perform(get("/billing/settings/logo").with(user(owner))).andExpect(status().isNotFound());

        mvc.perform(multipart("/billing/settings/logo").file(new MockMultipartFile("logo", "logo.png", "image/png",
                        "GIF89a pretending".getBytes())).with(user(owner)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Only PNG and JPEG images can be used as a logo.")));
        byte[] huge = new byte[512 * 1024 + 1];
        System.arraycopy(png(), 0, huge, 0, 8);
        mvc.perform(multipart("/billing/settings/logo").file(new MockMultipartFile("logo", "big.png", "image/png", huge))
                        .with(user(owner)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("larger than 512 KB")));
        assertThat(setup.get(owner).hasLogo()).isFalse();

        byte[] jpeg = image("jpg");
        mvc.perform(multipart("/billing/settings/logo").file(new MockMultipartFile("logo", "logo.bin",
                        "application/octet-stream", jpeg)).with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/billing/settings/logo").with(user(owner))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(content().bytes(jpeg));
        mvc.perform(get("/billing/settings").with(user(owner)))
                .andExpect(content().string(containsString("src=\"/billing/settings/logo\"")));

        mvc.perform(post("/billing/settings/logo/delete").with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/billing/settings/logo").with(user(owner))).andExpect(status().isNotFound());
        mvc.perform(get("/billing/settings").with(user(owner)))
                .andExpect(content().string(not(containsString("src=\"/billing/settings/logo\""))));
    }

    @Test
    void membersCannotSeeOrChangeTheBillingSettings() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        BillingSettings before = setup.get(ws.owner());
        mvc.perform(get("/billing/settings").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(form(member)).andExpect(status().isForbidden());
        mvc.perform(multipart("/billing/settings/logo").file(new MockMultipartFile("logo", "l.png", "image/png", png()))
                .with(user(member)).with(csrf())).andExpect(status().isForbidden());
        assertThat(setup.get(ws.owner())).isEqualTo(before);
        assertThat(List.of(before.hasLogo())).containsExactly(false);
    }
}
