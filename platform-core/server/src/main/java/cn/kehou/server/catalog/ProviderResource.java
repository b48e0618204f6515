package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.PermissionTable;
import cn.kehou.server.identity.Role;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.Tenant;
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
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The provider registry (platform-wide) seen from one tenant: each provider's licence, its own
 * courses and off-campus prices, and how it stands here — approved by this bureau or one above,
 * suspended, blacklisted (000 §七(四)2: the blacklist is published yearly; filter by status), or
 * not approved. A bureau vets providers for its own area only.
 */
@Path("/api/t/{tenant}/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    @Inject
    Caller caller;
    @Inject
    PermissionTable permissions;
    @Inject
    TenantContext tenantContext;
    @Inject
    ProviderStanding standing;
    @Inject
    cn.kehou.server.disclosure.Blacklists blacklists;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record ApprovalView(String tenant, Set<ServiceKind> scope, LocalDate validFrom, LocalDate validTo,
                               ProviderApproval.Status status, String statusReason, LocalDate statusOn, String decidedBy) {
        static ApprovalView of(ProviderApproval a, Map<UUID, String> tenantCodes) {
            return new ApprovalView(tenantCodes.get(a.tenantId), a.scopeSet(), a.validFrom, a.validTo, a.status,
                    a.statusReason, a.statusOn, a.decidedBy);
        }
    }

    public record CourseView(UUID id, String titleZh, Set<ContentTag> tags, int gradeFrom, int gradeTo,
                             Set<DayOfWeek> days, long offCampusFen) {
        static CourseView of(ProviderCourse c) {
            return new CourseView(c.id, c.titleZh, c.tagSet(), c.gradeFrom, c.gradeTo, c.daySet(), c.offCampusFen);
        }
    }

    /** {@code standing}: APPROVED, NOT_APPROVED, SUSPENDED or BLACKLISTED in this tenant today. */
    public record ProviderView(String code, String nameZh, String nameEn, String licenceNo, LocalDate licenceValidTo,
                               String standing, List<ApprovalView> approvals, List<CourseView> courses) {
    }

    public record NewProvider(
            @NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String code,
            @NotBlank @Size(max = 200) String nameZh,
            @NotBlank @Size(max = 200) String nameEn,
            @NotBlank @Size(max = 100) String licenceNo,
            LocalDate licenceValidTo,
            @NotNull Boolean nonAcademic) {
    }

    public record NewCourse(@NotBlank @Size(max = 200) String titleZh, @NotEmpty Set<@NotNull ContentTag> tags,
                            @Min(1) @Max(9) int gradeFrom, @Min(1) @Max(9) int gradeTo,
                            @NotEmpty Set<@NotNull DayOfWeek> days, @Positive long offCampusFen) {
    }

    public record Approval(@NotEmpty Set<@NotNull ServiceKind> scope, @NotNull LocalDate validFrom,
                           @NotNull LocalDate validTo) {
    }

    public record StatusChange(@NotNull ProviderApproval.Status status, @Size(max = 500) String reason, LocalDate on) {
    }

    @GET
    @Transactional
    public List<ProviderView> list(@QueryParam("status") String status) {
        caller.require("provider.read");
        Tenant here = here();
        LocalDate today = LocalDate.now(clock);
        Map<UUID, String> codes = tenantCodes();
        return Provider.<Provider>list("order by code").stream()
                .map(p -> view(here, p, today, codes, false))
                .filter(v -> status == null || status.equals(v.standing()))
                .toList();
    }

    @GET
    @Path("/{provider}")
    @Transactional
    public ProviderView get(@PathParam("provider") String code) {
        caller.require("provider.read");
        return view(here(), provider(code), LocalDate.now(clock), tenantCodes(), true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(@Valid @NotNull NewProvider body) {
        caller.require("provider.register");
        if (!body.nonAcademic()) {
            // REGIONS: third parties may offer only non-academic (非学科类) courses
            throw new ProblemException(422, "PROVIDER_NOT_NON_ACADEMIC");
        }
        if (Provider.count("code", body.code()) > 0) {
            throw new ProblemException(409, "PROVIDER_CODE_TAKEN", body.code());
        }
        Provider p = new Provider();
        p.id = Provider.idFor(body.code());
        p.code = body.code();
        p.nameZh = body.nameZh();
        p.nameEn = body.nameEn();
        p.licenceNo = body.licenceNo();
        p.licenceValidTo = body.licenceValidTo();
        p.nonAcademic = true;
        p.registeredBy = caller.username();
        p.persist();
        audit.record(tenantContext.requireTenantId(), caller.username(), "provider.register", "provider:" + p.code, body);
        return Response.status(201).entity(view(here(), p, LocalDate.now(clock), tenantCodes(), true)).build();
    }

    /** A provider's own course and its off-campus price: by the provider's admin (or the platform). */
    @POST
    @Path("/{provider}/courses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response addCourse(@PathParam("provider") String code, @Valid @NotNull NewCourse body) {
        caller.require("provider.courses");
        Provider p = provider(code);
        requireForProvider("provider.courses", p);
        if (body.gradeTo() < body.gradeFrom()) {
            throw new ProblemException(400, "GRADES_REVERSED");
        }
        Set<ContentTag> bad = NationalRules.forbidden(body.tags(), true);
        if (!bad.isEmpty()) {
            throw new ProblemException(422, "PROVIDER_COURSE_NOT_ALLOWED", bad);
        }
        ProviderCourse c = new ProviderCourse();
        c.id = UUID.randomUUID();
        c.providerId = p.id;
        c.titleZh = body.titleZh();
        c.tags = Enums.names(body.tags());
        c.gradeFrom = body.gradeFrom();
        c.gradeTo = body.gradeTo();
        c.days = Enums.names(body.days());
        c.offCampusFen = body.offCampusFen();
        c.createdBy = caller.username();
        c.persist();
        audit.record(tenantContext.requireTenantId(), caller.username(), "provider.course", "provider:" + p.code, CourseView.of(c));
        return Response.status(201).entity(CourseView.of(c)).build();
    }

    /** This bureau's approval for its area: scope and validity (a status it set stays until changed). */
    @PUT
    @Path("/{provider}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ProviderView approve(@PathParam("provider") String code, @Valid @NotNull Approval body) {
        caller.require("provider.vet");
        if (body.validTo().isBefore(body.validFrom())) {
            throw new ProblemException(400, "DATES_REVERSED");
        }
        Provider p = provider(code);
        LocalDate today = LocalDate.now(clock);
        if (!p.licenceValidOn(body.validFrom())) {
            throw new ProblemException(422, "PROVIDER_LICENCE_EXPIRED", p.code, p.licenceValidTo);
        }
        UUID tenantId = tenantContext.requireTenantId();
        ProviderApproval a = standing.own(tenantId, p.id).orElse(null);
        if (a == null) {
            a = new ProviderApproval();
            a.id = UUID.randomUUID();
            a.tenantId = tenantId;
            a.providerId = p.id;
            a.status = ProviderApproval.Status.APPROVED;
            a.statusOn = today;
        }
        a.scope = Enums.names(body.scope());
        a.validFrom = body.validFrom();
        a.validTo = body.validTo();
        a.decidedBy = caller.username();
        a.persist();
        audit.record(tenantId, caller.username(), "provider.approve", "provider:" + p.code, ApprovalView.of(a, tenantCodes()));
        return view(here(), p, today, tenantCodes(), true);
    }

    /** Suspends or blacklists a provider here from a date, with the reason; or lifts that again. */
    @POST
    @Path("/{provider}/approval/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ProviderView setStatus(@PathParam("provider") String code, @Valid @NotNull StatusChange body) {
        caller.require("provider.vet");
        if (body.status() != ProviderApproval.Status.APPROVED && (body.reason() == null || body.reason().isBlank())) {
            throw new ProblemException(400, "REASON_REQUIRED");
        }
        Provider p = provider(code);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = body.on() == null ? today : body.on();
        UUID tenantId = tenantContext.requireTenantId();
        ProviderApproval a = standing.own(tenantId, p.id).orElse(null);
        if (a == null) {
            if (body.status() == ProviderApproval.Status.APPROVED) {
                throw new ProblemException(409, "PROVIDER_NEVER_APPROVED", p.code);
            }
            // A bureau may suspend or blacklist a provider it never approved: it then approves nothing.
            a = new ProviderApproval();
            a.id = UUID.randomUUID();
            a.tenantId = tenantId;
            a.providerId = p.id;
            a.scope = new String[0];
            a.validFrom = on;
            a.validTo = on;
        }
        a.status = body.status();
        a.statusReason = body.reason();
        a.statusOn = on;
        a.decidedBy = caller.username();
        a.persist();
        // 000 §七(四)2: a blacklisting is published (with its reason); a reinstatement withdraws it.
        blacklists.statusChanged(here(), p, a, caller.username());
        audit.record(tenantId, caller.username(), "provider." + body.status().name().toLowerCase(),
                "provider:" + p.code, ApprovalView.of(a, tenantCodes()));
        return view(here(), p, today, tenantCodes(), true);
    }

    private ProviderView view(Tenant here, Provider p, LocalDate today, Map<UUID, String> codes, boolean withCourses) {
        List<ApprovalView> approvals = standing.chainApprovals(here, p.id).stream().map(a -> ApprovalView.of(a, codes)).toList();
        List<CourseView> courses = withCourses
                ? ProviderCourse.<ProviderCourse>list("providerId", p.id).stream()
                        .sorted(Comparator.comparing((ProviderCourse c) -> c.titleZh).thenComparing(c -> c.id))
                        .map(CourseView::of).toList()
                : List.of();
        return new ProviderView(p.code, p.nameZh, p.nameEn, p.licenceNo, p.licenceValidTo,
                standing.standing(here, p.id, today), approvals, courses);
    }

    private void requireForProvider(String permission, Provider p) {
        Set<Role> allowed = permissions.rolesFor(permission);
        boolean ok = caller.grants().stream().anyMatch(g -> allowed.contains(g.role())
                && (g.role().scope() != Role.Scope.PROVIDER || p.code.equals(g.providerCode())));
        if (!ok) {
            throw new ProblemException(403, "FORBIDDEN");
        }
    }

    private Tenant here() {
        return Tenant.<Tenant>findByIdOptional(tenantContext.requireTenantId()).orElseThrow();
    }

    static Provider provider(String code) {
        return Provider.byCode(code).orElseThrow(() -> ProblemException.notFound("provider", code));
    }

    private static Map<UUID, String> tenantCodes() {
        return Tenant.<Tenant>listAll().stream().collect(Collectors.toMap(t -> t.id, t -> t.code, (a, b) -> a));
    }
}
