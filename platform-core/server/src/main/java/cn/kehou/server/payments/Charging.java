package cn.kehou.server.payments;

import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.Waiver;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.enrollment.Application;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.ledger.JournalEntry;
import cn.kehou.server.ledger.Ledger;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bills a service's term: for every ARRANGED application not yet billed, the region's FeeSchedule
 * prices the term for that child (waivers included), the line joins the family's order for the
 * term, and one balanced ledger entry books it — the family's receivable, each waiver to whoever
 * bears it, the price to its recipients along the FundsFlow route. Nothing is billed unless the
 * fee is lawful today (the plugin's price), costed within the region's re-costing interval and
 * published as the region requires.
 */
@ApplicationScoped
public class Charging {

    @Inject
    RegionMoneyRules rules;
    @Inject
    FeePublications publications;
    @Inject
    Settlement settlement;
    @Inject
    Ledger ledger;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public record Result(UUID service, int billed, int alreadyBilled, List<UUID> lines) {
    }

    /** Refuses unless {@code s}'s fee may be charged today; returns what the plugin answered. */
    public Gate gate(School school, OfferedService s, LocalDate today) {
        RegionMoneyRules.At at = rules.at(school, today);
        FeeDecision base = rules.price(at, s, Set.of());
        Optional<Period> interval = rules.recostingInterval(at);
        if (interval.isPresent()) {
            // 004 §五(一): a fee is re-costed yearly; one older than the region's interval is not charged.
            if (s.feeCostedOn == null) {
                throw new ProblemException(409, "FEE_NOT_COSTED");
            }
            LocalDate validTo = s.feeCostedOn.plus(interval.get());
            if (today.isAfter(validTo)) {
                throw new ProblemException(409, "FEE_RECOSTING_DUE", s.feeCostedOn, validTo);
            }
        }
        List<PublicationRequirement> required = publications.requirements(at.policy(), at.ctx());
        publications.requirePublished(required, s, today);
        return new Gate(at, base, rules.route(at, s));
    }

    public record Gate(RegionMoneyRules.At at, FeeDecision base, FundsRoute route) {
    }

    /** Applications billed per transaction: a crash loses at most one chunk, which the next run bills. */
    static final int CHUNK = 250;

    /**
     * Bills in chunks of {@link #CHUNK} applications, each chunk in a transaction of its own that
     * holds the service's billing lock: the applications are read a chunk at a time (keyset on
     * created_at, id), never all at once, and what a chunk billed stays billed if a later one fails.
     * Not called inside a transaction: each chunk must commit.
     */
    public Result bill(School school, OfferedService s, String actor) {
        record Fixed(Gate gate, SchoolTerm term, int sessions, long already) {
        }
        Fixed fixed = QuarkusTransaction.requiringNew().call(() -> {
            LocalDate today = LocalDate.now(clock);
            Gate gate = gate(school, s, today);
            SchoolTerm term = SchoolTerm.findById(s.termId);
            int sessions = Sessions.of(s.validFrom, s.validTo, s.daySet(), term.holidays).size();
            long already = ((Number) em.createNativeQuery("""
                            SELECT count(*) FROM enrollment_application a
                            WHERE a.tenant_id = ?1 AND a.service_id = ?2 AND a.status = 'ARRANGED' AND EXISTS (
                                SELECT 1 FROM order_line l WHERE l.tenant_id = a.tenant_id AND l.application_id = a.id)""")
                    .setParameter(1, s.tenantId).setParameter(2, s.id).getSingleResult()).longValue();
            return new Fixed(gate, term, sessions, already);
        });
        List<UUID> lines = new ArrayList<>();
        Object[] after = null;
        while (true) {
            Object[] from = after;
            Chunk chunk = QuarkusTransaction.requiringNew().call(() -> chunk(school, s, actor, fixed.gate(), fixed.term(),
                    fixed.sessions(), from));
            lines.addAll(chunk.lines());
            if (chunk.last() == null) {
                break;
            }
            after = chunk.last();
        }
        return new Result(s.id, lines.size(), (int) fixed.already(), lines);
    }

    /** What one chunk billed, and the (created_at, id) it ended at — null when there was nothing left. */
    private record Chunk(List<UUID> lines, Object[] last) {
    }

    private Chunk chunk(School school, OfferedService s, String actor, Gate gate, SchoolTerm term, int sessions, Object[] after) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "kehou-billing:" + s.tenantId + ":" + s.id).getSingleResult();
        LocalDate today = LocalDate.now(clock);
        String collecting = PaymentAccounts.collecting(gate.route().account(), school.id);
        List<Shares.Part> parts = gate.route().shares().stream()
                .map(sh -> new Shares.Part(PaymentAccounts.payable(sh.recipient(), school.id, s.providerId, gate.at().pluginId()),
                        sh.percent()))
                .toList();
        // Read under the lock: a line another run committed meanwhile is not billed twice.
        String unbilled = "from Application a where a.serviceId = ?1 and a.status = ?2"
                + " and not exists (select 1 from OrderLine l where l.applicationId = a.id)";
        List<Application> arranged = (after == null
                ? Application.<Application>find(unbilled + " order by a.createdAt, a.id", s.id, Application.Status.ARRANGED)
                : Application.<Application>find(unbilled + " and (a.createdAt > ?3 or (a.createdAt = ?3 and a.id > ?4))"
                        + " order by a.createdAt, a.id", s.id, Application.Status.ARRANGED, after[0], after[1]))
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).page(0, CHUNK).list();
        if (arranged.isEmpty()) {
            return new Chunk(List.of(), null);
        }
        // A new line is re-settled only if the school already called sessions off: otherwise (no
        // adjustment yet, the application ARRANGED, every session ahead) settle() writes nothing.
        List<LocalDate> days = Sessions.of(s.validFrom, s.validTo, s.daySet(), term.holidays);
        boolean calledOff = Sessions.delivered(days, settlement.cancelledDays(s.tenantId, s.id), null) != days.size();
        Map<UUID, Child> children = new java.util.HashMap<>();
        Child.<Child>find("id in ?1", arranged.stream().map(a -> a.childId).distinct().toList())
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).list()
                .forEach(c -> children.put(c.id, c));
        List<UUID> lines = new ArrayList<>();
        for (Application app : arranged) {
            FeeDecision d = rules.price(gate.at(), s, groups(children.get(app.childId)));
            UUID order = orderFor(app.applicant, school, term, collecting);
            PaymentOrder.lock(s.tenantId, order);
            OrderLine line = new OrderLine();
            line.id = UUID.randomUUID();
            line.tenantId = s.tenantId;
            line.orderId = order;
            line.applicationId = app.id;
            line.serviceId = s.id;
            line.childId = app.childId;
            line.kind = s.kind.name();
            line.priceFen = d.priceFen();
            line.chargeFen = d.chargeFen();
            line.waivedFen = d.priceFen() - d.chargeFen();
            line.waivers = d.waivers().stream().map(w -> waiver(w, school.id)).toList();
            line.reasons = d.reasons().stream().map(Charging::reason).toList();
            line.route = route(gate.route(), collecting, parts);
            line.payables = new LinkedHashMap<>(Shares.split(d.priceFen(), parts));
            line.sessionsTotal = sessions;
            line.pluginId = gate.at().pluginId();
            line.pluginVersion = gate.at().policy().pluginVersion();
            line.pricedOn = today;
            line.createdBy = actor;
            line.createdAt = OffsetDateTime.now(clock);
            line.persist();
            em.flush();
            book(line, s, d, school.id);
            if (calledOff) {
                // Sessions the school already called off are refunded from the start.
                settlement.settle(line, actor);
            }
            lines.add(line.id);
            // Every native statement flushes the session first: keep it small, or a chunk costs its size squared.
            em.flush();
            em.detach(line);
        }
        Application last = arranged.get(arranged.size() - 1);
        return new Chunk(lines, arranged.size() < CHUNK ? null : new Object[] {last.createdAt, last.id});
    }

    /** The charge entry: Dr the family and each waiver's bearer, Cr the recipients of the price. */
    private void book(OrderLine line, OfferedService s, FeeDecision d, UUID schoolId) {
        if (d.priceFen() == 0) {
            return; // free (e.g. 002 §三(三) tutoring): nothing moves
        }
        List<JournalEntry.Line> lines = new ArrayList<>();
        if (d.chargeFen() > 0) {
            lines.add(JournalEntry.Line.debit(PaymentAccounts.receivable(line.id), Money.ofFen(d.chargeFen())));
        }
        Map<String, Long> bearers = new LinkedHashMap<>();
        d.waivers().forEach(w -> bearers.merge(PaymentAccounts.waiverBearer(w.payer(), schoolId), w.amountFen(), Long::sum));
        bearers.forEach((account, fen) -> lines.add(JournalEntry.Line.debit(account, Money.ofFen(fen))));
        line.payables.forEach((account, fen) -> {
            long amount = ((Number) fen).longValue();
            if (amount > 0) {
                lines.add(JournalEntry.Line.credit(account, Money.ofFen(amount)));
            }
        });
        ledger.post(line.tenantId, new JournalEntry("charge:" + line.id, "order_line", line.id.toString(),
                "term fee: " + s.titleZh, lines), line.createdBy);
    }

    /** The family's order for the term (created on its first line), in one statement. */
    private UUID orderFor(String payer, School school, SchoolTerm term, String collecting) {
        return (UUID) em.createNativeQuery("""
                        WITH created AS (
                            INSERT INTO payment_order (tenant_id, id, payer, school_id, term_id, collecting_account)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (tenant_id, payer, term_id, collecting_account) DO NOTHING
                            RETURNING id)
                        SELECT id FROM created UNION ALL
                        SELECT id FROM payment_order WHERE tenant_id = ?1 AND payer = ?3 AND term_id = ?5 AND collecting_account = ?6
                        LIMIT 1""")
                .setParameter(1, school.tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, payer)
                .setParameter(4, school.id).setParameter(5, term.id).setParameter(6, collecting).getSingleResult();
    }

    static Set<PriorityGroup> groups(Child child) {
        Set<PriorityGroup> out = EnumSet.noneOf(PriorityGroup.class);
        if (child != null && child.priorityGroups != null) {
            Arrays.stream(child.priorityGroups).map(String::strip).filter(g -> !g.isEmpty())
                    .forEach(g -> out.add(PriorityGroup.valueOf(g)));
        }
        return out;
    }

    private static Map<String, Object> waiver(Waiver w, UUID schoolId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", w.kind().name());
        m.put("amountFen", w.amountFen());
        m.put("payer", w.payer().name());
        m.put("payerZh", w.payer().zh);
        m.put("citation", w.citation());
        m.put("account", PaymentAccounts.waiverBearer(w.payer(), schoolId));
        return m;
    }

    private static Map<String, Object> reason(Reason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("messageZh", r.messageZh());
        m.put("messageEn", r.messageEn());
        m.put("citation", r.citation());
        return m;
    }

    private static Map<String, Object> route(FundsRoute route, String collecting, List<Shares.Part> parts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", route.account().name());
        m.put("accountZh", route.account().zh);
        m.put("collecting", collecting);
        m.put("citation", route.citation());
        List<Map<String, Object>> shares = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("recipient", route.shares().get(i).recipient().name());
            share.put("percent", parts.get(i).percent());
            share.put("account", parts.get(i).account());
            shares.add(share);
        }
        m.put("shares", shares);
        return m;
    }

    /** The route's shares as stored on a line, to split later amounts the same way. */
    @SuppressWarnings("unchecked")
    static List<Shares.Part> parts(OrderLine line) {
        return ((List<Map<String, Object>>) line.route.get("shares")).stream()
                .map(m -> new Shares.Part((String) m.get("account"), ((Number) m.get("percent")).intValue()))
                .toList();
    }
}
