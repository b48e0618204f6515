package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ServiceKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One bureau's vetting of a provider for its area: which kinds of service (scope), from when to
 * when, and whether it is suspended or blacklisted since a date, and why. Owned by the bureau's
 * tenant; its descendants read it (a district's schools use what the city approved).
 */
@Entity
@Table(name = "provider_approval")
public class ProviderApproval extends PanacheEntityBase {

    public enum Status { APPROVED, SUSPENDED, BLACKLISTED }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "provider_id")
    public UUID providerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] scope;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "status_reason")
    public String statusReason;
    /** Since when the status holds: a suspension or blacklisting applies from this day on. */
    @Column(name = "status_on")
    public LocalDate statusOn;
    @Column(name = "decided_by")
    public String decidedBy;

    public Set<ServiceKind> scopeSet() {
        return Enums.set(scope, ServiceKind.class);
    }

    /** Whether this approval lets the provider work on {@code day} in a service of {@code kind}. */
    public boolean approves(ServiceKind kind, LocalDate day) {
        return !restricts(day) && !day.isBefore(validFrom) && !day.isAfter(validTo) && scopeSet().contains(kind);
    }

    /** A suspension or blacklisting in force on {@code day}: it wins over any approval up or down the tree. */
    public boolean restricts(LocalDate day) {
        return status != Status.APPROVED && !day.isBefore(statusOn);
    }
}
