package cn.kehou.server.reports;

import cn.kehou.server.enrollment.EnrollmentFixtures;
import cn.kehou.server.testing.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Terms, services, pupils, attendance and plans written straight into PostgreSQL, as the other features' fixtures do. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static UUID id(String sql, String key) throws SQLException {
        try (Connection c = Db.superuser(); var s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("nothing for " + key);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    static UUID tenantOf(String school) throws SQLException {
        return id("SELECT tenant_id FROM school WHERE code = ?", school);
    }

    /** A term of the school from {@code start} to {@code end}. */
    static UUID term(String school, String name, LocalDate start, LocalDate end) throws SQLException {
        UUID tenant = tenantOf(school);
        UUID term = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal,"
                            + " period_minutes, created_by) VALUES (?, ?, ?, ?, ?, ?, TIME '16:00', 40, 'fixture')",
                    tenant, term, id("SELECT id FROM school WHERE code = ?", school), name, start, end);
        }
        return term;
    }

    /** The school's plan for {@code term}, FILED on {@code filedOn}. */
    static void filedPlan(String school, UUID term, LocalDate filedOn) throws SQLException {
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO service_plan (tenant_id, term_id, school_id, organisation, content, times, venues,"
                            + " staffing, safeguards, timetable, status, filed_on, updated_by) VALUES (?, ?, ?, '校长负责', '作业辅导',"
                            + " '16:00-17:30', '教室', '本校教师', '安全预案', '周一至周五', 'FILED', ?, 'fixture')",
                    tenantOf(school), term, id("SELECT id FROM school WHERE code = ?", school), filedOn);
        }
    }

    /** A basic-care service of the term, 16:30–18:00 on weekdays. */
    static UUID service(String school, UUID term, LocalDate from, LocalDate to, String title) throws SQLException {
        UUID service = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from,"
                            + " grade_to, days, start_time, end_time, valid_from, valid_to, capacity, fee_fen, venue, created_by)"
                            + " VALUES (?, ?, ?, ?, 'BASIC_CARE', ?, '{HOMEWORK}', 1, 9, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}',"
                            + " TIME '16:30', TIME '18:00', ?, ?, 40, 0, '教室', 'fixture')",
                    tenantOf(school), service, id("SELECT id FROM school WHERE code = ?", school), term, title, from, to);
        }
        return service;
    }

    /** A pupil of the school in {@code grade}, with priority groups. */
    static UUID pupil(String school, String name, int grade, String... groups) throws SQLException {
        UUID child = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO child (tenant_id, id, school_id, name_zh, grade, class_name, priority_groups)"
                            + " VALUES (?, ?, ?, ?, ?, '一班', CAST(? AS text[]))", tenantOf(school), child,
                    id("SELECT id FROM school WHERE code = ?", school), name, grade, "{" + String.join(",", groups) + "}");
        }
        return child;
    }

    /** The pupil marked present at the service on {@code day}. */
    static void present(String school, UUID service, LocalDate day, UUID child) throws SQLException {
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO attendance_mark (tenant_id, service_id, on_date, child_id, status, checked_in_at,"
                            + " checked_in_by, responsible, updated_by) VALUES (?, ?, ?, ?, 'PRESENT', ?, 'fixture', 'fixture', 'fixture')",
                    tenantOf(school), service, day, child, OffsetDateTime.of(day.atTime(LocalTime.of(16, 30)), ZoneOffset.ofHours(8)));
        }
    }
}
