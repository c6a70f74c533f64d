package app.clientdesk.clients.internal;

import app.clientdesk.clients.Channel;
import app.clientdesk.clients.ClientStatus;
import app.clientdesk.identity.Account;
import app.clientdesk.shared.i18n.Countries;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.time.TimeZones;
import java.util.Currency;
import java.util.List;

/** The choices offered by the client form. */
public record ClientFormOptions(List<ClientStatus> statuses, List<String> zones, List<Currency> currencies,
        List<String> countries, List<String> languages, List<Channel> channels, List<Account> members) {

    /** Languages VAs commonly serve; the API accepts any BCP 47 tag. */
    static final List<String> LANGUAGES = List.of("en", "en-US", "en-GB", "en-AU", "en-CA", "pt-BR", "pt-PT", "es",
            "es-MX", "fr", "de", "it", "nl", "ja", "zh");

    static ClientFormOptions with(List<Account> members) {
        return new ClientFormOptions(List.of(ClientStatus.values()), TimeZones.selectable(), Currencies.selectable(),
                Countries.codes(), LANGUAGES, List.of(Channel.values()), members);
    }
}
