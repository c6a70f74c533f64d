package app.clientdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.Channel;
import app.clientdesk.clients.ClientStatus;
import app.clientdesk.identity.Role;
import app.clientdesk.work.ProjectStatus;
import app.clientdesk.work.Quadrant;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskEvent;
import app.clientdesk.work.Workflow;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in English and Brazilian Portuguese, and every key the code names exists in both, so no
 * one ever sees a raw key such as {@code client.hours.endBeforeStart} on a screen or in an API error.
 */
class I18nSyncTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path JAVA = Path.of("src/main/java");
    /** The bundles named in spring.messages.basename: messages, then one per area under i18n/. */
    private static final List<String> BUNDLES = bundles();
    private static final Map<String, String> ENGLISH = loadAll("");
    private static final Map<String, String> PORTUGUESE = loadAll("_pt_BR");

    private static final String KEY = "[a-zA-Z][\\w-]*(?:\\.[\\w-]+)+";
    private static final Pattern UI_T = Pattern.compile("ui\\.t\\(");
    private static final Pattern UI_PLURAL = Pattern.compile("ui\\.plural\\(\"(" + KEY + ")\"");
    private static final Pattern LITERAL_KEY_ARGUMENT = Pattern.compile("^\\s*\"(" + KEY + ")\"\\s*(?:,.*)?$",
            Pattern.DOTALL);
    private static final Pattern TERNARY_OF_KEYS = Pattern.compile(
            "^[^\"]*\\?\\s*\"(" + KEY + ")\"\\s*:\\s*\"(" + KEY + ")\"\\s*(?:,.*)?$", Pattern.DOTALL);
    private static final Pattern JAVA_KEY = Pattern.compile(
            "(?:getMessage\\(\\s*|(?:\\bv|[vV]iolations)\\.add\\([^;]*?,\\s*|InvalidInputException\\.of\\([^;]*?,\\s*"
                    + "|Violation\\.of\\([^;]*?,\\s*)\"(" + KEY + ")\"");

    /**
     * Templates and Java code that build a key from a prefix and a value: each prefix with every value it can
     * take. A new prefix fails {@link #everyKeyUsedInTheTemplatesExists()} until it is listed here.
     */
    private static final Map<String, List<String>> BUILT_KEYS = Map.of(
            "\"client.channel.\" +", List.of("formalRequest", "quickQuestion", "meeting", "report"),
            "\"error.\" +", List.of("notFound", "forbidden", "tooLarge", "badRequest", "tooMany", "failure"),
            "\"role.\" +", Stream.of(Role.values()).map(Enum::name).toList(),
            "\"portal.link.unusable.\" +", Stream.of(app.clientdesk.portal.PortalAccess.LinkState.values())
                    .filter(s -> s != app.clientdesk.portal.PortalAccess.LinkState.USABLE).map(Enum::name).toList(),
            "\"portal.invoices.status.\" +", Stream.concat(Stream.of(app.clientdesk.billing.InvoiceStatus.values())
                    .filter(s -> s != app.clientdesk.billing.InvoiceStatus.DRAFT).map(Enum::name), Stream.of("OVERDUE"))
                    .toList(),
            "\"portal.client.state.\" +", Stream.of(app.clientdesk.portal.PortalAccess.State.values())
                    .map(Enum::name).toList(),
            "\"requests.state.\" +", Stream.of(app.clientdesk.requests.RequestState.values()).map(Enum::name).toList(),
            "\"requests.source.\" +", Stream.of(app.clientdesk.requests.RequestSource.values()).map(Enum::name)
                    .toList());

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(PORTUGUESE.keySet()).as("keys only in English are missing in Portuguese")
                .containsAll(ENGLISH.keySet());
        assertThat(ENGLISH.keySet()).as("keys only in Portuguese are missing in English")
                .containsAll(PORTUGUESE.keySet());
    }

    @Test
    void noTextIsEmpty() {
        assertThat(ENGLISH).allSatisfy((key, text) -> assertThat(text).as("en " + key).isNotBlank());
        assertThat(PORTUGUESE).allSatisfy((key, text) -> assertThat(text).as("pt-BR " + key).isNotBlank());
    }

    @Test
    void translationsUseTheSamePlaceholders() {
        // A translation that drops {0} would show "foi salvo." without the client's name.
        Pattern placeholder = Pattern.compile("\\{(\\d+)");
        ENGLISH.forEach((key, english) -> {
            String portuguese = PORTUGUESE.get(key);
            if (portuguese != null) {
                assertThat(all(placeholder, portuguese)).as(key).isEqualTo(all(placeholder, english));
            }
        });
    }

    @Test
    void textsWithPlaceholdersHaveNoLoneApostrophe() {
        // MessageFormat treats ' as a quote: "client's {0}" would print "clients {0}" literally.
        Stream.of(ENGLISH, PORTUGUESE).forEach(texts -> texts.forEach((key, text) -> {
            if (text.matches("(?s).*\\{\\d.*")) {
                assertThat(text.replace("''", "")).as(key).doesNotContain("'");
            }
        }));
    }

    @Test
    void everyKeyUsedInTheTemplatesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<String> unchecked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                String source = Files.readString(file);
                Matcher call = UI_T.matcher(source);
                while (call.find()) {
                    String argument = argumentAt(source, call.end());
                    if (!collectTemplateKeys(argument, keys)) {
                        unchecked.add(TEMPLATES.relativize(file) + ": ui.t(" + argument + ")");
                    }
                }
            }
        }

        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher plural = UI_PLURAL.matcher(Files.readString(file));
                while (plural.find()) {
                    keys.add(plural.group(1) + ".one");
                    keys.add(plural.group(1) + ".other");
                }
            }
        }

        assertThat(keys).as("keys found in templates").hasSizeGreaterThan(100)
                .contains("client.responseTime.value.one", "client.responseTime.value.other");
        assertThat(unchecked).as("ui.t(...) calls whose key this test cannot check; list them in BUILT_KEYS")
                .isEmpty();
        assertExistInBothLanguages(keys);
    }

    @Test
    void everyKeyNamedInJavaExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }

        assertThat(keys).as("keys found in Java")
                .contains("validation.required", "client.hours.endBeforeStart", "client.created", "demo.loaded",
                        "identity.token.notAllowed", "validation.invalid");
        assertExistInBothLanguages(keys);
    }

    @Test
    void keysBuiltInJavaExist() {
        Set<String> keys = new TreeSet<>();
        Stream.of(ClientStatus.values()).map(ClientStatus::messageKey).forEach(keys::add);
        Stream.of(Channel.values()).map(Channel::messageKey).forEach(keys::add);
        Stream.of(Role.values()).map(r -> "role." + r.name()).forEach(keys::add);
        Stream.of(StageKind.values()).map(StageKind::messageKey).forEach(keys::add);
        Stream.of(Quadrant.values()).map(Quadrant::messageKey).forEach(keys::add);
        Stream.of(ProjectStatus.values()).map(ProjectStatus::messageKey).forEach(keys::add);
        Stream.of(TaskEvent.Kind.values()).map(TaskEvent.Kind::messageKey).forEach(keys::add);
        // WorkSeed names the workflows and stages it makes in the workspace's language.
        Stream.of(Workflow.DEFAULT, Workflow.SOCIAL_MEDIA).map(k -> "seed.workflow." + k).forEach(keys::add);
        Stream.of("todo", "doing", "review", "waitingOnClient", "done", "brief", "ideas", "creation", "clientApproval",
                "scheduling", "tracking", "monthlyReport").map(k -> "seed.stage." + k).forEach(keys::add);
        // ApiProblemAdvice, AppErrorController and SecurityConfiguration add ".title" and ".detail".
        for (String problem : List.of("invalid", "notFound", "forbidden", "unauthorized", "unreadable", "tooLarge",
                "failure")) {
            keys.add("problem." + problem + ".title");
            keys.add("problem." + problem + ".detail");
        }
        // ErrorPages.kind(...) names the error page texts.
        for (String kind : BUILT_KEYS.get("\"error.\" +")) {
            keys.add("error." + kind + ".title");
            keys.add("error." + kind + ".text");
        }
        keys.add("signIn.error.credentials");
        keys.add("signIn.error.throttled");

        assertExistInBothLanguages(keys);
    }

    /** Adds the keys of one {@code ui.t(...)} argument; false if the key is built in a way not known here. */
    private static boolean collectTemplateKeys(String argument, Set<String> keys) {
        String trimmed = argument.strip();
        Matcher literal = LITERAL_KEY_ARGUMENT.matcher(trimmed);
        if (literal.matches()) {
            keys.add(literal.group(1));
            return true;
        }
        Matcher ternary = TERNARY_OF_KEYS.matcher(trimmed);
        if (ternary.matches()) {
            keys.add(ternary.group(1));
            keys.add(ternary.group(2));
            return true;
        }
        if (trimmed.matches("[\\w.()]*messageKey\\(\\)")) {
            return true; // ClientStatus and Channel keys: checked in keysBuiltInJavaExist
        }
        if (trimmed.equals("errorKey")) {
            return true; // SignInController's two keys: checked in keysBuiltInJavaExist
        }
        for (var built : BUILT_KEYS.entrySet()) {
            if (trimmed.startsWith(built.getKey())) {
                String prefix = built.getKey().substring(1, built.getKey().indexOf('"', 1));
                String suffix = trimmed.contains("+ \".") ? trimmed.substring(trimmed.lastIndexOf("+ \"") + 3,
                        trimmed.length() - 1) : "";
                for (String value : built.getValue()) {
                    keys.add(prefix + value + suffix);
                }
                return true;
            }
        }
        return false;
    }

    /** The text between the parenthesis at {@code start} and its matching closing one. */
    private static String argumentAt(String source, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && source.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')' && --depth == 0) {
                return source.substring(start, i);
            }
        }
        throw new IllegalStateException("unbalanced ui.t( at " + start);
    }

    private static void assertExistInBothLanguages(Set<String> keys) {
        assertThat(ENGLISH.keySet()).as("English texts").containsAll(keys);
        assertThat(PORTUGUESE.keySet()).as("Portuguese texts").containsAll(keys);
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> bundles() {
        Properties app = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("application.properties"), StandardCharsets.UTF_8)) {
            app.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Stream.of(app.getProperty("spring.messages.basename").split(",")).map(String::strip).toList();
    }

    private static Map<String, String> loadAll(String suffix) {
        Map<String, String> all = new TreeMap<>();
        for (String bundle : BUNDLES) {
            Map<String, String> texts = load(bundle + suffix + ".properties");
            texts.keySet().stream().filter(all::containsKey).findFirst().ifPresent(key -> {
                throw new IllegalStateException(key + " is in two bundles; keep each key in one");
            });
            all.putAll(texts);
        }
        return all;
    }

    private static Map<String, String> load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((k, v) -> texts.put(k.toString(), v.toString()));
        return texts;
    }
}
