package app.clientdesk.billing.internal;

import app.clientdesk.billing.Service;
import app.clientdesk.billing.ServiceModel;
import app.clientdesk.billing.ServicePrice;
import app.clientdesk.shared.web.Ui;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the catalogue's screens word a service's price and hours, in the viewer's language and number format. */
public final class ServiceTexts {

    private ServiceTexts() {}

    /** "£50.00 an hour", "£1,500.00", "£1,000.00 a month". */
    public static String price(Ui ui, ServicePrice p) {
        String amount = ui.money(p.amount().amount(), p.currency());
        return switch (p.model()) {
            case HOURLY -> ui.t("services.price.hourly", amount);
            case FIXED -> ui.t("services.price.fixed", amount);
            case RETAINER -> ui.t("services.price.retainer", amount);
        };
    }

    /** What a billing model means, beside its choice on the form. */
    public static String hint(Ui ui, ServiceModel model) {
        return ui.t(model.messageKey() + ".hint");
    }

    /** "then £60.00 an hour", or "" without an overage rate. */
    public static String overage(Ui ui, ServicePrice p) {
        return p.overageRate() == null ? ""
                : ui.t("services.price.overage", ui.money(p.overageRate().amount(), p.currency()));
    }

    /** "20 hours included a month", "12.5 hours …" (in the viewer's number format), or "" for no retainer. */
    public static String included(Ui ui, Service s) {
        if (s.model() != ServiceModel.RETAINER || s.includedMinutes() == null) {
            return "";
        }
        BigDecimal hours = BigDecimal.valueOf(s.includedMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return ui.t("services.included.value", ui.number(hours));
    }
}
