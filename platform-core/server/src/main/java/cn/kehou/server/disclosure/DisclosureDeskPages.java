package cn.kehou.server.disclosure;

import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in side of disclosure, without script: the bureau's complaint desk (监督举报办理),
 * a parent's open satisfaction surveys, and a school's survey results and ledger summaries (for its
 * staff, the bureau and its parents' committee). Every action goes through {@link DisclosureResource}.
 */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class DisclosureDeskPages {

    @Inject
    PortalSession session;
    @Inject
    DisclosureResource api;

    /** A refusal shown on the page, in its language. */
    public record Refusal(String title, String detail) {
        static Refusal of(ProblemException p, boolean english) {
            String detail = p.detail(english) != null ? p.detail(english) : ProblemMessages.detail(p.code(), english, p.args());
            return new Refusal(ProblemMessages.title(p.code(), english), detail);
        }
    }

    public record CountRow(String school, long received, long inProgress, long resolved, long rejected) {
    }

    public record Desk(DisclosureResource.ComplaintList list, Refusal refusal, String done) {
        public List<CountRow> counts() {
            return list.countsBySchool().entrySet().stream().map(e -> new CountRow(e.getKey(),
                    e.getValue().getOrDefault(Complaint.Status.RECEIVED, 0L), e.getValue().getOrDefault(Complaint.Status.IN_PROGRESS, 0L),
                    e.getValue().getOrDefault(Complaint.Status.RESOLVED, 0L), e.getValue().getOrDefault(Complaint.Status.REJECTED, 0L)))
                    .toList();
        }

        public List<Complaint.Status> nextStatuses() {
            return List.of(Complaint.Status.IN_PROGRESS, Complaint.Status.RESOLVED, Complaint.Status.REJECTED);
        }
    }

    public record SurveyCard(Surveys.SurveyView survey, List<Integer> scale) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(Shell shell, Desk desk);

        static native TemplateInstance surveys(Shell shell, List<SurveyCard> surveys, Refusal refusal, boolean done);

        static native TemplateInstance results(Shell shell, String school, List<Surveys.Results> results,
                                               List<Disclosed.LedgerSummary> ledgers);
    }

    @GET
    @Path("/complaints")
    public TemplateInstance desk(@PathParam("tenant") String tenant, @QueryParam("done") String done) {
        Shell shell = session.enter(tenant);
        return Templates.desk(shell, new Desk(api.complaints(), null, done)).setLocale(shell.lang().locale());
    }

    @POST
    @Path("/complaints/{complaint}/steps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("tenant") String tenant, @PathParam("complaint") UUID id, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        try {
            Complaint.Status to;
            try {
                to = Complaint.Status.valueOf(one(form, "status"));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "INVALID_FIELD");
            }
            api.step(id, new DisclosureResource.Step(to, one(form, "note")));
        } catch (ProblemException p) {
            return Response.status(p.status()).entity(Templates.desk(shell, new Desk(api.complaints(), Refusal.of(p, shell.lang().english()),
                    null)).setLocale(shell.lang().locale())).build();
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + tenant + "/complaints?done=" + id)).build();
    }

    @GET
    @Path("/surveys")
    public TemplateInstance surveys(@PathParam("tenant") String tenant, @QueryParam("done") String done) {
        Shell shell = session.enter(tenant);
        return Templates.surveys(shell, cards(), null, done != null).setLocale(shell.lang().locale());
    }

    @POST
    @Path("/surveys/{survey}/answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("tenant") String tenant, @PathParam("survey") UUID survey, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        try {
            List<Integer> scores = new ArrayList<>();
            for (int i = 0; form.containsKey("q" + i); i++) {
                try {
                    scores.add(Integer.valueOf(one(form, "q" + i)));
                } catch (NumberFormatException e) {
                    throw new ProblemException(400, "SURVEY_SCORES_INVALID", form.size());
                }
            }
            if (scores.isEmpty() || scores.stream().anyMatch(s -> s < 1 || s > 5)) {
                throw new ProblemException(400, "SURVEY_SCORES_INVALID", Math.max(1, scores.size()));
            }
            String comment = one(form, "comment");
            api.answer(survey, new DisclosureResource.Answer(scores, comment.isEmpty() ? null : comment));
        } catch (ProblemException p) {
            return Response.status(p.status()).entity(Templates.surveys(shell, cards(), Refusal.of(p, shell.lang().english()), false)
                    .setLocale(shell.lang().locale())).build();
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + tenant + "/surveys?done=1")).build();
    }

    /** A school's survey results and ledger summaries: for its staff, the bureau and its parents' committee. */
    @GET
    @Path("/schools/{school}/survey-results")
    public TemplateInstance results(@PathParam("tenant") String tenant, @PathParam("school") String school) {
        Shell shell = session.enter(tenant);
        return Templates.results(shell, school, api.surveyResults(school), api.ledgerSummary(school)).setLocale(shell.lang().locale());
    }

    private List<SurveyCard> cards() {
        return api.mySurveys().stream().map(s -> new SurveyCard(s, Arrays.asList(1, 2, 3, 4, 5))).toList();
    }

    private static String one(MultivaluedMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v.strip();
    }
}
