package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.support.IntegrationTest;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The service catalogue on a real database: saving, changing, archiving, and one workspace's services kept from another. */
class ServicesIT extends IntegrationTest {

    @Autowired Services services;
    @Autowired JdbcClient jdbc;

    TestWorkspace ws;
    CurrentUser owner;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        clock.set(Instant.parse("2026-11-02T12:00:00Z"));
    }

    static ServiceInput inboxCare(String name, ServiceInput.Price... prices) {
        return new ServiceInput(name, "Your inbox, <b>kept</b> at zero", "Daily triage\nWeekly report", "RETAINER",
                "20:00", "ISS", "5", List.of(prices));
    }

    @Test
    void aRetainerIsSavedWithItsPricesInEachCurrencyExactly() {
        Service saved = services.create(owner, inboxCare("Inbox care", new ServiceInput.Price("JPY", "150000", "8000"),
                new ServiceInput.Price("BHD", "75.125", null), new ServiceInput.Price("BRL", "2500,5", "90")));

        Service read = services.get(owner, saved.id());
        assertThat(read.name()).isEqualTo("Inbox care");
        assertThat(read.description()).isEqualTo("Your inbox, <b>kept</b> at zero");
        assertThat(read.deliverables()).containsExactly("Daily triage", "Weekly report");
        assertThat(read.model()).isEqualTo(ServiceModel.RETAINER);
        assertThat(read.includedMinutes()).isEqualTo(1200);
        assertThat(read.tax()).isEqualTo(new TaxRate("ISS", new java.math.BigDecimal("5")));
        assertThat(read.prices()).extracting(p -> p.amount() + (p.overageRate() == null ? "" : " + " + p.overageRate()))
                .containsExactly("75.125 BHD", "2500.50 BRL + 90.00 BRL", "150000 JPY + 8000 JPY");
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-11-02T12:00:00Z"));
        assertThat(read.archived()).isFalse();

        assertThat(services.price(owner.workspaceId(), saved.id(), Currency.getInstance("JPY")))
                .hasValueSatisfying(p -> {
                    assertThat(p.amount().plain()).isEqualTo("150000");
                    assertThat(p.overageRate().plain()).isEqualTo("8000");
                    assertThat(p.model()).isEqualTo(ServiceModel.RETAINER);
                });
        assertThat(services.price(owner.workspaceId(), saved.id(), Currency.getInstance("EUR"))).isEmpty();
    }

    @Test
    void changingAServiceReplacesItsPricesAndNothingHalfSavesOnBadInput() {
        Service saved = services.create(owner, inboxCare("Inbox care", new ServiceInput.Price("EUR", "1000", "60"),
                new ServiceInput.Price("USD", "1100", null)));
        clock.set(Instant.parse("2026-11-03T12:00:00Z"));

        Service changed = services.update(owner, saved.id(), new ServiceInput("Inbox care plus", "", "", "HOURLY", "",
                "", "", List.of(new ServiceInput.Price("GBP", "55", null))));
        assertThat(changed.model()).isEqualTo(ServiceModel.HOURLY);
        assertThat(changed.includedMinutes()).isNull();
        assertThat(changed.tax()).isNull();
        assertThat(changed.deliverables()).isEmpty();
        assertThat(changed.prices()).extracting(p -> p.amount().toString()).containsExactly("55.00 GBP");
        assertThat(changed.updatedAt()).isEqualTo(Instant.parse("2026-11-03T12:00:00Z"));

        assertThatThrownBy(() -> services.update(owner, saved.id(), new ServiceInput("Renamed", "", "", "HOURLY", "", "",
                "", List.of(new ServiceInput.Price("EUR", "10", null), new ServiceInput.Price("JPY", "10.5", null)))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(services.get(owner, saved.id()).name()).isEqualTo("Inbox care plus");
        assertThat(services.get(owner, saved.id()).prices()).hasSize(1);
    }

    @Test
    void aNameIsTakenOnceAmongActiveServicesAndFreedByArchiving() {
        Service first = services.create(owner, inboxCare("Inbox care", new ServiceInput.Price("EUR", "1000", null)));

        assertThatThrownBy(() -> services.create(owner, inboxCare("INBOX CARE ", new ServiceInput.Price("EUR", "1", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.messageKey()).containsExactly("name services.name.taken"));

        Service archived = services.archive(owner, first.id());
        assertThat(archived.archived()).isTrue();
        assertThat(services.list(owner, false)).isEmpty();
        assertThat(services.list(owner, true)).extracting(Service::name).containsExactly("Inbox care");
        // Archived, its prices still answer for what already uses it.
        assertThat(services.price(owner.workspaceId(), first.id(), Currency.getInstance("EUR"))).isPresent();

        Service second = services.create(owner, inboxCare("Inbox care", new ServiceInput.Price("EUR", "1200", null)));
        assertThatThrownBy(() -> services.restore(owner, first.id())).isInstanceOf(InvalidInputException.class);

        services.archive(owner, second.id());
        assertThat(services.restore(owner, first.id()).archived()).isFalse();
        assertThat(services.list(owner, false)).extracting(Service::id).containsExactly(first.id());
    }

    @Test
    void anotherWorkspaceSeesNoneOfItAndAMemberNothingAtAll() {
        Service saved = services.create(owner, inboxCare("Inbox care", new ServiceInput.Price("EUR", "1000", null)));
        TestWorkspace other = newWorkspace();

        assertThat(services.find(other.owner(), saved.id())).isEmpty();
        assertThat(services.list(other.owner(), true)).isEmpty();
        assertThatThrownBy(() -> services.get(other.owner(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> services.update(other.owner(), saved.id(), inboxCare("Mine now",
                new ServiceInput.Price("EUR", "1", null)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> services.archive(other.owner(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThat(services.price(other.created().workspaceId(), saved.id(), Currency.getInstance("EUR"))).isEmpty();
        // The other workspace may use the same name.
        services.create(other.owner(), inboxCare("Inbox care", new ServiceInput.Price("EUR", "1", null)));

        CurrentUser member = addMember(ws);
        assertThatThrownBy(() -> services.list(member, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> services.create(member, inboxCare("X", new ServiceInput.Price("EUR", "1", null))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(services.get(owner, saved.id()).name()).isEqualTo("Inbox care");
        assertThat(jdbc.sql("select count(*) from service_prices where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
