package app.clientdesk.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code --demo} on the command line: make sure the demo workspace exists and say how to sign in. */
@Component
class DemoOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOnStartup.class);

    private final DemoData demo;
    private final Environment environment;

    DemoOnStartup(DemoData demo, Environment environment) {
        this.demo = demo;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo")) {
            return;
        }
        boolean existed = demo.demoWorkspaceExists();
        demo.createDemoWorkspace();
        log.info("Demo workspace {}.", existed ? "already present" : "created");
        System.out.printf("%nClientdesk demo is ready. Sign in at http://localhost:%s/login%n"
                        + "  owner:  %s%n  member: %s%n  password (both): %s%n%n",
                environment.getProperty("local.server.port", "8080"),
                DemoData.OWNER_EMAIL, DemoData.MEMBER_EMAIL, DemoData.PASSWORD);
    }
}
