package cn.kehou.server.guardians;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A parent's claim to be a child's guardian (监护人), confirmed or rejected by the school. */
@Entity
@Table(name = "guardianship")
public class Guardianship extends PanacheEntityBase {

    public enum Status { REQUESTED, CONFIRMED, REJECTED }

    public enum Relation { FATHER, MOTHER, GRANDPARENT, OTHER_GUARDIAN }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "child_id")
    public UUID childId;
    public String username;
    @Enumerated(EnumType.STRING)
    public Relation relation;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public static boolean confirmed(UUID childId, String username) {
        return count("childId = ?1 and username = ?2 and status = ?3", childId, username, Status.CONFIRMED) > 0;
    }
}
