package app.clientdesk;

import app.clientdesk.admin.AdminCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Starts Clientdesk. {@code java -jar clientdesk.jar} serves the web application;
 * {@code java -jar clientdesk.jar admin <command> ...} runs one administrative command against the
 * configured database and exits, without starting a web server.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class ClientdeskApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCli.run(ClientdeskApplication.class, args));
        }
        SpringApplication.run(ClientdeskApplication.class, args);
    }
}
