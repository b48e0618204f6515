package cn.kehou.server.disclosure;

import cn.kehou.server.reports.PublicFeedback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bureau dashboard's complaints and satisfaction per school (issue 13 §6), from the complaints
 * (监督举报) and surveys (满意度调查) this feature keeps. Only counts and means leave here: a survey
 * answer carries no person, so the dashboard cannot learn who answered either. Days are China days.
 */
@ApplicationScoped
public class DisclosureFeedback implements PublicFeedback {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, Figures> forSchools(Collection<UUID> schoolIds, LocalDate from, LocalDate to) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> complaints = new HashMap<>();
        List<Object[]> filed = em.createNativeQuery("""
                        SELECT c.school_id, count(*) FROM complaint c
                        WHERE c.school_id IN (:schools)
                          AND (c.filed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN :from AND :to
                        GROUP BY c.school_id""")
                .setParameter("schools", schoolIds).setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] r : filed) {
            complaints.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        // Each answer counts once; its scores (1–5 each) average into 0–100: 1 is 0, 5 is 100.
        Map<UUID, Object[]> surveys = new HashMap<>();
        List<Object[]> answered = em.createNativeQuery("""
                        SELECT s.school_id, count(DISTINCT a.id), avg(score)
                        FROM survey s JOIN survey_answer a ON a.tenant_id = s.tenant_id AND a.survey_id = s.id
                        CROSS JOIN LATERAL unnest(a.scores) AS score
                        WHERE s.school_id IN (:schools)
                          AND (s.sent_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN :from AND :to
                        GROUP BY s.school_id""")
                .setParameter("schools", schoolIds).setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] r : answered) {
            surveys.put((UUID) r[0], r);
        }
        Map<UUID, Figures> out = new HashMap<>();
        for (UUID school : schoolIds) {
            long c = complaints.getOrDefault(school, 0L);
            Object[] s = surveys.get(school);
            if (c == 0 && s == null) {
                continue;
            }
            long answers = s == null ? 0 : ((Number) s[1]).longValue();
            Double percent = s == null ? null : Math.round((((Number) s[2]).doubleValue() - 1) / 4 * 1000) / 10.0;
            out.put(school, new Figures(c, answers, percent));
        }
        return out;
    }
}
