package cn.kehou.server.disclosure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A complaint (监督举报) about a school, a service, a fee or a provider, handled by the bureau. */
@Entity
@DynamicUpdate // only the status may change (V18 grants no other column)
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    public enum About { SCHOOL, SERVICE, FEE, PROVIDER }

    /** RECEIVED → IN_PROGRESS → RESOLVED or REJECTED; a closed complaint stays closed. */
    public enum Status {
        RECEIVED, IN_PROGRESS, RESOLVED, REJECTED;

        public boolean closed() {
            return this == RESOLVED || this == REJECTED;
        }

        public boolean mayBecome(Status next) {
            return switch (this) {
                case RECEIVED -> next == IN_PROGRESS || next == RESOLVED || next == REJECTED;
                case IN_PROGRESS -> next == RESOLVED || next == REJECTED;
                case RESOLVED, REJECTED -> false;
            };
        }
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Enumerated(EnumType.STRING)
    public About about;
    /** What it is about within the school or tenant: a service, a fee item, a provider's code. */
    public String subject;
    public String body;
    /** The signed-in parent who filed it; null for a member of the public. */
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;
}
