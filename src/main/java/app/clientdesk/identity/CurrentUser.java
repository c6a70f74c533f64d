package app.clientdesk.identity;

import app.clientdesk.shared.web.Viewer;
import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person of a request, kept in the session (so it is serialisable and holds only plain
 * values). Every query of workspace data takes {@link #workspaceId()} from here, never from the request.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Viewer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final UUID workspaceId;
    private final String workspaceName;
    private final String email;
    private final String displayName;
    private @Nullable String passwordHash;
    private final Role role;
    private final String localeTag;
    private final String zoneId;
    private final @Nullable UUID clientId;
    private final boolean enabled;

    public CurrentUser(UUID id, UUID workspaceId, String workspaceName, String email, String displayName,
            @Nullable String passwordHash, Role role, Locale locale, ZoneId zone, @Nullable UUID clientId,
            boolean enabled) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.workspaceName = workspaceName;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.localeTag = locale.toLanguageTag();
        this.zoneId = zone.getId();
        this.clientId = clientId;
        this.enabled = enabled;
    }

    public UserId id() {
        return new UserId(id);
    }

    public WorkspaceId workspaceId() {
        return new WorkspaceId(workspaceId);
    }

    @Override
    public String workspaceName() {
        return workspaceName;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public Locale locale() {
        return Locale.forLanguageTag(localeTag);
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }

    /** The client a client contact belongs to; empty for owners and members. */
    public Optional<UUID> clientId() {
        return Optional.ofNullable(clientId);
    }

    @Override
    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /** @throws AccessDeniedException unless this person owns the workspace */
    public void requireOwner() {
        if (role != Role.OWNER) {
            throw new AccessDeniedException("only the workspace owner may do this");
        }
    }

    /** @throws AccessDeniedException for a client contact: they see their own client in the portal only */
    public void requireStaff() {
        if (role == Role.CLIENT) {
            throw new AccessDeniedException("client contacts use the portal");
        }
    }

    /**
     * Whether this person may see money of the business: rates, amounts, budgets and invoices, in pages, the
     * API, CSV files and messages. The one place this is decided; today only the owner does (a member sees
     * durations only, a client contact sees their own invoices through the portal, not through this).
     */
    @Override
    public boolean seesMoney() {
        return role == Role.OWNER;
    }

    public boolean isMember() {
        return role == Role.MEMBER;
    }

    @Override
    public boolean isClientContact() {
        return role == Role.CLIENT;
    }

    /** The same person with a new language, zone or name, for the session after they change settings. */
    public CurrentUser with(String newDisplayName, Locale newLocale, ZoneId newZone) {
        return new CurrentUser(id, workspaceId, workspaceName, email, newDisplayName, null, role, newLocale, newZone,
                clientId, enabled);
    }

    /** The same person after their workspace was renamed. */
    public CurrentUser withWorkspaceName(String newName) {
        return new CurrentUser(id, workspaceId, newName, email, displayName, null, role, locale(), zone(), clientId,
                enabled);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser that && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + id + ", " + role + "]";
    }
}
