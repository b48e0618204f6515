package cn.kehou.server.identity;

import java.util.UUID;

/** One role a caller holds: where (tenant), and for school or provider roles, which one. */
public record RoleGrant(Role role, UUID tenantId, UUID schoolId, String providerCode) {
}
