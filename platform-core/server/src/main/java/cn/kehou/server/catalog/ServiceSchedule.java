package cn.kehou.server.catalog;

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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A school's declared service window for one kind of service over a date range. */
@Entity
@Table(name = "service_schedule")
public class ServiceSchedule extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Enumerated(EnumType.STRING)
    public ServiceKind kind;
    @Column(name = "start_time")
    public LocalTime start;
    @Column(name = "end_time")
    public LocalTime end;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] days;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "created_by")
    public String createdBy;

    public Set<DayOfWeek> dayOfWeekSet() {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(days).map(DayOfWeek::valueOf).forEach(set::add);
        return set;
    }
}
