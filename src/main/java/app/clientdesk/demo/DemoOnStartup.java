package app.clientdesk.demo;

import app.clientdesk.shared.i18n.Languages;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --demo} (or {@code --demo=en}, {@code --demo=pt-BR}) on the command line: make sure the demo workspace
 * exists, in that language, before the web server opens its port, so that the first sign-in already finds it; then
 * say how to sign in. A lifecycle step in an earlier phase than the web server's (which starts at
 * {@code DEFAULT_PHASE - 2048}), rather than an application runner, which runs only after the port is open.
 */
@Component
class DemoOnStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoOnStartup.class);

    private final DemoData demo;
    private final ApplicationArguments args;
    private final Environment environment;
    private volatile boolean running;

    DemoOnStartup(DemoData demo, ApplicationArguments args, Environment environment) {
        this.demo = demo;
        this.args = args;
        this.environment = environment;
    }

    @Override
    public void start() {
        running = true;
        if (!args.containsOption("demo")) {
            return;
        }
        Locale language = language(args.getOptionValues("demo"));
        boolean existed = demo.demoWorkspaceExists();
        demo.createDemoWorkspace(language);
        log.info("Demo workspace {}.", existed ? "already present" : "created in " + language.toLanguageTag());
    }

    /**
     * {@code --demo=en} English, {@code --demo=pt-BR} (or {@code pt}) Brazilian Portuguese; {@code --demo} alone the
     * language of the system it runs on (LANG), English when that is neither.
     */
    static Locale language(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).findFirst()
                .map(v -> Languages.match(v).orElseThrow(() -> new IllegalArgumentException(
                        "--demo=" + v + ": the demo speaks en or pt-BR")))
                .orElseGet(() -> Languages.supportedOrDefault(Locale.getDefault()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayHowToSignIn() {
        if (!args.containsOption("demo")) {
            return;
        }
        System.out.printf("%nClientdesk demo is ready. Sign in at http://localhost:%s/login%n"
                        + "  owner:  %s%n  member: %s%n  password (both): %s%n%n",
                environment.getProperty("local.server.port", "8080"),
                DemoData.OWNER_EMAIL, DemoData.MEMBER_EMAIL, DemoData.PASSWORD);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (DEFAULT_PHASE - 2048) starts accepting requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
