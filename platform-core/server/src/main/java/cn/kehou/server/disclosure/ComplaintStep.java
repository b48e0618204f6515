package cn.kehou.server.disclosure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a complaint's handling: who moved it, when, to what, and why. */
@Entity
@Immutable
@Table(name = "complaint_step")
public class ComplaintStep extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "complaint_id")
    public UUID complaintId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public Complaint.Status fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public Complaint.Status toStatus;
    public String actor;
    public String note;
    public OffsetDateTime at;
}
