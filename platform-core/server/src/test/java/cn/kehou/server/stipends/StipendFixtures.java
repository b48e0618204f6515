package cn.kehou.server.stipends;

import cn.kehou.server.testing.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import static cn.kehou.server.enrollment.EnrollmentFixtures.exec;

/**
 * A school's own service with the staff who run it, written straight into the database as the
 * catalog would have saved them: a term with its normal period length, a weekday service, vetted
 * staff members assigned to it. Names are clearly fake demo data.
 */
public final class StipendFixtures {

    public static final String YJ = "guangdong-yangjiang-jiangcheng";
    public static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    public static final String YJ_SCHOOL_NAME = "阳江市江城区第一小学";

    private StipendFixtures() {
    }

    /** A term and a weekday service of the school from {@code from} to {@code to}, {@code start}–{@code end}. */
    public record Service(UUID tenant, UUID school, UUID term, String termName, UUID id) {
    }

    public static Service service(String tenant, String school, int periodMinutes, String start, String end, LocalDate from,
                                  LocalDate to) throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + tenant + "'");
        UUID schoolId = id("SELECT id FROM school WHERE code = '" + school + "'");
        UUID term = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        String tag = term.toString().substring(0, 8);
        String termName = "补助学期" + tag;
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal, period_minutes,"
                    + " created_by) VALUES (?, ?, ?, ?, ?, ?, TIME '16:10', ?, 'fixture')", tenantId, term, schoolId, termName, from, to,
                    periodMinutes);
            exec(c, "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from, grade_to, days,"
                            + " start_time, end_time, valid_from, valid_to, capacity, fee_fen, venue, enrollment_open, created_by)"
                            + " VALUES (?, ?, ?, ?, 'BASIC_CARE', ?, '{HOMEWORK}', 1, 6, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}',"
                            + " CAST(? AS time), CAST(? AS time), ?, ?, 40, 0, '二(1)班教室', true, 'fixture')",
                    tenantId, service, schoolId, term, "作业辅导 " + tag, start, end, from, to);
        }
        return new Service(tenantId, schoolId, term, termName, service);
    }

    /** A vetted staff member of {@code kind} at the service's school, assigned to the service. */
    public static UUID staff(Service s, String kind, String nameZh) throws SQLException {
        UUID staff = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO staff_member (tenant_id, id, school_id, name_zh, kind, status, ethics_ok, record_check_ok, health_ok,"
                            + " qualification_ok, vetted_on, valid_to, vetted_by, registered_by) VALUES (?, ?, ?, ?, ?, 'APPROVED', true,"
                            + " true, true, true, DATE '2024-01-01', DATE '2030-12-31', 'fixture', 'fixture')",
                    s.tenant(), staff, s.school(), nameZh, kind);
            assign(c, s, staff);
        }
        return staff;
    }

    /** A vetted school staff member at {@code school}, on no service. */
    public static UUID staffAt(String tenant, String school, String nameZh) throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + tenant + "'");
        UUID schoolId = id("SELECT id FROM school WHERE code = '" + school + "'");
        UUID staff = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO staff_member (tenant_id, id, school_id, name_zh, kind, status, registered_by)"
                    + " VALUES (?, ?, ?, ?, 'SCHOOL_STAFF', 'REGISTERED', 'fixture')", tenantId, staff, schoolId, nameZh);
        }
        return staff;
    }

    public static void assign(Service s, UUID staff) throws SQLException {
        try (Connection c = Db.superuser()) {
            assign(c, s, staff);
        }
    }

    private static void assign(Connection c, Service s, UUID staff) throws SQLException {
        exec(c, "INSERT INTO service_staff (tenant_id, id, service_id, staff_id, assigned_by) VALUES (?, ?, ?, ?, 'fixture')",
                s.tenant(), UUID.randomUUID(), s.id(), staff);
    }

    public static void cancel(Service s, LocalDate date) throws SQLException {
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO cancelled_session (tenant_id, id, service_id, on_date, reason, recorded_by)"
                    + " VALUES (?, ?, ?, ?, '台风停课', 'fixture')", s.tenant(), UUID.randomUUID(), s.id(), date);
        }
    }

    public static UUID id(String sql) throws SQLException {
        return UUID.fromString(Db.strings(sql).get(0));
    }
}
