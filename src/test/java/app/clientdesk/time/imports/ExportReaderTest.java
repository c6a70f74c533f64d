package app.clientdesk.time.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Reading real-format exports of Toggl Track and Clockify (see src/test/resources/imports). */
class ExportReaderTest {

    static ExportFile sample(String name) throws IOException {
        try (InputStream in = ExportReaderTest.class.getResourceAsStream("/imports/" + name)) {
            assertThat(in).as(name).isNotNull();
            return ExportReader.read(in);
        }
    }

    static ExportFile text(String csv) {
        return ExportReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAnOlderTogglExportWithItsByteOrderMarkQuotesLineBreaksAndAccents() throws IOException {
        ExportFile file = sample("toggl-detailed.csv");

        assertThat(file.source()).isEqualTo(ImportSource.TOGGL);
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).extracting(ExportRow::line).containsExactly(2, 3, 5, 6);
        ExportRow first = file.rows().get(0);
        assertThat(first.user()).isEqualTo("Ana Souza"); // found although the first header carries the BOM
        assertThat(first.client()).isEqualTo("Padaria Pão Quente");
        assertThat(first.description()).isEqualTo("Reunião com a Ana, revisão do orçamento");
        assertThat(first.tags()).isEqualTo("Reunião, Design");
        assertThat(first.task()).isEqualTo("Layout");
        assertThat(file.rows().get(1).description()).isEqualTo("Texto da página \"Sobre\"\nsegunda linha do texto");
        assertThat(file.rows().get(1).task()).isNull();
        ExportRow midnight = file.rows().get(2);
        assertThat(midnight.endDate()).isEqualTo("2026-03-03");
        assertThat(midnight.endTime()).isEqualTo("00:15:00");
        assertThat(file.dates().order()).isEqualTo(DateOrder.YMD);
    }

    @Test
    void readsANewerTogglExportByHeaderNamesInAnyOrder() throws IOException {
        ExportFile file = sample("toggl-detailed-new.csv");

        assertThat(file.source()).isEqualTo(ImportSource.TOGGL);
        assertThat(file.rows()).hasSize(2);
        ExportRow r = file.rows().get(0);
        assertThat(r.user()).isEqualTo("Carla Dias"); // "Member"
        assertThat(r.email()).isEqualTo("carla@example.com");
        assertThat(r.client()).isEqualTo("Élan Studio");
        assertThat(r.description()).isEqualTo("Café com a cliente — planejamento, parte 1");
        assertThat(r.endDate()).isEqualTo("2026-04-06"); // "Stop date"
        assertThat(r.endTime()).isEqualTo("15:30:00"); // "Stop time"
        assertThat(r.duration()).isEqualTo("1:30:00");
        assertThat(r.billable()).isEqualTo("Yes");
    }

    @Test
    void readsAClockifyExportOfAUsProfileAsMonthFirst() throws IOException {
        ExportFile file = sample("clockify-detailed-us.csv");

        assertThat(file.source()).isEqualTo(ImportSource.CLOCKIFY);
        assertThat(file.dates().order()).isEqualTo(DateOrder.MDY);
        ExportRow r = file.rows().get(0);
        assertThat(r.project()).isEqualTo("Website");
        assertThat(r.description()).isEqualTo("Homepage copy, first draft");
        assertThat(Dates.date(r.startDate(), file.dates().order())).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(Dates.time(r.startTime())).isEqualTo(LocalTime.of(9, 15));
        assertThat(Dates.time(file.rows().get(1).startTime())).isEqualTo(LocalTime.of(13, 0));
        assertThat(Dates.time(file.rows().get(2).endTime())).isEqualTo(LocalTime.of(0, 20));
        assertThat(file.rows().get(2).project()).isNull();
    }

    @Test
    void readsAClockifyExportOfAEuropeanProfileAsDayFirst() throws IOException {
        ExportFile file = sample("clockify-detailed-eu.csv");

        assertThat(file.source()).isEqualTo(ImportSource.CLOCKIFY);
        assertThat(file.dates().order()).isEqualTo(DateOrder.DMY);
        ExportRow r = file.rows().get(0);
        assertThat(r.user()).isEqualTo("Élodie Martin");
        assertThat(r.client()).isEqualTo("Société Générale");
        assertThat(r.description()).isEqualTo("Réunion d'équipe");
        assertThat(Dates.date(r.startDate(), DateOrder.DMY)).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(Dates.time(r.startTime())).isEqualTo(LocalTime.of(14, 0));
    }

    @Test
    void saysWhenTheDatesCouldBeReadEitherWay() throws IOException {
        ExportFile file = sample("clockify-ambiguous.csv");

        assertThat(file.dates().ambiguous()).isTrue();
        assertThat(file.dates().example()).isEqualTo("03/04/2026");
    }

    @Test
    void reportsRowsThatCannotBeReadWithTheirLineAndGoesOn() throws IOException {
        ExportFile file = sample("toggl-malformed.csv");

        assertThat(file.problems()).containsExactly(LineProblem.of(7, "timeimport.row.fields", 14, 13));
        assertThat(file.rows()).extracting(ExportRow::line).containsExactly(2, 3, 4, 5, 6, 8, 9);
    }

    @Test
    void aQuoteThatNeverClosesStopsTheReadingAtItsLine() {
        ExportFile file = text("""
                User,Email,Start date,Start time,End date,End time
                Ana,ana@example.com,2026-03-02,09:00,2026-03-02,10:00
                Ana,"ana@example.com,2026-03-03,09:00,2026-03-03,10:00
                Ana,ana@example.com,2026-03-04,09:00,2026-03-04,10:00
                """);

        assertThat(file.rows()).extracting(ExportRow::line).containsExactly(2);
        assertThat(file.problems()).extracting(LineProblem::line, LineProblem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "timeimport.row.quotes"));
    }

    @Test
    void acceptsSemicolonsAsASpreadsheetSavesThem() {
        ExportFile file = text("User;Email;Start date;Start time;End date;End time;Description\n"
                + "Ana;ana@example.com;02/03/2026;09:00;02/03/2026;10:00;\"Call; then notes\"\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.rows().get(0).description()).isEqualTo("Call; then notes");
        assertThat(file.rows().get(0).email()).isEqualTo("ana@example.com");
    }

    @Test
    void refusesAFileThatIsNotADetailedReport() {
        assertThatThrownBy(() -> text("Date,Client,Hours\n2026-03-02,Acme,1.5\n"))
                .isInstanceOfSatisfying(ExportReader.Unreadable.class, e -> {
                    assertThat(e.key()).isEqualTo("timeimport.file.notExport");
                    assertThat(e.args()).singleElement().asString().contains("Start date").contains("User / Email");
                });
        assertThatThrownBy(() -> text("")).isInstanceOfSatisfying(ExportReader.Unreadable.class,
                e -> assertThat(e.key()).isEqualTo("timeimport.file.empty"));
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] latin1 = "User,Email,Start date,Start time,End date,End time\nJosé,j@example.com,2026-03-02,09:00,2026-03-02,10:00\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ExportReader.read(new ByteArrayInputStream(latin1)))
                .isInstanceOfSatisfying(ExportReader.Unreadable.class,
                        e -> assertThat(e.key()).isEqualTo("timeimport.file.encoding"));
    }
}
