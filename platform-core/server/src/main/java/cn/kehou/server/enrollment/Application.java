package cn.kehou.server.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A guardian's voluntary application (自愿申请) for one child to one service. */
@Entity
@Table(name = "enrollment_application")
public class Application extends PanacheEntityBase {

    public enum Status {
        /** In a lottery's application window: no seat yet. */
        PENDING,
        /** Holds a seat while the region's reviews run (first come, first served). */
        HELD,
        /** Approved with a seat: the child takes part. */
        ARRANGED,
        WAITLISTED,
        /** A freed seat is kept for the child until the offer's deadline. */
        OFFERED,
        REFUSED,
        /** The family withdrew: always possible, never penalised. */
        WITHDRAWN,
        /** An offer passed its deadline unanswered and went to the next child. */
        EXPIRED;

        public boolean live() {
            return this != REFUSED && this != WITHDRAWN && this != EXPIRED;
        }
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "child_id")
    public UUID childId;
    public String applicant;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The region's review step the application waits at (EnrollmentRules.terms().steps()). */
    public String step;
    @Column(name = "holds_seat")
    public boolean holdsSeat;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "priority_groups")
    public String[] priorityGroups;
    public String pickup;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "waitlisted_at")
    public OffsetDateTime waitlistedAt;
    @Column(name = "offer_expires_at")
    public OffsetDateTime offerExpiresAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> explanation;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
