package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;

/**
 * One course on a provider's own list, with its off-campus price per student and term
 * (校外同质培训收费): 000 §六(一)2 holds the in-school price below it.
 */
@Entity
@Table(name = "provider_course")
public class ProviderCourse extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "title_zh")
    public String titleZh;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    @Column(name = "grade_from")
    public int gradeFrom;
    @Column(name = "grade_to")
    public int gradeTo;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] days;
    @Column(name = "off_campus_fen")
    public long offCampusFen;
    @Column(name = "created_by")
    public String createdBy;

    public Set<ContentTag> tagSet() {
        return Enums.set(tags, ContentTag.class);
    }

    public Set<DayOfWeek> daySet() {
        return Enums.set(days, DayOfWeek.class);
    }
}
