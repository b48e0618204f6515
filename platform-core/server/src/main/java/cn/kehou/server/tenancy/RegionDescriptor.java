package cn.kehou.server.tenancy;

import cn.kehou.server.tenancy.School.SchoolLevel;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * One region's descriptor file from {@code tenants/} ({@code kehou-tenants/<region>/tenant.json}):
 * its chain of tenants and its schools. The format is documented in tenants/README.md.
 */
public record RegionDescriptor(List<TenantEntry> tenants, List<SchoolEntry> schools) {

    public RegionDescriptor {
        tenants = tenants == null ? List.of() : tenants;
        schools = schools == null ? List.of() : schools;
    }

    public record TenantEntry(String code, String nameZh, String nameEn, TenantKind kind, String parent,
                              TenantStatus status, String plugin, Map<String, String> pluginConfig,
                              Branding branding) {
    }

    public record SchoolEntry(String code, String tenant, String nameZh, String nameEn, SchoolLevel level,
                              boolean urban, String ruralTown, boolean boarding, boolean villageSchool,
                              boolean teachingPoint, String centralSchool, Boolean publicSchool,
                              LocalTime normalDismissal, Integer periodMinutes) {
    }
}
