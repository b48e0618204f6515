package cn.kehou.server.stipends;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.catalog.ServiceStaff;
import cn.kehou.server.catalog.StaffMember;
import cn.kehou.server.ledger.Account;
import cn.kehou.server.ledger.JournalEntry;
import cn.kehou.server.ledger.Ledger;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.settlement.SettlementRun;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import com.fasterxml.jackson.annotation.JsonProperty;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A school's stipend run for one month (issue 12 §3): for every staff member assigned to a school
 * service, the sessions delivered in the month (attendance where the service has marks, else the
 * scheduled sessions minus those called off — the settlement's own count) times the whole normal
 * periods in a session ({@link NormalPeriod}), times the school's rate per period. School staff are
 * paid a stipend (课后服务补助, 001 §五(二)4: 在校内公示并通过银行卡发放); outside staff — retired
 * teachers, volunteers, others' staff — a labour fee (003 §八: 聘请校外人员…可按劳务费管理).
 * A provider's own course is not here: the provider is paid per lesson by the settlement run, and
 * pays its staff itself.
 *
 * <p>Computing replaces the month's draft; publishing (公示) freezes it, shows it to the school's
 * staff and books one balanced entry — Dr the school's stipend / labour-fee expense, Cr each
 * person's payable — keyed {@code stipends:<school>:<month>}, so a second publication writes nothing.
 */
@ApplicationScoped
public class StipendRuns {

    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    SettlementRun settlement;
    @Inject
    RegionPolicies policies;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public enum Category { STIPEND, LABOUR_FEE }

    /** A month's run as its reader sees it; NOT_PUBLISHED is a draft as the school's other staff see it. */
    public enum RunStatus { NONE, DRAFT, PUBLISHED, NOT_PUBLISHED }

    public record Rate(String school, Long stipendFenPerPeriod, Long labourFeeFenPerPeriod, String updatedBy,
                       OffsetDateTime updatedAt) {
        public boolean set() {
            return stipendFenPerPeriod != null;
        }

        @JsonProperty
        public String stipendYuan() {
            return stipendFenPerPeriod == null ? "" : Money.ofFen(stipendFenPerPeriod).yuan();
        }

        @JsonProperty
        public String labourFeeYuan() {
            return labourFeeFenPerPeriod == null ? "" : Money.ofFen(labourFeeFenPerPeriod).yuan();
        }
    }

    /** A staff member of the school with their portal account and bank card reference, if recorded. */
    public record Payee(UUID staff, String name, StaffMember.Kind kind, Category category, String username, String bankName,
                        String cardLast4) {
        @JsonProperty
        public String bankCard() {
            return StipendRuns.bankCard(bankName, cardLast4);
        }
    }

    public record Line(UUID staff, String name, StaffMember.Kind kind, Category category, UUID term, String termName,
                       int sessions, int periods, int periodMinutes, long rateFen, long amountFen, String bankCard) {
        @JsonProperty
        public String rateYuan() {
            return Money.ofFen(rateFen).yuan();
        }

        @JsonProperty
        public String amountYuan() {
            return Money.ofFen(amountFen).yuan();
        }
    }

    /** {@code status}: NONE (not computed), DRAFT, PUBLISHED, or NOT_PUBLISHED (a draft, as staff see it: no lines). */
    public record Run(String school, String schoolName, String period, String status, String computedBy,
                      OffsetDateTime computedAt, String publishedBy, OffsetDateTime publishedAt, UUID entryId,
                      List<Line> lines, long stipendFen, long labourFeeFen, long totalFen, String paidBy, OffsetDateTime paidAt) {
        @JsonProperty
        public boolean paid() {
            return paidAt != null;
        }

        @JsonProperty
        public String totalYuan() {
            return Money.ofFen(totalFen).yuan();
        }

        @JsonProperty
        public String stipendYuan() {
            return Money.ofFen(stipendFen).yuan();
        }

        @JsonProperty
        public String labourFeeYuan() {
            return Money.ofFen(labourFeeFen).yuan();
        }

        public boolean published() {
            return "PUBLISHED".equals(status);
        }

        public RunStatus state() {
            return RunStatus.valueOf(status);
        }

        public boolean draft() {
            return "DRAFT".equals(status);
        }
    }

    /** One published line of the signed-in person, for their own page and certificate. */
    public record MyLine(String period, String school, String schoolName, String termName, LocalDate termStartsOn,
                         Category category, int sessions, int periods, int periodMinutes, long rateFen, long amountFen,
                         String staffName, OffsetDateTime publishedAt) {
        @JsonProperty
        public String amountYuan() {
            return Money.ofFen(amountFen).yuan();
        }

        @JsonProperty
        public String rateYuan() {
            return Money.ofFen(rateFen).yuan();
        }
    }

    /** Periods per school and term, as the certificate of service hours lists them. */
    public record TermHours(String schoolName, String termName, LocalDate termStartsOn, int sessions, int periods,
                            int periodMinutes) {
    }

    /** "2026-10" → the month; anything else is a 400. */
    public static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "STIPEND_PERIOD_INVALID", text);
        }
    }

    public static Category category(StaffMember.Kind kind) {
        return kind == StaffMember.Kind.SCHOOL_STAFF ? Category.STIPEND : Category.LABOUR_FEE;
    }

    static String bankCard(String bankName, String last4) {
        return last4 == null ? null : bankName + " **** " + last4;
    }

    // ---- rate -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public Rate rate(School school) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT stipend_fen_per_period, labour_fee_fen_per_period, updated_by, updated_at
                        FROM stipend_rate WHERE school_id = ?1""").setParameter(1, school.id).getResultList();
        if (rows.isEmpty()) {
            return new Rate(school.code, null, null, null, null);
        }
        Object[] r = rows.get(0);
        return new Rate(school.code, ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], time(r[3]));
    }

    @Transactional
    public Rate setRate(School school, long stipendFen, long labourFeeFen, String actor) {
        for (long fen : new long[] {stipendFen, labourFeeFen}) {
            if (fen < 1 || fen > 100_000) {
                throw new ProblemException(422, "STIPEND_RATE_INVALID", Money.ofFen(fen).yuan());
            }
        }
        Rate before = rate(school);
        em.createNativeQuery("""
                        INSERT INTO stipend_rate (tenant_id, school_id, stipend_fen_per_period, labour_fee_fen_per_period, updated_by)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (tenant_id, school_id) DO UPDATE SET stipend_fen_per_period = EXCLUDED.stipend_fen_per_period,
                            labour_fee_fen_per_period = EXCLUDED.labour_fee_fen_per_period, updated_by = EXCLUDED.updated_by,
                            updated_at = now()""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, stipendFen)
                .setParameter(4, labourFeeFen).setParameter(5, actor).executeUpdate();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("school", school.code);
        detail.put("stipendFenPerPeriod", stipendFen);
        detail.put("labourFeeFenPerPeriod", labourFeeFen);
        detail.put("previousStipendFenPerPeriod", before.stipendFenPerPeriod());
        detail.put("previousLabourFeeFenPerPeriod", before.labourFeeFenPerPeriod());
        audit.record(school.tenantId, actor, "stipends.rate", school.code, detail);
        return rate(school);
    }

    // ---- payees -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public List<Payee> payees(School school) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT m.id, m.name_zh, m.kind, p.username, p.bank_name, p.card_last4
                        FROM staff_member m LEFT JOIN stipend_payee p ON p.tenant_id = m.tenant_id AND p.staff_id = m.id
                        WHERE m.school_id = ?1 ORDER BY m.name_zh, m.id""").setParameter(1, school.id).getResultList();
        List<Payee> out = new ArrayList<>();
        for (Object[] r : rows) {
            StaffMember.Kind kind = StaffMember.Kind.valueOf((String) r[2]);
            out.add(new Payee((UUID) r[0], (String) r[1], kind, category(kind), (String) r[3], (String) r[4], (String) r[5]));
        }
        return out;
    }

    /**
     * Links a staff member to a portal account of the school (their own stipends and certificate)
     * and records the bank card reference the school pays into (bank name and last four digits).
     */
    @Transactional
    public Payee setPayee(School school, UUID staffId, String username, String bankName, String cardLast4, String actor) {
        StaffMember m = StaffMember.findById(staffId);
        if (m == null || !school.id.equals(m.schoolId)) {
            throw ProblemException.notFound("staff", staffId.toString());
        }
        String user = blankToNull(username);
        String bank = blankToNull(bankName);
        String last4 = blankToNull(cardLast4);
        if ((bank == null) != (last4 == null) || (last4 != null && !last4.matches("[0-9]{4}")) || (bank != null && bank.length() > 50)) {
            throw new ProblemException(422, "STIPEND_BANK_CARD_INVALID");
        }
        if (user != null) {
            long roles = ((Number) em.createNativeQuery("SELECT count(*) FROM role_assignment WHERE school_id = ?1 AND username = ?2")
                    .setParameter(1, school.id).setParameter(2, user).getSingleResult()).longValue();
            if (roles == 0) {
                throw new ProblemException(422, "STIPEND_PAYEE_NOT_STAFF", user);
            }
        }
        em.createNativeQuery("""
                        INSERT INTO stipend_payee (tenant_id, staff_id, username, bank_name, card_last4, updated_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (tenant_id, staff_id) DO UPDATE SET username = EXCLUDED.username, bank_name = EXCLUDED.bank_name,
                            card_last4 = EXCLUDED.card_last4, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .setParameter(1, school.tenantId).setParameter(2, staffId).setParameter(3, user).setParameter(4, bank)
                .setParameter(5, last4).setParameter(6, actor).executeUpdate();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("school", school.code);
        detail.put("username", user);
        detail.put("bankCard", bankCard(bank, last4));
        audit.record(school.tenantId, actor, "stipends.payee", staffId.toString(), detail);
        return payees(school).stream().filter(p -> p.staff().equals(staffId)).findFirst().orElseThrow();
    }

    // ---- runs ---------------------------------------------------------------------------------

    /** The month's run as a manager reads it (a draft too, with bank card references), or status NONE. */
    public Run read(School school, YearMonth month) {
        return run(school, month, true);
    }

    /** The month's run as the school's staff read it: only once published, without bank cards. */
    public Run readPublished(School school, YearMonth month) {
        Run r = run(school, month, false);
        return r.published() || r.status().equals("NONE") ? r
                : new Run(r.school(), r.schoolName(), r.period(), "NOT_PUBLISHED", null, null, null, null, null, List.of(), 0, 0, 0, null, null);
    }

    /**
     * Computes the month's draft, replacing an earlier draft; a published run is returned as it
     * stands (a rerun changes nothing). The month must have ended; the school's rates must be set.
     */
    @Transactional
    public Run compute(School school, YearMonth month, String actor) {
        if (!month.atEndOfMonth().isBefore(LocalDate.now(clock))) {
            throw new ProblemException(409, "STIPEND_PERIOD_OPEN", month.toString());
        }
        lock(school, month);
        Optional<Object[]> existing = runRow(school, month);
        if (existing.isPresent() && "PUBLISHED".equals(existing.get()[1])) {
            return read(school, month);
        }
        Rate rate = rate(school);
        if (!rate.set()) {
            throw new ProblemException(409, "STIPEND_RATE_NOT_SET", school.code);
        }
        RegionPolicies.Resolution policy = policies.require(Tenant.findById(school.tenantId));
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();

        record Key(UUID staff, UUID term) {
        }
        Map<Key, int[]> counts = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        Map<Key, Integer> minutes = new LinkedHashMap<>();
        List<OfferedService> services = OfferedService.list(
                "schoolId = ?1 and providerId is null and validFrom <= ?2 and validTo >= ?3 order by id", school.id, to, from);
        for (OfferedService s : services) {
            List<ServiceStaff> staff = ServiceStaff.list("serviceId = ?1 order by staffId", s.id);
            if (staff.isEmpty()) {
                continue;
            }
            int sessions = settlement.lessons(s, from, to);
            if (sessions == 0) {
                continue;
            }
            SchoolTerm term = SchoolTerm.findById(s.termId);
            NormalPeriod normal = NormalPeriod.of(policy, school, term, s);
            int periods = Math.multiplyExact(sessions, normal.periodsIn(s));
            for (ServiceStaff a : staff) {
                Key k = new Key(a.staffId, s.termId);
                int[] c = counts.computeIfAbsent(k, x -> new int[2]);
                c[0] += sessions;
                c[1] += periods;
                minutes.merge(k, normal.minutes(), Math::max);
            }
        }

        UUID runId;
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (existing.isPresent()) {
            runId = (UUID) existing.get()[0];
            em.createNativeQuery("DELETE FROM stipend_line WHERE run_id = ?1").setParameter(1, runId).executeUpdate();
            em.createNativeQuery("UPDATE stipend_run SET computed_by = ?2, computed_at = ?3 WHERE id = ?1")
                    .setParameter(1, runId).setParameter(2, actor).setParameter(3, now).executeUpdate();
        } else {
            runId = UUID.randomUUID();
            em.createNativeQuery("""
                            INSERT INTO stipend_run (tenant_id, id, school_id, period, status, computed_by, computed_at)
                            VALUES (?1, ?2, ?3, ?4, 'DRAFT', ?5, ?6)""")
                    .setParameter(1, school.tenantId).setParameter(2, runId).setParameter(3, school.id)
                    .setParameter(4, month.toString()).setParameter(5, actor).setParameter(6, now).executeUpdate();
        }
        for (Map.Entry<Key, int[]> e : counts.entrySet()) {
            StaffMember m = StaffMember.findById(e.getKey().staff());
            Category category = category(m.kind);
            long rateFen = category == Category.STIPEND ? rate.stipendFenPerPeriod() : rate.labourFeeFenPerPeriod();
            int periods = e.getValue()[1];
            em.createNativeQuery("""
                            INSERT INTO stipend_line (tenant_id, run_id, staff_id, term_id, staff_name, staff_kind, category, sessions,
                                                      periods, period_minutes, rate_fen, amount_fen)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                    .setParameter(1, school.tenantId).setParameter(2, runId).setParameter(3, m.id)
                    .setParameter(4, e.getKey().term()).setParameter(5, m.nameZh).setParameter(6, m.kind.name())
                    .setParameter(7, category.name()).setParameter(8, e.getValue()[0]).setParameter(9, periods)
                    .setParameter(10, minutes.get(e.getKey())).setParameter(11, rateFen)
                    .setParameter(12, Math.multiplyExact(rateFen, (long) periods)).executeUpdate();
        }
        return read(school, month);
    }

    /**
     * Publishes the month's draft inside the school (公示, 001) and books it: one balanced entry,
     * Dr the school's stipend and labour-fee expense, Cr each person's payable. Publishing again
     * returns the publication as it stands.
     */
    @Transactional
    public Run publish(School school, YearMonth month, String actor) {
        lock(school, month);
        Object[] row = runRow(school, month).orElseThrow(() -> new ProblemException(409, "STIPENDS_NOT_COMPUTED", month.toString()));
        if ("PUBLISHED".equals(row[1])) {
            return read(school, month);
        }
        Run draft = read(school, month);
        UUID entryId = null;
        if (draft.totalFen() > 0) {
            List<JournalEntry.Line> lines = new ArrayList<>();
            if (draft.stipendFen() > 0) {
                lines.add(JournalEntry.Line.debit(Account.STIPEND_EXPENSE.code(school.id.toString()), Money.ofFen(draft.stipendFen())));
            }
            if (draft.labourFeeFen() > 0) {
                lines.add(JournalEntry.Line.debit(Account.LABOUR_FEE_EXPENSE.code(school.id.toString()),
                        Money.ofFen(draft.labourFeeFen())));
            }
            Map<UUID, Long> perStaff = new TreeMap<>();
            draft.lines().forEach(l -> perStaff.merge(l.staff(), l.amountFen(), Math::addExact));
            perStaff.forEach((staff, fen) -> {
                if (fen > 0) {
                    lines.add(JournalEntry.Line.credit(Account.STAFF_PAYABLE.code(staff.toString()), Money.ofFen(fen)));
                }
            });
            String key = "stipends:" + school.id + ":" + month;
            entryId = ledger.post(school.tenantId, new JournalEntry(key, "stipends", school.id + ":" + month,
                    "课后服务补助与劳务费 " + month + " " + school.nameZh, lines), actor).entryId();
        }
        em.createNativeQuery("""
                        UPDATE stipend_run SET status = 'PUBLISHED', published_by = ?2, published_at = ?3, entry_id = ?4
                        WHERE id = ?1""")
                .setParameter(1, row[0]).setParameter(2, actor).setParameter(3, OffsetDateTime.now(clock))
                .setParameter(4, entryId).executeUpdate();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("school", school.code);
        detail.put("period", month.toString());
        detail.put("totalFen", draft.totalFen());
        detail.put("lines", draft.lines().size());
        audit.record(school.tenantId, actor, "stipends.publish", school.code + ":" + month, detail);
        return read(school, month);
    }

    /**
     * Records that the school's finance office paid the published month by bank card (001 §五(二)4
     * 通过银行卡发放): one balanced entry keyed {@code stipends-paid:<school>:<month>}, Dr each person's
     * payable, Cr {@code SCHOOL_FUNDS:<school>} — the school's own bank account, where its basic-care
     * payouts land and which the platform's ledger does not hold (ledger.Account). Recording it again
     * writes nothing and returns the month as it stands; a month not published is a 409.
     */
    @Transactional
    public Run pay(School school, YearMonth month, String actor) {
        lock(school, month);
        Run run = read(school, month);
        if (!run.published()) {
            throw new ProblemException(409, "STIPENDS_NOT_PUBLISHED", month.toString());
        }
        if (run.paid()) {
            return run;
        }
        if (run.totalFen() <= 0) {
            throw new ProblemException(409, "STIPENDS_NOTHING_TO_PAY", month.toString());
        }
        Map<UUID, Long> perStaff = new TreeMap<>();
        run.lines().forEach(l -> perStaff.merge(l.staff(), l.amountFen(), Math::addExact));
        List<JournalEntry.Line> lines = new ArrayList<>();
        perStaff.forEach((staff, fen) -> {
            if (fen > 0) {
                lines.add(JournalEntry.Line.debit(Account.STAFF_PAYABLE.code(staff.toString()), Money.ofFen(fen)));
            }
        });
        lines.add(JournalEntry.Line.credit(Account.SCHOOL_FUNDS.code(school.id.toString()), Money.ofFen(run.totalFen())));
        ledger.post(school.tenantId, new JournalEntry(paidKey(school, month), "stipends-paid", school.id + ":" + month,
                "课后服务补助与劳务费银行发放 " + month + " " + school.nameZh, lines), actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("school", school.code);
        detail.put("period", month.toString());
        detail.put("totalFen", run.totalFen());
        detail.put("payees", perStaff.size());
        audit.record(school.tenantId, actor, "stipends.pay", school.code + ":" + month, detail);
        return read(school, month);
    }

    static String paidKey(School school, YearMonth month) {
        return "stipends-paid:" + school.id + ":" + month;
    }

    // ---- one's own ------------------------------------------------------------------------------

    /** The published lines of every staff member linked to {@code username} in the current tenant. */
    @SuppressWarnings("unchecked")
    public List<MyLine> mine(String username) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.period, s.code, s.name_zh, t.name, t.starts_on, l.category, l.sessions, l.periods, l.period_minutes,
                               l.rate_fen, l.amount_fen, l.staff_name, r.published_at
                        FROM stipend_line l
                        JOIN stipend_run r ON r.tenant_id = l.tenant_id AND r.id = l.run_id
                        JOIN stipend_payee p ON p.tenant_id = l.tenant_id AND p.staff_id = l.staff_id
                        JOIN school s ON s.tenant_id = r.tenant_id AND s.id = r.school_id
                        JOIN school_term t ON t.tenant_id = l.tenant_id AND t.id = l.term_id
                        WHERE p.username = ?1 AND r.status = 'PUBLISHED'
                        ORDER BY r.period DESC, s.code, t.starts_on""").setParameter(1, username).getResultList();
        List<MyLine> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new MyLine((String) r[0], (String) r[1], (String) r[2], (String) r[3], date(r[4]), Category.valueOf((String) r[5]),
                    ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), ((Number) r[9]).longValue(),
                    ((Number) r[10]).longValue(), (String) r[11], time(r[12])));
        }
        return out;
    }

    /** {@link #mine} summed per school and term, oldest term first. */
    public static List<TermHours> hours(List<MyLine> lines) {
        Map<String, TermHours> out = new TreeMap<>();
        for (MyLine l : lines) {
            String key = l.termStartsOn() + "|" + l.school() + "|" + l.termName();
            TermHours h = out.get(key);
            out.put(key, h == null ? new TermHours(l.schoolName(), l.termName(), l.termStartsOn(), l.sessions(), l.periods(), l.periodMinutes())
                    : new TermHours(h.schoolName(), h.termName(), h.termStartsOn(), h.sessions() + l.sessions(), h.periods() + l.periods(),
                    h.periodMinutes()));
        }
        return new ArrayList<>(out.values());
    }

    // ---- internals --------------------------------------------------------------------------------

    private void lock(School school, YearMonth month) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "kehou-stipends:" + school.tenantId + ":" + school.id + ":" + month).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private Optional<Object[]> runRow(School school, YearMonth month) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, status, computed_by, computed_at, published_by, published_at, entry_id FROM stipend_run"
                                + " WHERE school_id = ?1 AND period = ?2")
                .setParameter(1, school.id).setParameter(2, month.toString()).getResultList();
        return rows.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private Run run(School school, YearMonth month, boolean withBankCards) {
        Optional<Object[]> row = runRow(school, month);
        if (row.isEmpty()) {
            return new Run(school.code, school.nameZh, month.toString(), "NONE", null, null, null, null, null, List.of(), 0, 0, 0, null, null);
        }
        Object[] r = row.get();
        Optional<Object[]> paid = ((List<Object[]>) em.createNativeQuery(
                        "SELECT posted_by, posted_at FROM journal_entry WHERE tenant_id = ?1 AND idempotency_key = ?2")
                .setParameter(1, school.tenantId).setParameter(2, paidKey(school, month)).getResultList()).stream().findFirst();
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT l.staff_id, l.staff_name, l.staff_kind, l.category, l.term_id, t.name, l.sessions, l.periods,
                               l.period_minutes, l.rate_fen, l.amount_fen, p.bank_name, p.card_last4
                        FROM stipend_line l
                        JOIN school_term t ON t.tenant_id = l.tenant_id AND t.id = l.term_id
                        LEFT JOIN stipend_payee p ON p.tenant_id = l.tenant_id AND p.staff_id = l.staff_id
                        WHERE l.run_id = ?1 ORDER BY l.category DESC, l.staff_name, l.staff_id, t.starts_on""")
                .setParameter(1, r[0]).getResultList();
        List<Line> lines = new ArrayList<>();
        long stipend = 0;
        long labour = 0;
        for (Object[] l : rows) {
            Category c = Category.valueOf((String) l[3]);
            long amount = ((Number) l[10]).longValue();
            if (c == Category.STIPEND) {
                stipend += amount;
            } else {
                labour += amount;
            }
            lines.add(new Line((UUID) l[0], (String) l[1], StaffMember.Kind.valueOf((String) l[2]), c, (UUID) l[4], (String) l[5],
                    ((Number) l[6]).intValue(), ((Number) l[7]).intValue(), ((Number) l[8]).intValue(), ((Number) l[9]).longValue(),
                    amount, withBankCards ? bankCard((String) l[11], (String) l[12]) : null));
        }
        return new Run(school.code, school.nameZh, month.toString(), (String) r[1], (String) r[2], time(r[3]), (String) r[4],
                time(r[5]), (UUID) r[6], lines, stipend, labour, stipend + labour, paid.map(p -> (String) p[0]).orElse(null),
                paid.map(p -> time(p[1])).orElse(null));
    }

    static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
