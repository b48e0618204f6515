package cn.kehou.server.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A school's term: dates, holidays, the normal dismissal time and the class-period length (001 bills by it). */
@Entity
@Table(name = "school_term")
public class SchoolTerm extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    public String name;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    /** Each {@code {"name", "from", "to"}} with ISO dates: JSON columns use Hibernate's own mapper, so text only. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, String>> holidays;
    @Column(name = "normal_dismissal")
    public LocalTime normalDismissal;
    @Column(name = "period_minutes")
    public int periodMinutes;
    @Column(name = "created_by")
    public String createdBy;

    public boolean covers(LocalDate from, LocalDate to) {
        return !from.isBefore(startsOn) && !to.isAfter(endsOn);
    }
}
