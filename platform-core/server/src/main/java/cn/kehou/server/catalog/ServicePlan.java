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
 * One school, one plan (一校一案, 003 §一; 001 files it a week before term): organisation, content,
 * times, venues, staff, safeguards and timetable for one term, filed with or approved by the bureau.
 */
@Entity
@Table(name = "service_plan")
public class ServicePlan extends PanacheEntityBase {

    public enum Status {
        DRAFT, FILED, APPROVED, RETURNED
    }

    @Id
    @Column(name = "term_id")
    public UUID termId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    public String organisation;
    public String content;
    public String times;
    public String venues;
    public String staffing;
    public String safeguards;
    public String timetable;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "filed_on")
    public LocalDate filedOn;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "review_note")
    public String reviewNote;
    @Column(name = "updated_by")
    public String updatedBy;

    /** What the plugin's {@code checkPlanFiling} is told: the day filed (or approved), and whether approved. */
    public LocalDate filedOrApprovedOn() {
        return switch (status) {
            case FILED -> filedOn;
            case APPROVED -> decidedOn;
            case DRAFT, RETURNED -> null;
        };
    }
}
