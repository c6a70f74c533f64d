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

    static {
        // The default H2 file runs in AUTO_SERVER mode, so that an admin command can use it beside the running
        // app: the first process to open it serves the others over TCP. H2 would listen on every interface; keep
        // that server on this machine. Set before H2 reads its settings, i.e. before any connection is made.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCli.run(ClientdeskApplication.class, args));
        }
        SpringApplication.run(ClientdeskApplication.class, args);
    }
}
