package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
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

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A service a school offers in a term — basic care, a quality course (by the school or a vetted
 * provider), noon care (午托), extended care (延时托管), evening self-study (晚自习), holiday care
 * (假期托管) or free tutoring — with its days, window, capacity, fee, venue, grades and content.
 * Its window and fee were allowed by the region's plugin when it was saved.
 */
@Entity
@Table(name = "school_service")
public class OfferedService extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Column(name = "term_id")
    public UUID termId;
    @Enumerated(EnumType.STRING)
    public ServiceKind kind;
    @Column(name = "title_zh")
    public String titleZh;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    @Column(name = "grade_from")
    public int gradeFrom;
    @Column(name = "grade_to")
    public int gradeTo;
    /** Grade ("1".."9") → what that grade does (004 §三(五): content differs by grade). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content_by_grade")
    public Map<String, String> contentByGrade;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] days;
    @Column(name = "start_time")
    public LocalTime start;
    @Column(name = "end_time")
    public LocalTime end;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    public int capacity;
    /** Per student and term, in fen. */
    @Column(name = "fee_fen")
    public long feeFen;
    /** When the fee was last costed (成本核算; 004 §五(一) re-costs yearly). */
    @Column(name = "fee_costed_on")
    public LocalDate feeCostedOn;
    public String venue;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "provider_course_id")
    public UUID providerCourseId;
    @Column(name = "signup_from")
    public LocalDate signupFrom;
    @Column(name = "signup_to")
    public LocalDate signupTo;
    /** 003 §一: pupils of the village schools and teaching points attached to this central school may join. */
    @Column(name = "admits_village_pupils")
    public boolean admitsVillagePupils;
    @Column(name = "enrollment_open")
    public boolean enrollmentOpen;
    @Column(name = "enrollment_opened_at")
    public OffsetDateTime enrollmentOpenedAt;
    @Column(name = "created_by")
    public String createdBy;

    public Set<ContentTag> tagSet() {
        return Enums.set(tags, ContentTag.class);
    }

    public Set<DayOfWeek> daySet() {
        return Enums.set(days, DayOfWeek.class);
    }

    public int dailyMinutes() {
        return (int) Duration.between(start, end).toMinutes();
    }

    public boolean providerCourse() {
        return providerId != null;
    }
}
