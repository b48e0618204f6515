package cn.kehou.server.guardians;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A parent's own view: their confirmed children, link requests, and PIPL consent. */
@Path("/api/t/{tenant}/me")
@Produces(MediaType.APPLICATION_JSON)
public class GuardianResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    ConsentText consentText;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    /**
     * {@code consentOnFile}: some guardian's consent is recorded (what providers depend on);
     * {@code myConsentGiven}: this guardian's own.
     */
    public record ChildView(UUID id, String nameZh, String school, int grade, String className, boolean consentOnFile,
                            boolean myConsentGiven) {
    }

    public record LinkRequest(@NotBlank @Size(max = 63) String school, @NotBlank @Size(max = 50) String childName,
                              @NotNull @Min(1) @Max(9) Integer grade, @NotBlank @Size(max = 30) String className,
                              @NotNull Guardianship.Relation relation) {
    }

    public record Consent(@NotBlank String textVersion, @NotBlank String textSha256) {
    }

    @GET
    @Path("/children")
    @Transactional
    public List<ChildView> myChildren() {
        caller.require("me.children");
        List<Guardianship> links = Guardianship.list("username = ?1 and status = ?2", caller.username(),
                Guardianship.Status.CONFIRMED);
        return links.stream().map(g -> Child.<Child>findById(g.childId)).map(this::view).toList();
    }

    @POST
    @Path("/guardianships")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response requestLink(@Valid @NotNull LinkRequest body) {
        caller.require("me.children");
        School school = School.require(body.school());
        Child child = Child.<Child>find("schoolId = ?1 and nameZh = ?2 and grade = ?3 and className = ?4",
                        school.id, body.childName().strip(), body.grade(), body.className().strip())
                .firstResultOptional()
                .orElseThrow(() -> new ProblemException(404, "CHILD_NOT_FOUND"));
        if (Guardianship.count("childId = ?1 and username = ?2 and status <> ?3", child.id, caller.username(),
                Guardianship.Status.REJECTED) > 0) {
            throw new ProblemException(409, "GUARDIANSHIP_EXISTS");
        }
        Guardianship g = new Guardianship();
        g.id = UUID.randomUUID();
        g.tenantId = tenant.requireTenantId();
        g.childId = child.id;
        g.username = caller.username();
        g.relation = body.relation();
        g.status = Guardianship.Status.REQUESTED;
        g.requestedAt = OffsetDateTime.now();
        g.persist();
        audit.record(g.tenantId, caller.username(), "guardianship.request", "child:" + child.id, Map.of("relation", g.relation));
        return Response.status(202).entity(Map.of("id", g.id, "status", g.status)).build();
    }

    @GET
    @Path("/consent-text")
    public ConsentText.Text consentText() {
        caller.require("me.children");
        return consentText.current();
    }

    /** Records the guardian's separate consent (PIPL §31) to the exact text version shown. */
    @POST
    @Path("/children/{child}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response consent(@PathParam("child") UUID childId, @Valid @NotNull Consent body) {
        caller.require("me.children");
        if (!Guardianship.confirmed(childId, caller.username())) {
            throw ProblemException.notFound("child", childId.toString());
        }
        ConsentText.Text current = consentText.current();
        if (!current.version().equals(body.textVersion()) || !current.sha256().equals(body.textSha256())) {
            throw new ProblemException(409, "CONSENT_TEXT_CHANGED", current.version());
        }
        em.createNativeQuery("INSERT INTO pipl_consent (tenant_id, id, child_id, username, text_version, text_sha256)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tenant.requireTenantId()).setParameter(2, UUID.randomUUID()).setParameter(3, childId)
                .setParameter(4, caller.username()).setParameter(5, current.version()).setParameter(6, current.sha256())
                .executeUpdate();
        audit.record(tenant.requireTenantId(), caller.username(), "consent.give", "child:" + childId,
                Map.of("version", current.version()));
        return Response.status(201).entity(Map.of("child", childId, "version", current.version())).build();
    }

    private ChildView view(Child c) {
        String school = School.<School>findByIdOptional(c.schoolId).map(s -> s.code).orElse(null);
        return new ChildView(c.id, c.nameZh, school, c.grade, c.className, ChildPrivacy.hasConsent(em, c.id),
                ChildPrivacy.hasConsentOf(em, c.id, caller.username()));
    }
}
