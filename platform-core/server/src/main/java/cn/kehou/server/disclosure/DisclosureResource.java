package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The school's and bureau's side of disclosure: publishing the service guide, a term's ledger
 * summary or a service's agreement (公示, versioned); taking a fee publication down; the ledger
 * summary for the parents' committee; satisfaction surveys; complaints (监督举报) and their handling.
 */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    Disclosures disclosures;
    @Inject
    TermLedgers ledgers;
    @Inject
    Surveys surveys;
    @Inject
    Complaints complaints;
    @Inject
    ParentsCommittee committee;

    /**
     * What to publish: {@code SERVICE_GUIDE} (safetyMeasures, complaintPhone — default the fee
     * publications' — and a note), {@code LEDGER_SUMMARY} (term) or {@code AGREEMENT} (service,
     * title, text; every guardian of the pupils it is for is told).
     */
    public record NewDisclosure(@NotNull Publications.Kind kind, @Size(max = 2000) String safetyMeasures,
                                @Pattern(regexp = "[0-9+\\- ]{3,20}") String complaintPhone, @Size(max = 1000) String note,
                                UUID term, UUID service, @Size(max = 200) String title, @Size(max = 20000) String text) {
    }

    public record Published(UUID id, Publications.Kind kind, String subject, int version, Object content,
                            OffsetDateTime publishedAt, String publishedBy, Integer noticed) {
        static Published of(Publications.Version<?> v, Integer noticed) {
            return new Published(v.id(), v.kind(), v.subject(), v.version(), v.content(), v.publishedAt(), v.publishedBy(), noticed);
        }
    }

    @POST
    @Path("/schools/{school}/disclosures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response publish(@PathParam("school") String schoolCode, @Valid @NotNull NewDisclosure body) {
        School school = school(schoolCode);
        caller.requireAtSchool("disclosure.publish", school.id);
        Published out = switch (body.kind()) {
            case SERVICE_GUIDE -> Published.of(disclosures.publishGuide(school,
                    disclosures.compileGuide(school, body.safetyMeasures(), body.complaintPhone(), body.note()), caller.username()), null);
            case LEDGER_SUMMARY -> {
                if (body.term() == null) {
                    throw new ProblemException(400, "DISCLOSURE_FIELD_MISSING", "term");
                }
                SchoolTerm term = SchoolTerm.<SchoolTerm>find("id = ?1 and schoolId = ?2", body.term(), school.id).firstResultOptional()
                        .orElseThrow(() -> ProblemException.notFound("term", body.term().toString()));
                yield Published.of(disclosures.publishLedger(school, term, caller.username()), null);
            }
            case AGREEMENT -> {
                if (body.service() == null || Disclosures.blank(body.title()) || Disclosures.blank(body.text())) {
                    throw new ProblemException(400, "DISCLOSURE_FIELD_MISSING", "service, title, text");
                }
                var done = disclosures.publishAgreement(school, service(school, body.service()), body.title(), body.text(),
                        caller.username());
                yield Published.of(done.getKey(), done.getValue());
            }
            case BLACKLIST -> throw new ProblemException(400, "DISCLOSURE_KIND_NOT_HERE", body.kind());
        };
        return Response.status(201).entity(out).build();
    }

    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    /** Takes a fee publication down (撤销公示): off the public page, no new charges; existing charges stay. */
    @POST
    @Path("/schools/{school}/fee-publications/{publication}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> withdrawFee(@PathParam("school") String schoolCode, @PathParam("publication") UUID publication,
                                           @Valid @NotNull Withdrawal body) {
        School school = school(schoolCode);
        caller.requireAtSchool("fees.publish", school.id);
        var w = disclosures.withdrawFee(school, publication, body.reason(), caller.username());
        return Map.of("publication", w.publicationId, "reason", w.reason, "withdrawnAt", w.withdrawnAt, "withdrawnBy", w.withdrawnBy);
    }

    /** The school's ledger summary per term, for its staff, the bureau and its parents' committee (002). */
    @GET
    @Path("/schools/{school}/ledger-summary")
    @Transactional
    public List<Disclosed.LedgerSummary> ledgerSummary(@PathParam("school") String schoolCode) {
        School school = school(schoolCode);
        committee.requireAtSchool(caller, "ledger.summary", school);
        return SchoolTerm.<SchoolTerm>list("schoolId = ?1 order by startsOn desc", school.id).stream()
                .map(t -> ledgers.summary(school, t)).toList();
    }

    public record NewSurvey(@NotNull UUID service, @NotBlank @Size(max = 200) String title,
                            @NotEmpty @Size(max = Surveys.MAX_QUESTIONS) List<@NotBlank @Size(max = 200) String> questions) {
    }

    @POST
    @Path("/schools/{school}/surveys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response sendSurvey(@PathParam("school") String schoolCode, @Valid @NotNull NewSurvey body) {
        School school = school(schoolCode);
        caller.requireAtSchool("survey.send", school.id);
        return Response.status(201).entity(surveys.send(school, service(school, body.service()), body.title(), body.questions(),
                caller.username())).build();
    }

    /** Each survey of the school with its aggregated results: never who answered what. */
    @GET
    @Path("/schools/{school}/surveys")
    @Transactional
    public List<Surveys.Results> surveyResults(@PathParam("school") String schoolCode) {
        School school = school(schoolCode);
        committee.requireAtSchool(caller, "survey.results", school);
        return surveys.ofSchool(school).stream().map(s -> surveys.results(s.id())).toList();
    }

    /** The surveys the signed-in guardian may still answer. */
    @GET
    @Path("/me/surveys")
    @Transactional
    public List<Surveys.SurveyView> mySurveys() {
        caller.require("me.surveys");
        return surveys.openFor(caller.username());
    }

    public record Answer(@NotEmpty List<@NotNull @Min(1) @Max(5) Integer> scores, @Size(max = 1000) String comment) {
    }

    @POST
    @Path("/me/surveys/{survey}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response answer(@PathParam("survey") UUID survey, @Valid @NotNull Answer body) {
        caller.require("me.surveys");
        surveys.answer(survey, caller.username(), body.scores(), body.comment());
        return Response.status(201).entity(Map.of("survey", survey, "answered", true)).build();
    }

    public record NewComplaint(@NotNull Complaint.About about, @Size(max = 63) String school, @Size(max = 200) String subject,
                               @NotBlank @Size(max = 2000) String body) {
    }

    /** A signed-in parent files a complaint (监督举报) about a school, service, fee or provider of this tenant. */
    @POST
    @Path("/complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response complain(@Valid @NotNull NewComplaint body) {
        caller.require("complaint.file");
        School school = body.school() == null || body.school().isBlank() ? null : school(body.school().strip());
        Complaint c = complaints.file(tenant.requireTenantId(), new Complaints.Filing(body.about(), school, body.subject(),
                body.body(), caller.username(), null, null));
        return Response.status(201).entity(complaints.view(c, false)).build();
    }

    /** The signed-in user's own complaints with their status trail. */
    @GET
    @Path("/me/complaints")
    @Transactional
    public List<Complaints.ComplaintView> myComplaints() {
        caller.require("complaint.file");
        return Complaint.<Complaint>list("filedBy = ?1 order by filedAt desc", caller.username()).stream()
                .map(c -> complaints.view(c, false)).toList();
    }

    public record ComplaintList(Map<String, Map<Complaint.Status, Long>> countsBySchool, List<Complaints.ComplaintView> complaints) {
    }

    /** The tenant's complaints for the bureau handling them, newest first, with counts per school and status. */
    @GET
    @Path("/complaints")
    @Transactional
    public ComplaintList complaints() {
        caller.require("complaint.handle");
        return new ComplaintList(complaints.countsBySchool(), Complaint.<Complaint>list("order by filedAt desc").stream()
                .map(c -> complaints.view(c, true)).toList());
    }

    public record Step(@NotNull Complaint.Status status, @Size(max = 2000) String note) {
    }

    /** Moves a complaint on (RECEIVED → IN_PROGRESS → RESOLVED/REJECTED) with a note; audited. */
    @POST
    @Path("/complaints/{complaint}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Complaints.ComplaintView step(@PathParam("complaint") UUID id, @Valid @NotNull Step body) {
        caller.require("complaint.handle");
        return complaints.view(complaints.move(id, body.status(), body.note(), caller.username()), true);
    }

    /** A school of the path's own tenant. */
    private School school(String code) {
        return School.<School>find("code = ?1 and tenantId = ?2", code, tenant.requireTenantId()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("school", code));
    }

    private static OfferedService service(School school, UUID id) {
        return Optional.ofNullable(OfferedService.<OfferedService>findById(id)).filter(s -> s.schoolId.equals(school.id))
                .orElseThrow(() -> ProblemException.notFound("service", String.valueOf(id)));
    }
}
