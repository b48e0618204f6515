package cn.kehou.server.enrollment;

import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.Role;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A school's enrollment pages: the review queue (班级初审 for class teachers, 学校核准 for the school
 * admin, in the steps the region's plugin gives) and each lottery service's runs, every placement
 * with its position, group and seed. Actions are the API's own ({@link EnrollmentResource}).
 */
@Path("/t/{tenant}/schools/{school}")
@Produces(MediaType.TEXT_HTML)
public class SchoolEnrollmentPages {

    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    PortalSession session;
    @Inject
    EnrollmentResource api;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    java.time.Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Shell shell, QueuePage page);

        static native TemplateInstance lottery(Shell shell, LotteryPage page);
    }

    /** An application in the queue, with the pupil's class and whether this user decides its step. */
    public record Row(EnrollmentResource.ApplicationView app, String className, int grade, boolean canDecide) {
        public boolean awaitingReview() {
            return Enrollment.REVIEWS.contains(EnrollmentStep.valueOf(app.step()))
                    && Application.Status.valueOf(app.status()).live();
        }
    }

    /** Applications waiting at a review step, one group per class (a class teacher looks at their own). */
    public record ClassGroup(String className, int grade, List<Row> rows) {
    }

    public record LotteryService(UUID id, String title, LocalDate signupTo, int capacity) {
    }

    public record QueuePage(String school, String schoolName, List<ClassGroup> waiting, List<Row> others,
                            List<LotteryService> lotteries, String done, EnrollmentPages.PageProblem problem) {
    }

    public record Entry(int position, String group, String childName, String className, boolean placed, int familySize,
                        String status) {
        public boolean priority() {
            return "priority".equals(group);
        }
    }

    public record Run(String id, long seed, String runBy, java.time.OffsetDateTime runAt, int placed, int waitlisted, List<Entry> entries) {
    }

    public record LotteryPage(String school, String schoolName, LotteryService service, long pending, int seatsFree,
                              boolean signupOpen, boolean canDraw, long suggestedSeed, List<Run> runs,
                              EnrollmentPages.PageProblem problem) {
    }

    // ------------------------------------------------------------------ review queue

    /** The school's applications (as GET /schools/{school}/applications), those waiting for a review first. */
    @GET
    @Path("/applications")
    public TemplateInstance queue(@PathParam("tenant") String code, @PathParam("school") String school,
                                  @QueryParam("done") String done) {
        Shell shell = session.enter(code);
        return Templates.queue(shell, queuePage(shell, school, done, null)).setLocale(shell.lang().locale());
    }

    /** Approves or refuses at the application's current step (as POST …/applications/{id}/review). */
    @POST
    @Path("/applications/{id}/review")
    public Response review(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("id") UUID id,
                           @RestForm String decision, @RestForm String note) {
        Shell shell = session.enter(code);
        String text = note == null || note.isBlank() ? null : note.strip();
        try {
            if (text != null && text.length() > 500) {
                throw new ProblemException(422, "VALIDATION_FAILED");
            }
            boolean approve = "approve".equals(decision);
            api.review(code, school, id, new EnrollmentResource.Review(approve, text));
            return Response.seeOther(URI.create(PortalPath.PREFIX + code + "/schools/" + school + "/applications?done="
                    + (approve ? "approved" : "refused"))).build();
        } catch (ProblemException p) {
            if (p.status() == 401 || p.status() == 404) {
                throw p;
            }
            QueuePage page = queuePage(shell, school, null, EnrollmentPages.PageProblem.of(p, shell.lang().english()));
            return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.queue(shell, page).setLocale(shell.lang().locale())).build();
        }
    }

    private QueuePage queuePage(Shell shell, String schoolCode, String done, EnrollmentPages.PageProblem problem) {
        List<EnrollmentResource.ApplicationView> all = api.queueBrief(schoolCode);
        return QuarkusTransaction.joiningExisting().call(() -> {
            School school = School.require(schoolCode);
            boolean reviewer = can("enrollment.review", school.id);
            boolean schoolLevel = caller.holds(Role.SCHOOL_ADMIN) || caller.holds(Role.BUREAU_ADMIN)
                    || caller.holds(Role.PLATFORM_ADMIN);
            Map<UUID, Child> children = new java.util.HashMap<>();
            if (!all.isEmpty()) {
                Child.<Child>list("id in ?1", all.stream().map(EnrollmentResource.ApplicationView::child).distinct().toList())
                        .forEach(c -> children.put(c.id, c));
            }
            List<Row> rows = all.stream().map(a -> {
                Child c = children.get(a.child());
                boolean decides = reviewer && (EnrollmentStep.CLASS_REVIEW.name().equals(a.step())
                        || (EnrollmentStep.SCHOOL_REVIEW.name().equals(a.step()) && schoolLevel));
                return new Row(a, c == null ? "" : c.className, c == null ? 0 : c.grade, decides);
            }).toList();
            Map<String, ClassGroup> groups = new LinkedHashMap<>();
            rows.stream().filter(Row::awaitingReview)
                    .sorted(Comparator.comparingInt(Row::grade).thenComparing(Row::className))
                    .forEach(r -> groups.computeIfAbsent(r.className(), k -> new ClassGroup(k, r.grade(), new ArrayList<>()))
                            .rows().add(r));
            List<Row> others = new ArrayList<>(rows.stream().filter(r -> !r.awaitingReview()).toList());
            java.util.Collections.reverse(others);
            return new QueuePage(school.code, name(shell, school), List.copyOf(groups.values()), others,
                    lotteries(school), done, problem);
        });
    }

    @SuppressWarnings("unchecked")
    private List<LotteryService> lotteries(School school) {
        List<UUID> ids = QuarkusTransaction.joiningExisting().call(() -> (List<UUID>) OfferedService.getEntityManager()
                .createNativeQuery("SELECT id FROM school_service WHERE school_id = ?1 AND allocation = 'LOTTERY'"
                        + " ORDER BY valid_from, title_zh").setParameter(1, school.id).getResultList());
        return ids.stream().map(id -> OfferedService.<OfferedService>findById(id))
                .map(s -> new LotteryService(s.id, s.titleZh, s.signupTo, s.capacity)).toList();
    }

    // ------------------------------------------------------------------ lottery

    /** Every run of the service's lottery with each family's position, group and outcome (GET …/lottery). */
    @GET
    @Path("/services/{service}/lottery")
    public TemplateInstance lottery(@PathParam("tenant") String code, @PathParam("school") String school,
                                    @PathParam("service") UUID service) {
        Shell shell = session.enter(code);
        return Templates.lottery(shell, lotteryPage(shell, school, service, null)).setLocale(shell.lang().locale());
    }

    /** Draws with the seed given (as POST …/lottery); the same seed on the same applications gives the same order. */
    @POST
    @Path("/services/{service}/lottery")
    public Response draw(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("service") UUID service,
                         @RestForm String seed) {
        Shell shell = session.enter(code);
        try {
            long value;
            try {
                value = Long.parseLong(seed == null ? "" : seed.strip());
            } catch (NumberFormatException e) {
                throw new ProblemException(422, "VALIDATION_FAILED");
            }
            api.draw(code, school, service, new EnrollmentResource.Draw(value));
            return Response.seeOther(URI.create(PortalPath.PREFIX + code + "/schools/" + school + "/services/" + service + "/lottery"))
                    .build();
        } catch (ProblemException p) {
            if (p.status() == 401 || p.status() == 404) {
                throw p;
            }
            LotteryPage page = lotteryPage(shell, school, service, EnrollmentPages.PageProblem.of(p, shell.lang().english()));
            return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.lottery(shell, page).setLocale(shell.lang().locale())).build();
        }
    }

    private LotteryPage lotteryPage(Shell shell, String schoolCode, UUID serviceId, EnrollmentPages.PageProblem problem) {
        List<Map<String, Object>> draws = api.draws(schoolCode, serviceId);
        return QuarkusTransaction.joiningExisting().call(() -> {
            School school = School.require(schoolCode);
            OfferedService s = OfferedService.<OfferedService>findByIdOptional(serviceId).filter(x -> x.schoolId.equals(school.id))
                    .orElseThrow(() -> ProblemException.notFound("service", serviceId.toString()));
            List<Application> apps = Application.list("serviceId", s.id);
            List<Run> runs = new ArrayList<>();
            for (Map<String, Object> d : draws) {
                String run = String.valueOf(d.get("run"));
                List<Map<String, Object>> result = parse((String) d.get("result"));
                List<Entry> entries = apps.stream().filter(a -> a.explanation != null && run.equals(String.valueOf(a.explanation.get("run"))))
                        .map(a -> {
                            Child c = Child.findById(a.childId);
                            EnrollmentPages.Lottery l = EnrollmentPages.lottery(a);
                            return new Entry(l.position(), l.group(), c == null ? "" : c.nameZh, c == null ? "" : c.className,
                                    l.placed(), l.familySize(), a.status.name());
                        }).sorted(Comparator.comparingInt(Entry::position).thenComparing(Entry::childName)).toList();
                int placed = (int) result.stream().filter(r -> Boolean.TRUE.equals(r.get("placed"))).count();
                runs.add(new Run(run, ((Number) d.get("seed")).longValue(), String.valueOf(d.get("runBy")),
                        runAt(String.valueOf(d.get("runAt"))), placed, result.size() - placed, entries));
            }
            java.util.Collections.reverse(runs);
            long pending = apps.stream().filter(a -> a.status == Application.Status.PENDING).count();
            int taken = ((Number) OfferedService.getEntityManager().createNativeQuery("SELECT seats_taken FROM school_service"
                    + " WHERE id = ?1").setParameter(1, s.id).getSingleResult()).intValue();
            LocalDate today = LocalDate.now(clock);
            return new LotteryPage(school.code, name(shell, school), new LotteryService(s.id, s.titleZh, s.signupTo, s.capacity),
                    pending, s.capacity - taken, s.signupTo != null && !today.isAfter(s.signupTo),
                    can("enrollment.lottery", school.id), SEEDS.nextLong(1, 1_000_000_000L), runs, problem);
        });
    }

    private List<Map<String, Object>> parse(String result) {
        try {
            return result == null ? List.of() : json.readValue(result, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lottery_run.result is not a list", e);
        }
    }

    private static java.time.OffsetDateTime runAt(String printed) {
        try {
            return java.time.OffsetDateTime.parse(printed);
        } catch (RuntimeException e) {
            return java.time.Instant.parse(printed).atOffset(java.time.ZoneOffset.UTC);
        }
    }

    private boolean can(String permission, UUID schoolId) {
        try {
            caller.requireAtSchool(permission, schoolId);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }

    private static String name(Shell shell, School school) {
        return shell.lang().english() && school.nameEn != null ? school.nameEn : school.nameZh;
    }
}
