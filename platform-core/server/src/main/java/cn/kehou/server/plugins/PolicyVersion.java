package cn.kehou.server.plugins;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A tenant's policy (plugin and config) from a date on; the tenant row holds the first one. */
@Entity
@Table(name = "tenant_policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "plugin_id")
    public String pluginId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "plugin_config")
    public Map<String, String> pluginConfig;
    @Column(name = "activated_by")
    public String activatedBy;
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;
    public String note;
}
