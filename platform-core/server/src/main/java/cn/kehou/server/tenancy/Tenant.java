package cn.kehou.server.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A node of the tenant tree. Global (not tenant-owned): the tree is how tenants find each other. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public TenantKind kind;
    @Column(name = "parent_id")
    public UUID parentId;
    @Enumerated(EnumType.STRING)
    public TenantStatus status;
    @Column(name = "plugin_id")
    public String pluginId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "plugin_config")
    public Map<String, String> pluginConfig;
    @JdbcTypeCode(SqlTypes.JSON)
    public Branding branding;

    public static Optional<Tenant> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
