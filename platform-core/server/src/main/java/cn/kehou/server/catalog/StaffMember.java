package cn.kehou.server.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person who takes part in a school's service, registered with the bureau and vetted before
 * being assigned (001 十严禁: no staff with ethics problems, bad records, or unvetted; 004 §四(一):
 * registered with the district bureau first; 000 §七(三)3: 入校人员资质和身体条件报教育局备案).
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    public enum Kind {
        SCHOOL_STAFF, RETIRED_TEACHER, VOLUNTEER, PROVIDER_STAFF
    }

    public enum Status {
        REGISTERED, APPROVED, REFUSED, WITHDRAWN
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Column(name = "name_zh")
    public String nameZh;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "provider_id")
    public UUID providerId;
    public String qualification;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** 师德 */
    @Column(name = "ethics_ok")
    public Boolean ethicsOk;
    /** 无不良记录 */
    @Column(name = "record_check_ok")
    public Boolean recordCheckOk;
    @Column(name = "health_ok")
    public Boolean healthOk;
    @Column(name = "qualification_ok")
    public Boolean qualificationOk;
    @Column(name = "vetted_on")
    public LocalDate vettedOn;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "vetted_by")
    public String vettedBy;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "registered_by")
    public String registeredBy;

    /** Approved and not yet expired on {@code day}: the only state in which a person may serve. */
    public boolean vettedOn(LocalDate day) {
        return status == Status.APPROVED && validTo != null && !day.isAfter(validTo);
    }

    /** The status a reader sees: an approval past its end shows as EXPIRED. */
    public String standing(LocalDate today) {
        return status == Status.APPROVED && !vettedOn(today) ? "EXPIRED" : status.name();
    }
}
