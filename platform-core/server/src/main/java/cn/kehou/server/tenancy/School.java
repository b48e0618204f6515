package cn.kehou.server.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalTime;
import java.util.UUID;

/**
 * A school, owned by exactly one tenant (the lowest level that runs it). The database key is
 * (tenant_id, id) so the table can be distributed by tenant; the id alone is a UUID and unique,
 * which is all Hibernate needs to identify the row. Row-level security filters by tenant.
 */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public SchoolLevel level;
    public boolean urban;
    /** The rural town (乡镇) it lies in, when not urban: some regions exempt listed towns. */
    @Column(name = "rural_town")
    public String ruralTown;
    public boolean boarding;
    /** 村小: joins its township central school's service (003). */
    @Column(name = "village_school")
    public boolean villageSchool;
    /** 教学点 */
    @Column(name = "teaching_point")
    public boolean teachingPoint;
    @Column(name = "central_school_id")
    public UUID centralSchoolId;
    @Column(name = "public_school")
    public boolean publicSchool;
    /** When normal lessons end: service may not start before it (no early dismissal, 004). */
    @Column(name = "normal_dismissal")
    public LocalTime normalDismissal;
    /** The normal class-period length: billed hours are counted in it (001). */
    @Column(name = "period_minutes")
    public int periodMinutes;

    public enum SchoolLevel { PRIMARY, JUNIOR, NINE_YEAR }

    /**
     * The school with {@code code} that the request can see (its tenant's, or a bureau's
     * descendants'), or a 404 problem: row-level security decides visibility, not this query.
     */
    public static School require(String code) {
        return School.<School>find("code", code).firstResultOptional()
                .orElseThrow(() -> cn.kehou.server.problem.ProblemException.notFound("school", code));
    }
}
