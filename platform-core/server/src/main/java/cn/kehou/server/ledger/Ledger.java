package cn.kehou.server.ledger;

import cn.kehou.server.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Posts balanced journal entries for the current tenant (row-level security keeps every entry in
 * it). Idempotent: an entry whose key was posted before is not posted again — the same content
 * returns the first entry, other content under a used key is refused. No posting may take an
 * account below zero on its normal side.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    EntityManager em;

    public record Posted(UUID entryId, boolean replayed) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Posted post(UUID tenantId, JournalEntry entry, String postedBy) {
        return post(tenantId, entry, postedBy, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Posted post(UUID tenantId, JournalEntry entry, String postedBy, UUID reverses) {
        String hash = contentHash(entry);
        List<Object[]> existing = em.createNativeQuery(
                        "SELECT id, content_sha256 FROM journal_entry WHERE tenant_id = ?1 AND idempotency_key = ?2")
                .setParameter(1, tenantId).setParameter(2, entry.idempotencyKey()).getResultList();
        if (!existing.isEmpty()) {
            if (!hash.equals(existing.get(0)[1])) {
                throw new ProblemException(409, "LEDGER_KEY_REUSED", entry.idempotencyKey());
            }
            return new Posted((UUID) existing.get(0)[0], true);
        }
        TreeSet<String> accounts = new TreeSet<>();
        entry.lines().forEach(l -> accounts.add(l.account()));
        // One statement for the accounts and one for the lines: a term's billing posts an entry per child.
        StringBuilder sql = new StringBuilder("INSERT INTO ledger_account (tenant_id, code) VALUES ");
        int p = 1;
        for (int i = 0; i < accounts.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(++p).append(')');
        }
        var insertAccounts = em.createNativeQuery(sql.append(" ON CONFLICT DO NOTHING").toString()).setParameter(1, tenantId);
        p = 1;
        for (String account : accounts) {
            insertAccounts.setParameter(++p, account);
        }
        insertAccounts.executeUpdate();
        // Lock the accounts in a fixed order so concurrent postings neither deadlock nor overdraw. An
        // advisory lock, not FOR UPDATE: the server's role holds no UPDATE right on ledger rows.
        // One statement: PostgreSQL evaluates the select list left to right, in the set's order.
        StringBuilder locks = new StringBuilder("SELECT ");
        for (int i = 1; i <= accounts.size(); i++) {
            locks.append(i == 1 ? "" : ", ").append("pg_advisory_xact_lock(hashtextextended(?").append(i).append(", 0))");
        }
        var lock = em.createNativeQuery(locks.toString());
        int k = 0;
        for (String account : accounts) {
            lock.setParameter(++k, "kehou-ledger:" + tenantId + ":" + account);
        }
        lock.getResultList();
        Books.overdrawn(balancesOf(tenantId, against(entry)), entry).ifPresent(account -> {
            throw new ProblemException(409, "LEDGER_ACCOUNT_OVERDRAWN", account);
        });
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO journal_entry (tenant_id, id, idempotency_key, cause_type, cause_id, memo, content_sha256,
                                                   reverses_id, posted_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, entry.idempotencyKey())
                .setParameter(4, entry.causeType()).setParameter(5, entry.causeId()).setParameter(6, entry.memo())
                .setParameter(7, hash).setParameter(8, reverses).setParameter(9, postedBy).executeUpdate();
        StringBuilder lineSql = new StringBuilder(
                "INSERT INTO journal_line (tenant_id, entry_id, line_no, account_code, debit_fen, credit_fen) VALUES ");
        for (int i = 0; i < entry.lines().size(); i++) {
            int b = 3 + 4 * i;
            lineSql.append(i == 0 ? "" : ", ").append("(?1, ?2, ?").append(b).append(", ?").append(b + 1).append(", ?")
                    .append(b + 2).append(", ?").append(b + 3).append(')');
        }
        var insertLines = em.createNativeQuery(lineSql.toString()).setParameter(1, tenantId).setParameter(2, id);
        int n = 0;
        for (JournalEntry.Line l : entry.lines()) {
            int b = 3 + 4 * n;
            insertLines.setParameter(b, ++n).setParameter(b + 1, l.account()).setParameter(b + 2, l.debitFen())
                    .setParameter(b + 3, l.creditFen());
        }
        insertLines.executeUpdate();
        return new Posted(id, false);
    }

    /** Posts the reversal of entry {@code key}: a correction never edits the original. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Posted reverse(UUID tenantId, String key, String reversalKey, String memo, String postedBy) {
        List<Object[]> original = em.createNativeQuery(
                        "SELECT id, cause_type, cause_id FROM journal_entry WHERE tenant_id = ?1 AND idempotency_key = ?2")
                .setParameter(1, tenantId).setParameter(2, key).getResultList();
        if (original.isEmpty()) {
            throw ProblemException.notFound("journal entry", key);
        }
        UUID originalId = (UUID) original.get(0)[0];
        List<Object[]> lines = em.createNativeQuery(
                        "SELECT account_code, debit_fen, credit_fen FROM journal_line WHERE tenant_id = ?1 AND entry_id = ?2 ORDER BY line_no")
                .setParameter(1, tenantId).setParameter(2, originalId).getResultList();
        JournalEntry reversal = new JournalEntry(reversalKey, "reversal", key, memo, lines.stream()
                .map(r -> new JournalEntry.Line((String) r[0], ((Number) r[2]).longValue(), ((Number) r[1]).longValue()))
                .toList());
        return post(tenantId, reversal, postedBy, originalId);
    }

    /** Each account's balance, debit minus credit. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> balances(UUID tenantId) {
        Map<String, Long> out = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT a.code, COALESCE(sum(l.debit_fen - l.credit_fen), 0) FROM ledger_account a
                        LEFT JOIN journal_line l ON l.tenant_id = a.tenant_id AND l.account_code = a.code
                        WHERE a.tenant_id = ?1 GROUP BY a.code ORDER BY a.code""")
                .setParameter(1, tenantId).getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    /** Sum of all debits minus all credits: zero in a sound ledger. */
    public long trialBalance(UUID tenantId) {
        return ((Number) em.createNativeQuery(
                        "SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getSingleResult()).longValue();
    }

    /**
     * The accounts {@code entry} moves against their normal side: only these can be overdrawn by it
     * (every posting keeps every account at or above zero on its normal side), so only their
     * balances are read — a busy account (a school's payable, the collecting account) is not summed
     * again for each charge that adds to it.
     */
    static TreeSet<String> against(JournalEntry entry) {
        Map<String, Long> moved = new TreeMap<>();
        entry.lines().forEach(l -> moved.merge(l.account(), l.signed(), Math::addExact));
        TreeSet<String> out = new TreeSet<>();
        moved.forEach((account, signed) -> {
            if (Account.kindOf(account).normalBalance(signed) < 0) {
                out.add(account);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> balancesOf(UUID tenantId, TreeSet<String> accounts) {
        Map<String, Long> out = new TreeMap<>();
        accounts.forEach(a -> out.put(a, 0L));
        if (accounts.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT account_code, sum(debit_fen - credit_fen) FROM journal_line"
                        + " WHERE tenant_id = ?1 AND account_code IN (?2) GROUP BY account_code")
                .setParameter(1, tenantId).setParameter(2, accounts).getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    static String contentHash(JournalEntry e) {
        StringBuilder b = new StringBuilder(e.causeType()).append('|').append(e.causeId());
        e.lines().forEach(l -> b.append('|').append(l.account()).append(':').append(l.debitFen()).append(':').append(l.creditFen()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
