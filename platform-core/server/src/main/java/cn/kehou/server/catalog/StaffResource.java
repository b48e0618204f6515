package cn.kehou.server.catalog;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The people who take part in a school's service — school staff, retired teachers, volunteers,
 * provider staff — registered with the bureau and vetted for ethics (师德), records (不良记录),
 * health and qualification before they can be assigned. Withdrawal or refusal takes them off every
 * service at once; expiry does so overnight ({@link StaffVetting}).
 */
@Path("/api/t/{tenant}/schools/{school}/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    Caller caller;
    @Inject
    CatalogSchools schools;
    @Inject
    StaffVetting vetting;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** {@code status}: REGISTERED, APPROVED, REFUSED, WITHDRAWN, or EXPIRED (approved, past its end). */
    public record StaffView(UUID id, String nameZh, StaffMember.Kind kind, String provider, String qualification,
                            String status, Boolean ethicsOk, Boolean recordCheckOk, Boolean healthOk,
                            Boolean qualificationOk, LocalDate vettedOn, LocalDate validTo, String statusReason,
                            List<UUID> services) {
        static StaffView of(StaffMember m, LocalDate today) {
            String provider = m.providerId == null ? null
                    : Provider.<Provider>findByIdOptional(m.providerId).map(p -> p.code).orElse(null);
            List<UUID> services = ServiceStaff.<ServiceStaff>list("staffId", m.id).stream().map(s -> s.serviceId).sorted().toList();
            return new StaffView(m.id, m.nameZh, m.kind, provider, m.qualification, m.standing(today), m.ethicsOk,
                    m.recordCheckOk, m.healthOk, m.qualificationOk, m.vettedOn, m.validTo, m.statusReason, services);
        }
    }

    public record NewStaff(@NotBlank @Size(max = 50) String nameZh, @NotNull StaffMember.Kind kind,
                           @Size(max = 63) String provider, @Size(max = 200) String qualification) {
    }

    /** The bureau's findings on each check, and until when the approval holds. */
    public record Vetting(@NotNull Boolean ethicsOk, @NotNull Boolean recordCheckOk, @NotNull Boolean healthOk,
                          @NotNull Boolean qualificationOk, @NotNull LocalDate validTo, @Size(max = 500) String note) {
    }

    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @Transactional
    public List<StaffView> list(@PathParam("school") String schoolCode) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("staff.read", school.id);
        LocalDate today = LocalDate.now(clock);
        return StaffMember.<StaffMember>list("schoolId = ?1 order by nameZh, id", school.id).stream()
                .map(m -> StaffView.of(m, today)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(@PathParam("school") String schoolCode, @Valid @NotNull NewStaff body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("staff.register", school.id);
        if ((body.kind() == StaffMember.Kind.PROVIDER_STAFF) != (body.provider() != null)) {
            throw new ProblemException(400, "PROVIDER_STAFF_NEEDS_PROVIDER");
        }
        school = schools.own(schoolCode);
        StaffMember m = new StaffMember();
        m.id = UUID.randomUUID();
        m.tenantId = school.tenantId;
        m.schoolId = school.id;
        m.nameZh = body.nameZh();
        m.kind = body.kind();
        m.providerId = body.provider() == null ? null : ProviderResource.provider(body.provider()).id;
        m.qualification = body.qualification();
        m.status = StaffMember.Status.REGISTERED;
        m.registeredBy = caller.username();
        m.persist();
        LocalDate today = LocalDate.now(clock);
        audit.record(m.tenantId, caller.username(), "staff.register", "school:" + school.code, StaffView.of(m, today));
        return Response.status(201).entity(StaffView.of(m, today)).build();
    }

    @POST
    @Path("/{staff}/vetting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public StaffView vet(@PathParam("school") String schoolCode, @PathParam("staff") UUID staffId,
                         @Valid @NotNull Vetting body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("staff.vet", school.id);
        LocalDate today = LocalDate.now(clock);
        if (body.validTo().isBefore(today)) {
            throw new ProblemException(400, "VETTING_ENDS_IN_PAST", body.validTo());
        }
        StaffMember m = member(schools.own(schoolCode), staffId);
        m.ethicsOk = body.ethicsOk();
        m.recordCheckOk = body.recordCheckOk();
        m.healthOk = body.healthOk();
        m.qualificationOk = body.qualificationOk();
        m.vettedOn = today;
        m.vettedBy = caller.username();
        List<String> failed = new ArrayList<>();
        if (!body.ethicsOk()) {
            failed.add("师德 ethics");
        }
        if (!body.recordCheckOk()) {
            failed.add("不良记录 record check");
        }
        if (!body.healthOk()) {
            failed.add("身体条件 health");
        }
        if (!body.qualificationOk()) {
            failed.add("资质 qualification");
        }
        if (failed.isEmpty()) {
            m.status = StaffMember.Status.APPROVED;
            m.validTo = body.validTo();
            m.statusReason = body.note();
        } else {
            m.status = StaffMember.Status.REFUSED;
            m.validTo = null;
            m.statusReason = String.join("; ", failed) + (body.note() == null ? "" : " — " + body.note());
            vetting.unassign(m, caller.username(), "vetting refused: " + m.statusReason);
        }
        audit.record(m.tenantId, caller.username(), "staff.vet", "staff:" + m.id, StaffView.of(m, today));
        return StaffView.of(m, today);
    }

    @POST
    @Path("/{staff}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public StaffView withdraw(@PathParam("school") String schoolCode, @PathParam("staff") UUID staffId,
                              @Valid @NotNull Withdrawal body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("staff.vet", school.id);
        StaffMember m = member(schools.own(schoolCode), staffId);
        m.status = StaffMember.Status.WITHDRAWN;
        m.statusReason = body.reason();
        vetting.unassign(m, caller.username(), "vetting withdrawn: " + body.reason());
        LocalDate today = LocalDate.now(clock);
        audit.record(m.tenantId, caller.username(), "staff.withdraw", "staff:" + m.id, StaffView.of(m, today));
        return StaffView.of(m, today);
    }

    static StaffMember member(School school, UUID id) {
        return StaffMember.<StaffMember>find("id = ?1 and schoolId = ?2", id, school.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("staff", id.toString()));
    }
}
