package cn.kehou.server.guardians;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/** A pupil: a record the school keeps, never a login. */
@Entity
@Table(name = "child")
public class Child extends PanacheEntityBase {

    /** PIPL §31: a child under 14 needs a guardian's separate consent before processing. */
    public static final int CONSENT_AGE = 14;

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public int grade;
    @Column(name = "class_name")
    public String className;
    /** 走读生: Urumqi serves day students only (004). */
    @Column(name = "day_student")
    public boolean dayStudent;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "priority_groups")
    public String[] priorityGroups;

    /** Whether processing this child's data needs a guardian's consent on {@code day}. */
    public boolean needsConsentOn(LocalDate day) {
        // Without a birth date, assume the child is young: consent is the safe default.
        return birthDate == null || Period.between(birthDate, day).getYears() < CONSENT_AGE;
    }
}
