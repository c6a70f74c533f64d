package app.clientdesk.time.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ui.BrowserTest;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * An owner brings their Toggl history in: a file with mistakes is refused row by row, the corrected file
 * shows its mapping, they say who its people are, import, and land on the summary. With
 * {@code -Dclientdesk.screenshots=true} the same walk is also photographed at 1280 and 390 pixels, in
 * English and Portuguese, into {@code <build dir>/ui-review/import/} (or {@code -Dtimeimport.shots=DIR}).
 */
class TimeImportUIT extends BrowserTest {

    static boolean screenshotsRequested() {
        return Boolean.getBoolean("clientdesk.screenshots") || "1".equals(System.getenv("CLIENTDESK_SCREENSHOTS"));
    }

    private static Path sample(String name) {
        try {
            return Paths.get(TimeImportUIT.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOwnerImportsATogglExportOnceItsMistakesAreCorrected() {
        signInAsNewOwner();
        ImportPage imports = ImportPage.open(page, baseUrl());
        assertThat(imports.heading()).isEqualTo("Import time");

        imports.upload(sample("toggl-malformed.csv"));
        assertThat(imports.problemsHeading()).isEqualTo("Problems (8)");
        assertThat(imports.problemRows().first().innerText()).startsWith("3").contains("2026-02-30");
        assertThat(imports.commitButton().isDisabled()).isTrue();

        ImportPage.open(page, baseUrl()).upload(sample("toggl-detailed.csv"));
        assertThat(imports.verdict()).contains("2 choices are still needed");
        imports.logPersonFor(0, ownerLabel());
        imports.logPersonFor(1, ownerLabel());
        assertThat(imports.verdict()).startsWith("Ready: 3 entries will be added.");
        assertThat(imports.commitButton().isEnabled()).isTrue();

        imports.commit();
        assertThat(imports.summary()).isEqualTo("3 entries were added.");
        assertThat(page.locator("main a.button.primary").getAttribute("href")).isEqualTo("/time/entries?from=2026-03-02&to=2026-03-02");
    }

    @Test
    @EnabledIf(value = "screenshotsRequested", disabledReason = "only with -Dclientdesk.screenshots=true")
    void screensForReview() throws IOException {
        Path folder = Paths.get(System.getProperty("timeimport.shots", buildDirectory("ui-review/import")));
        Files.createDirectories(folder);
        Path big = Files.createTempFile("toggl-big-", ".csv");
        for (String language : new String[] {"EN", "PT"}) {
            for (int width : new int[] {1280, 390}) {
                String email = uniqueEmail("olga");
                newWorkspaceOwnedBy(email);
                BrowserContext ctx = width == 1280 ? newContext("en-US", 1280, 800) : newPhoneContext();
                Page p = newPage(ctx);
                SignInPage.open(p, baseUrl()).signIn(email, PASSWORD);
                ImportPage imports = ImportPage.open(p, baseUrl());
                if (language.equals("PT")) {
                    imports.switchTo("PT");
                }
                String prefix = folder.resolve(language.toLowerCase() + "-" + width + "-").toString();
                shoot(p, prefix + "1-upload.png");
                imports.upload(sample("toggl-malformed.csv"));
                shoot(p, prefix + "2-preview-errors.png");
                ImportPage.open(p, baseUrl()).upload(sample("toggl-detailed.csv"));
                shoot(p, prefix + "3-preview-mapping.png");
                String owner = "Olga Owner <" + email + ">";
                imports.logPersonFor(0, owner);
                imports.logPersonFor(1, owner);
                shoot(p, prefix + "4-preview-ready.png");
                Files.writeString(big, bigFile(email, 30_000), StandardCharsets.UTF_8);
                ImportPage.open(p, baseUrl()).upload(big);
                imports.commit();
                p.waitForFunction("() => { const b = document.querySelector('#import-progress-bar');"
                        + " return !b || Number(b.getAttribute('value')) > 0; }");
                shoot(p, prefix + "5-progress.png");
                imports.summary();
                shoot(p, prefix + "6-summary.png");
                assertThat(imports.fitsTheScreenWidth()).as(language + " " + width).isTrue();
                ctx.close();
            }
        }
        Files.deleteIfExists(big);
    }

    private String ownerLabel() {
        return (String) page.locator("#import-user-0 option").nth(1).textContent();
    }

    /** The whole page; a tall page (a phone's) in slices of 1,100 pixels, to be looked at one by one. */
    private static void shoot(Page p, String path) {
        int width = ((Number) p.evaluate("() => document.documentElement.clientWidth")).intValue();
        int height = ((Number) p.evaluate("() => document.documentElement.scrollHeight")).intValue();
        if (width > 500 || height <= 1400) {
            p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(path)).setFullPage(true));
            return;
        }
        for (int top = 0, part = 1; top < height; top += 1100, part++) {
            p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(path.replace(".png", "-part" + part + ".png")))
                    .setFullPage(true).setClip(0, top, width, Math.min(1100, height - top)));
        }
    }

    private static String buildDirectory(String sub) {
        try {
            Path classes = Paths.get(TimeImportUIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve(sub).toString();
        } catch (URISyntaxException e) {
            return Paths.get("target", sub).toString();
        }
    }

    /** A Toggl export of {@code rows} entries of one person, one after another from 2015 on. */
    private static String bigFile(String email, int rows) {
        StringBuilder csv = new StringBuilder("User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
                + "End date,End time,Duration,Tags\n");
        LocalDate day = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < rows; i++) {
            int hour = 8 + i % 8;
            if (i % 8 == 0 && i > 0) {
                day = day.plusDays(1);
            }
            csv.append("Olga,").append(email).append(",Client ").append(i % 12).append(",Project ").append(i % 5)
                    .append(",,Work ").append(i).append(",Yes,").append(day).append(',')
                    .append(String.format("%02d:00:00", hour)).append(',').append(day).append(',')
                    .append(String.format("%02d:45:00", hour)).append(",00:45:00,Admin\n");
        }
        return csv.toString();
    }
}
