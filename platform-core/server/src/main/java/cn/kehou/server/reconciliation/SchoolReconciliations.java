package cn.kehou.server.reconciliation;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.settlement.SettlementRun;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A school's monthly reconciliation of its own ledger (台账) with the platform (000: "each school keeps
 * a ledger and periodically reconciles with the platform the served-student list, fees collected and
 * expenditure detail, and publishes them"). The period is the settlement run's calendar month: the
 * school's payout — its basic-care income in full — is settled monthly, so a month is the smallest
 * period in which every line (collections, refunds, payouts, provider lessons) is final; a term's
 * view is the sum of its months.
 *
 * <p>The school's finance office enters its own figure for each platform line (or uploads them as a
 * CSV); every line whose figures disagree is listed as a difference. Confirming freezes the platform's
 * figures next to the school's (DRAFT → CONFIRMED, who and when, audited); a confirmed version never
 * changes — a correction is a new version that supersedes it. {@link #confirmedSummary} is what
 * disclosure publishes.
 */
@ApplicationScoped
public class SchoolReconciliations {

    @Inject
    EntityManager em;
    @Inject
    PlatformFigures platform;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public enum Status { NONE, DRAFT, CONFIRMED }

    /** One line: the platform's figure against the school's; {@code difference} = school − platform, null when not entered. */
    public record Line(String code, String kind, PlatformFigures.Unit unit, String label, long platformValue, Long schoolValue,
                       Long difference) {
        public boolean differs() {
            return schoolValue == null || difference != 0;
        }

        public boolean money() {
            return unit == PlatformFigures.Unit.FEN;
        }
    }

    public record Version(UUID id, int version, Status status, UUID supersedes, String confirmedBy, OffsetDateTime confirmedAt) {
    }

    /**
     * A school's reconciliation of a period as it stands: the open draft with the platform's live
     * figures, else the latest confirmed version as frozen, else the live figures alone (NONE).
     */
    public record View(String school, String schoolName, String period, Status status, UUID id, Integer version, UUID supersedes,
                       String note, String updatedBy, String confirmedBy, OffsetDateTime confirmedAt, boolean periodClosed,
                       List<Line> lines, List<Line> differences, List<Version> versions) {
    }

    /** The confirmed figures disclosure publishes: totals of the frozen lines, plus the lines themselves. */
    public record Summary(String school, String schoolName, String period, int version, String confirmedBy, OffsetDateTime confirmedAt,
                          long studentsServed, long collectedFen, long waivedFen, long refundedFen, long refundsPaidFen,
                          long payoutToSchoolFen, long providerPayableFen, int differences, String note, List<Line> lines) {
    }

    /** Parses "2026-10"; anything else is a 400 (the settlement run's period). */
    public static YearMonth period(String text) {
        return SettlementRun.period(text);
    }

    @Transactional
    public View view(School school, YearMonth period) {
        List<Version> versions = versions(school, period);
        Object[] draft = header(school, period, "DRAFT");
        if (draft != null) {
            return draftView(school, period, draft, versions);
        }
        Object[] confirmed = header(school, period, "CONFIRMED");
        if (confirmed != null) {
            return frozenView(school, period, confirmed, versions);
        }
        List<Line> lines = merge(platform.of(school, period), Map.of());
        return new View(school.code, school.nameZh, period.toString(), Status.NONE, null, null, null, null, null, null, null,
                closed(period), lines, differences(lines), versions);
    }

    /** Where the school's reconciliation of {@code period} stands, without computing the figures (for the home page). */
    @Transactional
    public Status status(School school, YearMonth period) {
        return header(school, period, "DRAFT") != null ? Status.DRAFT
                : header(school, period, "CONFIRMED") != null ? Status.CONFIRMED : Status.NONE;
    }

    /**
     * Records the school's own figures for some lines (code → value, fen for money), and a note;
     * opens a new draft version when none is open (carrying over the last confirmed version's figures).
     */
    @Transactional
    public View enter(School school, YearMonth period, Map<String, Long> figures, String note, String actor) {
        requireClosed(period);
        lock(school, period);
        List<PlatformFigures.Figure> live = platform.of(school, period);
        Map<String, PlatformFigures.Figure> byCode = new LinkedHashMap<>();
        live.forEach(f -> byCode.put(f.code(), f));
        for (Map.Entry<String, Long> e : figures.entrySet()) {
            if (!byCode.containsKey(e.getKey()) && stored(header(school, period, "DRAFT"), e.getKey()) == null) {
                throw new ProblemException(422, "RECONCILIATION_LINE_UNKNOWN", e.getKey());
            }
            if (e.getValue() != null && e.getValue() < 0) {
                throw new ProblemException(422, "RECONCILIATION_FIGURE_INVALID", e.getKey(), e.getValue());
            }
        }
        UUID id = openDraft(school, period, actor);
        for (int i = 0; i < live.size(); i++) {
            upsertPlatform(school.tenantId, id, live.get(i), i);
        }
        for (Map.Entry<String, Long> e : figures.entrySet()) {
            em.createNativeQuery("UPDATE school_reconciliation_line SET school_value = CAST(?3 AS bigint) WHERE tenant_id = ?1"
                            + " AND reconciliation_id = ?2 AND code = ?4")
                    .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, e.getValue()).setParameter(4, e.getKey())
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE school_reconciliation SET updated_by = ?3, updated_at = ?4, note = COALESCE(CAST(?5 AS text), note)"
                        + " WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, actor).setParameter(4, now())
                .setParameter(5, note == null ? null : note.strip()).executeUpdate();
        audit.record(school.tenantId, actor, "reconciliation.enter", "school:" + school.code + ":" + period,
                Map.of("reconciliation", id.toString(), "figures", figures));
        return view(school, period);
    }

    /**
     * Confirms the open draft: the platform's figures as they are now are frozen next to the
     * school's; differences need a note saying why. Audited.
     */
    @Transactional
    public View confirm(School school, YearMonth period, String note, String actor) {
        requireClosed(period);
        lock(school, period);
        Object[] draft = header(school, period, "DRAFT");
        if (draft == null) {
            throw new ProblemException(409, "RECONCILIATION_NOTHING_TO_CONFIRM", school.code, period.toString());
        }
        UUID id = (UUID) draft[0];
        List<PlatformFigures.Figure> live = platform.of(school, period);
        for (int i = 0; i < live.size(); i++) {
            upsertPlatform(school.tenantId, id, live.get(i), i);
        }
        // Lines the platform no longer has (e.g. a payment moved months) stand at zero on its side.
        em.createNativeQuery("UPDATE school_reconciliation_line SET platform_value = 0 WHERE tenant_id = ?1 AND reconciliation_id = ?2"
                        + " AND NOT (code = ANY (CAST(?3 AS text[])))")
                .setParameter(1, school.tenantId).setParameter(2, id)
                .setParameter(3, "{" + String.join(",", live.stream().map(f -> "\"" + f.code() + "\"").toList()) + "}")
                .executeUpdate();
        String finalNote = note != null && !note.isBlank() ? note.strip() : (String) draft[3];
        List<Line> lines = storedLines(id, null);
        List<Line> differences = differences(lines);
        if (!differences.isEmpty() && (finalNote == null || finalNote.isBlank())) {
            throw new ProblemException(422, "RECONCILIATION_DIFFERENCES_UNEXPLAINED", differences.size());
        }
        OffsetDateTime at = now();
        em.createNativeQuery("UPDATE school_reconciliation SET status = 'CONFIRMED', note = CAST(?3 AS text), confirmed_by = ?4, confirmed_at = ?5,"
                        + " updated_by = ?4, updated_at = ?5 WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, finalNote).setParameter(4, actor)
                .setParameter(5, at).executeUpdate();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reconciliation", id.toString());
        detail.put("version", ((Number) draft[1]).intValue());
        detail.put("differences", differences.stream().map(Line::code).toList());
        audit.record(school.tenantId, actor, "reconciliation.confirm", "school:" + school.code + ":" + period, detail);
        return view(school, period);
    }

    /**
     * The latest confirmed reconciliation of {@code schoolId} for {@code period}, as disclosure
     * publishes it, or empty when the school has not confirmed one (or is not in {@code tenantId}).
     * {@code tenantId} is the school's tenant; row-level security still applies, so the caller's
     * scope must read it — that tenant, or an ancestor reading its subtree (TenantScope.callAs).
     */
    @Transactional
    public Optional<Summary> confirmedSummary(UUID tenantId, UUID schoolId, YearMonth period) {
        School school = School.findById(schoolId);
        if (school == null || !school.tenantId.equals(tenantId)) {
            return Optional.empty();
        }
        Object[] h = header(school, period, "CONFIRMED");
        if (h == null) {
            return Optional.empty();
        }
        List<Line> lines = storedLines((UUID) h[0], null);
        return Optional.of(new Summary(school.code, school.nameZh, period.toString(), ((Number) h[1]).intValue(), (String) h[5],
                time(h[6]), total(lines, "STUDENTS_SERVED"), total(lines, "COLLECTED"), total(lines, "WAIVED"),
                total(lines, "REFUNDED"), total(lines, "REFUNDS_PAID"), total(lines, "PAYOUT_SCHOOL"),
                total(lines, "PROVIDER_PAYABLE"), differences(lines).size(), (String) h[3], lines));
    }

    private static long total(List<Line> lines, String kind) {
        return lines.stream().filter(l -> l.kind().equals(kind)).mapToLong(Line::platformValue).sum();
    }

    private View draftView(School school, YearMonth period, Object[] h, List<Version> versions) {
        UUID id = (UUID) h[0];
        Map<String, Long> schoolValues = new LinkedHashMap<>();
        storedLines(id, null).forEach(l -> schoolValues.put(l.code(), l.schoolValue()));
        List<Line> lines = merge(platform.of(school, period), schoolValues);
        return new View(school.code, school.nameZh, period.toString(), Status.DRAFT, id, ((Number) h[1]).intValue(), (UUID) h[2],
                (String) h[3], (String) h[4], null, null, closed(period), lines, differences(lines), versions);
    }

    private View frozenView(School school, YearMonth period, Object[] h, List<Version> versions) {
        List<Line> lines = storedLines((UUID) h[0], null);
        return new View(school.code, school.nameZh, period.toString(), Status.CONFIRMED, (UUID) h[0], ((Number) h[1]).intValue(),
                (UUID) h[2], (String) h[3], (String) h[4], (String) h[5], time(h[6]), closed(period), lines, differences(lines), versions);
    }

    /** The live platform lines with the school's figures; a school figure for a line the platform lost stays, against 0. */
    private static List<Line> merge(List<PlatformFigures.Figure> live, Map<String, Long> schoolValues) {
        List<Line> out = new ArrayList<>();
        Map<String, Long> left = new LinkedHashMap<>(schoolValues);
        for (PlatformFigures.Figure f : live) {
            Long s = left.remove(f.code());
            out.add(line(f.code(), f.unit(), f.label(), f.value(), s));
        }
        left.forEach((code, s) -> {
            if (s != null) {
                out.add(line(code, code.startsWith("STUDENTS") || code.startsWith("PROVIDER_LESSONS")
                        ? PlatformFigures.Unit.COUNT : PlatformFigures.Unit.FEN, "", 0, s));
            }
        });
        return out;
    }

    static Line line(String code, PlatformFigures.Unit unit, String label, long platformValue, Long schoolValue) {
        int colon = code.indexOf(':');
        return new Line(code, colon < 0 ? code : code.substring(0, colon), unit, label, platformValue, schoolValue,
                schoolValue == null ? null : schoolValue - platformValue);
    }

    private static List<Line> differences(List<Line> lines) {
        return lines.stream().filter(Line::differs).toList();
    }

    private UUID openDraft(School school, YearMonth period, String actor) {
        Object[] draft = header(school, period, "DRAFT");
        if (draft != null) {
            return (UUID) draft[0];
        }
        Object[] confirmed = header(school, period, "CONFIRMED");
        int version = confirmed == null ? 1 : ((Number) confirmed[1]).intValue() + 1;
        UUID id = UUID.randomUUID();
        OffsetDateTime at = now();
        em.createNativeQuery("""
                        INSERT INTO school_reconciliation (tenant_id, id, school_id, period, version, status, supersedes_id, note,
                                                           created_by, created_at, updated_by, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'DRAFT', CAST(?6 AS uuid), CAST(?7 AS text), ?8, ?9, ?8, ?9)""")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, school.id).setParameter(4, period.toString())
                .setParameter(5, version).setParameter(6, confirmed == null ? null : confirmed[0])
                .setParameter(7, confirmed == null ? null : confirmed[3]).setParameter(8, actor).setParameter(9, at).executeUpdate();
        if (confirmed != null) {
            // The new version starts from the school's figures as last confirmed.
            em.createNativeQuery("""
                            INSERT INTO school_reconciliation_line (tenant_id, reconciliation_id, code, line_no, unit, label, platform_value,
                                                                    school_value)
                            SELECT tenant_id, ?2, code, line_no, unit, label, NULL, school_value FROM school_reconciliation_line
                            WHERE tenant_id = ?1 AND reconciliation_id = ?3""")
                    .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, confirmed[0]).executeUpdate();
        }
        return id;
    }

    private void upsertPlatform(UUID tenantId, UUID id, PlatformFigures.Figure f, int lineNo) {
        em.createNativeQuery("""
                        INSERT INTO school_reconciliation_line (tenant_id, reconciliation_id, code, line_no, unit, label, platform_value)
                        VALUES (?1, ?2, ?3, ?7, ?4, ?5, ?6)
                        ON CONFLICT (tenant_id, reconciliation_id, code) DO UPDATE SET platform_value = EXCLUDED.platform_value,
                            label = EXCLUDED.label, unit = EXCLUDED.unit, line_no = EXCLUDED.line_no""")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, f.code()).setParameter(4, f.unit().name())
                .setParameter(5, f.label().isEmpty() ? f.code() : f.label()).setParameter(6, f.value()).setParameter(7, lineNo).executeUpdate();
    }

    /** A stored line's school value, or null. */
    private Long stored(Object[] draft, String code) {
        if (draft == null) {
            return null;
        }
        return storedLines((UUID) draft[0], code).stream().findFirst().map(l -> l.schoolValue() == null ? 0L : l.schoolValue())
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<Line> storedLines(UUID id, String code) {
        List<Object[]> rows = em.createNativeQuery("SELECT code, unit, label, platform_value, school_value FROM school_reconciliation_line"
                        + " WHERE reconciliation_id = ?1 AND (?2 = '' OR code = ?2) ORDER BY line_no, code")
                .setParameter(1, id).setParameter(2, code == null ? "" : code).getResultList();
        List<Line> out = new ArrayList<>();
        for (Object[] r : rows) {
            String c = (String) r[0];
            String label = (String) r[2];
            out.add(line(c, PlatformFigures.Unit.valueOf((String) r[1]), label.equals(c) ? "" : label,
                    r[3] == null ? 0 : ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue()));
        }
        return out;
    }

    /** {id, version, supersedes, note, updated_by, confirmed_by, confirmed_at} of the school's latest row with {@code status}. */
    @SuppressWarnings("unchecked")
    private Object[] header(School school, YearMonth period, String status) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, version, supersedes_id, note, updated_by, confirmed_by, confirmed_at FROM school_reconciliation
                        WHERE tenant_id = ?1 AND school_id = ?2 AND period = ?3 AND status = ?4 ORDER BY version DESC LIMIT 1""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, period.toString()).setParameter(4, status)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Version> versions(School school, YearMonth period) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, version, status, supersedes_id, confirmed_by, confirmed_at FROM school_reconciliation
                        WHERE tenant_id = ?1 AND school_id = ?2 AND period = ?3 ORDER BY version DESC""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, period.toString()).getResultList();
        return rows.stream().map(r -> new Version((UUID) r[0], ((Number) r[1]).intValue(), Status.valueOf((String) r[2]), (UUID) r[3],
                (String) r[4], time(r[5]))).toList();
    }

    private void lock(School school, YearMonth period) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "reconciliation:" + school.tenantId + ":" + school.id + ":" + period).getSingleResult();
    }

    private boolean closed(YearMonth period) {
        return period.atEndOfMonth().isBefore(LocalDate.now(clock.withZone(SettlementRun.CHINA)));
    }

    private void requireClosed(YearMonth period) {
        if (!closed(period)) {
            throw new ProblemException(409, "RECONCILIATION_PERIOD_OPEN", period.toString());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.ofHours(8));
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.ofHours(8));
        }
        return null;
    }
}
