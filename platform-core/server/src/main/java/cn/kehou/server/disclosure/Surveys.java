package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.notices.Notices;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Satisfaction surveys (001): a school or bureau asks the guardians of one service a few 1–5
 * questions and a comment. Each guardian answers once. Answers are anonymous to the school: who
 * answered is kept apart (survey_respondent, only to refuse a second answer) and an answer carries
 * no person and no time, so nothing joins the two; results are aggregates and comments only.
 */
@ApplicationScoped
public class Surveys {

    public static final int MAX_QUESTIONS = 10;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Notices notices;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record SurveyView(UUID id, String school, UUID service, String serviceTitle, String title, List<String> questions,
                             String sentBy, OffsetDateTime sentAt) {
    }

    /** One question's answers: how many, the mean, and how many gave each score 1–5. */
    public record QuestionResult(String question, long answers, double average, long[] distribution) {
    }

    public record Results(SurveyView survey, long respondents, List<QuestionResult> questions, List<String> comments) {
    }

    /** Sends a survey to the confirmed guardians of the service's participants; @return the survey. */
    public SurveyView send(School school, OfferedService service, String title, List<String> questions, String by) {
        List<String> qs = questions.stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
        if (qs.isEmpty() || qs.size() > MAX_QUESTIONS || qs.stream().anyMatch(q -> q.length() > 200)) {
            throw new ProblemException(400, "SURVEY_QUESTIONS_INVALID", MAX_QUESTIONS);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        INSERT INTO survey (tenant_id, id, school_id, service_id, title, questions, sent_by, sent_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7, ?8)""")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, school.id).setParameter(4, service.id)
                .setParameter(5, title.strip()).setParameter(6, write(qs)).setParameter(7, by).setParameter(8, now).executeUpdate();
        String tenantCode = Tenant.<Tenant>findByIdOptional(school.tenantId).map(t -> t.code).orElseThrow();
        int sent = notices.send(school.tenantId, participantsGuardians(service.id), new Notices.Notice("SURVEY",
                school.nameZh + "：" + title.strip(),
                "请对“" + service.titleZh + "”进行满意度评价。评价匿名，学校看不到是谁填写的。",
                PortalPath.PREFIX + tenantCode + "/home", school.id, "survey:" + id));
        audit.record(school.tenantId, by, "survey.send", "survey:" + id, Map.of("service", service.id, "noticed", sent));
        return new SurveyView(id, school.code, service.id, service.titleZh, title.strip(), qs, by, now);
    }

    public SurveyView require(UUID id) {
        return surveys("s.id = ?1", id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("survey", String.valueOf(id)));
    }

    public List<SurveyView> ofSchool(School school) {
        return surveys("s.school_id = ?1", school.id);
    }

    /** The surveys {@code username} may still answer: of services their children take part in. */
    public List<SurveyView> openFor(String username) {
        return surveys("""
                EXISTS (SELECT 1 FROM enrollment_application a JOIN guardianship g ON g.tenant_id = a.tenant_id AND g.child_id = a.child_id
                        WHERE a.service_id = s.service_id AND a.status IN ('ARRANGED', 'HELD') AND g.status = 'CONFIRMED' AND g.username = ?1)
                AND NOT EXISTS (SELECT 1 FROM survey_respondent r WHERE r.tenant_id = s.tenant_id AND r.survey_id = s.id AND r.username = ?1)""",
                username);
    }

    /** Records one guardian's answer, once; the answer itself keeps no trace of who gave it. */
    public void answer(UUID surveyId, String username, List<Integer> scores, String comment) {
        SurveyView s = require(surveyId);
        Number eligible = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM enrollment_application a JOIN guardianship g ON g.tenant_id = a.tenant_id AND g.child_id = a.child_id
                        WHERE a.service_id = ?1 AND a.status IN ('ARRANGED', 'HELD') AND g.status = 'CONFIRMED' AND g.username = ?2""")
                .setParameter(1, s.service()).setParameter(2, username).getSingleResult();
        if (eligible.longValue() == 0) {
            throw new ProblemException(403, "SURVEY_NOT_FOR_YOU");
        }
        if (scores == null || scores.size() != s.questions().size() || scores.stream().anyMatch(x -> x == null || x < 1 || x > 5)) {
            throw new ProblemException(400, "SURVEY_SCORES_INVALID", s.questions().size());
        }
        UUID tenantId = (UUID) em.createNativeQuery("SELECT tenant_id FROM survey WHERE id = ?1").setParameter(1, surveyId).getSingleResult();
        int first = em.createNativeQuery("INSERT INTO survey_respondent (tenant_id, survey_id, username) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, tenantId).setParameter(2, surveyId).setParameter(3, username).executeUpdate();
        if (first == 0) {
            throw new ProblemException(409, "SURVEY_ALREADY_ANSWERED");
        }
        em.createNativeQuery("INSERT INTO survey_answer (tenant_id, id, survey_id, scores, comment) VALUES (?1, ?2, ?3, CAST(?4 AS int[]), ?5)")
                .setParameter(1, tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, surveyId)
                .setParameter(4, "{" + String.join(",", scores.stream().map(String::valueOf).toList()) + "}")
                .setParameter(5, comment == null || comment.isBlank() ? null : comment.strip()).executeUpdate();
    }

    /** The aggregate of a survey's answers: per question the count, mean and 1–5 distribution; the comments. */
    @SuppressWarnings("unchecked")
    public Results results(UUID surveyId) {
        SurveyView s = require(surveyId);
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(scores AS text), comment FROM survey_answer WHERE survey_id = ?1 ORDER BY comment")
                .setParameter(1, surveyId).getResultList();
        int n = s.questions().size();
        long[][] dist = new long[n][5];
        List<String> comments = new ArrayList<>();
        for (Object[] r : rows) {
            String[] parts = ((String) r[0]).replace("{", "").replace("}", "").split(",");
            for (int i = 0; i < n && i < parts.length; i++) {
                dist[i][Integer.parseInt(parts[i].strip()) - 1]++;
            }
            if (r[1] != null) {
                comments.add((String) r[1]);
            }
        }
        List<QuestionResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long count = 0;
            long sum = 0;
            for (int k = 0; k < 5; k++) {
                count += dist[i][k];
                sum += dist[i][k] * (k + 1);
            }
            out.add(new QuestionResult(s.questions().get(i), count, count == 0 ? 0 : Math.round(sum * 100.0 / count) / 100.0, dist[i]));
        }
        long respondents = ((Number) em.createNativeQuery("SELECT count(*) FROM survey_respondent WHERE survey_id = ?1")
                .setParameter(1, surveyId).getSingleResult()).longValue();
        return new Results(s, respondents, out, comments);
    }

    @SuppressWarnings("unchecked")
    private List<SurveyView> surveys(String where, Object param) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT s.id, sc.code, s.service_id, sv.title_zh, s.title, CAST(s.questions AS text), s.sent_by, s.sent_at
                        FROM survey s JOIN school sc ON sc.tenant_id = s.tenant_id AND sc.id = s.school_id
                        JOIN school_service sv ON sv.tenant_id = s.tenant_id AND sv.id = s.service_id
                        WHERE\s""" + where + " ORDER BY s.sent_at DESC, s.id")
                .setParameter(1, param).getResultList();
        return rows.stream().map(r -> new SurveyView((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                read((String) r[5]), (String) r[6], Publications.time(r[7]))).toList();
    }

    private List<String> participantsGuardians(UUID serviceId) {
        @SuppressWarnings("unchecked")
        List<String> out = em.createNativeQuery("""
                        SELECT DISTINCT g.username FROM enrollment_application a
                        JOIN guardianship g ON g.tenant_id = a.tenant_id AND g.child_id = a.child_id
                        WHERE a.service_id = ?1 AND a.status IN ('ARRANGED', 'HELD') AND g.status = 'CONFIRMED'""")
                .setParameter(1, serviceId).getResultList();
        return out;
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable survey questions", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
