package cn.kehou.server.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A facility opened at weekends or in holidays (002: library, reading rooms, playground), published as a schedule. */
@Entity
@Table(name = "facility_opening")
public class FacilityOpening extends PanacheEntityBase {

    public enum Facility {
        LIBRARY, READING_ROOM, PLAYGROUND, GYM, OTHER
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Enumerated(EnumType.STRING)
    public Facility facility;
    @Column(name = "name_zh")
    public String nameZh;
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
    @Column(name = "created_by")
    public String createdBy;
}
