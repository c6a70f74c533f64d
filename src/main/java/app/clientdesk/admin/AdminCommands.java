package app.clientdesk.admin;

import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.PasswordResets;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.validation.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The commands behind {@link AdminCli}; each returns the lines to print on standard output. */
@Component
class AdminCommands {

    private final Workspaces workspaces;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final DataGenerator generator;
    private final MessageSource texts;
    private final PasswordResets resets;

    AdminCommands(Workspaces workspaces, Accounts accounts, ApiTokens tokens, DataGenerator generator,
            MessageSource texts, PasswordResets resets) {
        this.resets = resets;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.tokens = tokens;
        this.generator = generator;
        this.texts = texts;
    }

    List<String> run(String command, Map<String, String> options, @Nullable String password) {
        try {
            return switch (command) {
                case "create-workspace" -> createWorkspace(options, password);
                case "create-token" -> createToken(options);
                case "reset-password" -> resetPassword(options, password);
                case "generate" -> generator.generate(DataGenerator.Spec.from(options, password));
                default -> throw new AdminCli.UsageException("unknown command " + command);
            };
        } catch (InvalidInputException e) {
            Locale locale = Languages.supportedOrDefault(Locale.getDefault());
            throw new AdminCli.UsageException(e.violations().stream()
                    .map(v -> option(v.field()) + ": " + texts.getMessage(v.messageKey(), v.args().toArray(),
                            v.messageKey(), locale))
                    .collect(Collectors.joining("; ")));
        }
    }

    private List<String> createWorkspace(Map<String, String> o, @Nullable String password) {
        require(o, "name", "owner-email");
        if (password == null) {
            throw new AdminCli.UsageException("--password-stdin is required: give the owner's password on standard input");
        }
        String email = o.get("owner-email");
        var created = workspaces.create(new NewWorkspace(o.get("name"), o.getOrDefault("owner-name", ownerName(email)),
                email, password, o.getOrDefault("currency", "BRL"), o.getOrDefault("time-zone", "America/Sao_Paulo"),
                o.getOrDefault("locale", "pt-BR")));
        return List.of("workspace " + created.workspaceId() + " created; owner " + created.ownerEmail()
                + " can sign in now");
    }

    private List<String> createToken(Map<String, String> o) {
        require(o, "email", "name");
        var account = accounts.findByEmail(o.get("email"))
                .orElseThrow(() -> new AdminCli.UsageException("no account with email " + o.get("email")));
        Integer days = null;
        if (o.containsKey("expires-in-days")) {
            try {
                days = Integer.valueOf(o.get("expires-in-days").strip());
            } catch (NumberFormatException e) {
                throw new AdminCli.UsageException("--expires-in-days takes a whole number of days, 1 to "
                        + ApiTokens.MAX_DAYS);
            }
        }
        return List.of(tokens.create(account, o.get("name"), days).token());
    }

    private List<String> resetPassword(Map<String, String> o, @Nullable String password) {
        require(o, "email");
        if (password == null) {
            throw new AdminCli.UsageException("--password-stdin is required: give the new password on standard input");
        }
        if (!resets.resetByOperator(o.get("email"), password)) {
            throw new AdminCli.UsageException("no account with email " + o.get("email"));
        }
        return List.of("password of " + o.get("email").trim() + " set; every session of that person has ended");
    }

    private static String ownerName(String email) {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }

    private static void require(Map<String, String> options, String... names) {
        for (String name : names) {
            if (!options.containsKey(name) || options.get(name).isBlank()) {
                throw new AdminCli.UsageException("missing --" + name + "; " + AdminCli.USAGE);
            }
        }
    }

    private static String option(String field) {
        return switch (field) {
            case "businessName" -> "--name";
            case "ownerEmail", "email" -> "--owner-email";
            case "password" -> "password";
            case "baseCurrency" -> "--currency";
            case "timeZone" -> "--time-zone";
            case "locale" -> "--locale";
            case "ownerName" -> "--owner-name";
            default -> field;
        };
    }
}
