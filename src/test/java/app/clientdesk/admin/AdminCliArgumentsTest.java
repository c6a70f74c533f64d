package app.clientdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code admin COMMAND --option value} is read, before anything starts. */
class AdminCliArgumentsTest {

    @Test
    void optionsTakeTheNextArgumentOrAnEqualsValue() {
        assertThat(AdminCli.parse("create-workspace", List.of("--name", "Ana Souza VA", "--owner-email=ana@example.com",
                "--currency", "BRL")))
                .containsOnly(entry("name", "Ana Souza VA"), entry("owner-email", "ana@example.com"),
                        entry("currency", "BRL"));
    }

    @Test
    void passwordStdinIsAFlagWithoutValue() {
        assertThat(AdminCli.parse("generate", List.of("--password-stdin", "--clients", "5")))
                .containsOnly(entry("password-stdin", ""), entry("clients", "5"));
    }

    @Test
    void anEqualsValueMayBeEmptyOrContainEqualsSigns() {
        assertThat(AdminCli.parse("create-token", List.of("--email=a@b.example", "--name=key=value")))
                .containsOnly(entry("email", "a@b.example"), entry("name", "key=value"));
    }

    @Test
    void noOptionsIsAllowedHere() {
        assertThat(AdminCli.parse("generate", List.of())).isEmpty();
    }

    @Test
    void anUnknownCommandIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> AdminCli.parse("delete-everything", List.of()))
                .isInstanceOf(AdminCli.UsageException.class)
                .hasMessageStartingWith("unknown command 'delete-everything'")
                .hasMessageContaining("usage: admin create-workspace");
    }

    @Test
    void anOptionOfAnotherCommandIsRefused() {
        assertThatThrownBy(() -> AdminCli.parse("create-token", List.of("--email", "a@b.example", "--clients", "5")))
                .isInstanceOf(AdminCli.UsageException.class)
                .hasMessage("unknown option --clients for create-token");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> AdminCli.parse("create-token", List.of("--email")))
                .isInstanceOf(AdminCli.UsageException.class).hasMessage("option --email needs a value");
        assertThatThrownBy(() -> AdminCli.parse("create-token", List.of("--email", "--name", "ci")))
                .isInstanceOf(AdminCli.UsageException.class).hasMessage("option --email needs a value");
    }

    @Test
    void aBareArgumentIsRefused() {
        assertThatThrownBy(() -> AdminCli.parse("create-token", List.of("ana@example.com")))
                .isInstanceOf(AdminCli.UsageException.class).hasMessage("unexpected argument 'ana@example.com'");
    }

    @Test
    void everyMessageIsOneLine() {
        assertThatThrownBy(() -> AdminCli.parse("nope", List.of())).message().doesNotContain("\n");
    }
}
