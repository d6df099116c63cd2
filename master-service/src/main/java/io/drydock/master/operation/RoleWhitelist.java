package io.drydock.master.operation;

import io.drydock.allocator.role.Roles;
import io.drydock.master.allocation.AllocationProperties;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The deprecated {@code --roles} whitelist ({@code drydock.master.allocation.roles}, spec §2.2): absent means
 * implicit roles (every valid name); present means exactly those roles and {@code *}.
 */
@Component
public class RoleWhitelist {

  private final Set<String> roles;

  RoleWhitelist(AllocationProperties properties) {
    String text = properties.roles();
    this.roles = text == null || text.isBlank() ? null : Set.copyOf(Roles.parseWhitelist(text));
  }

  /** The whitelist, or empty when roles are implicit. */
  public Optional<Set<String>> roles() {
    return Optional.ofNullable(roles);
  }

  public boolean isWhitelisted(String role) {
    return roles == null || roles.contains(role);
  }
}
