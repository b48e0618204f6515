package cn.kehou.server.payments;

import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.ledger.Account;
import cn.kehou.server.ledger.Ledger;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The school's and the bureau's side of payments: the tenant's merchant account, fee publications
 * (公示), billing a service's term, calling off a session, the orders of a school and the tenant's
 * trial balance.
 */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    Merchants merchants;
    @Inject
    FeePublications publications;
    @Inject
    RegionMoneyRules rules;
    @Inject
    Charging charging;
    @Inject
    SessionCancellations cancellations;
    @Inject
    Payments payments;
    @Inject
    OrderViews views;
    @Inject
    Ledger ledger;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record MerchantAccount(@NotBlank @Size(max = 40) String gateway, @NotBlank @Size(max = 64) String merchantId,
                                  @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,62}") String secretRef) {
    }

    /** Sets the tenant's merchant account; the secret itself is configuration, named by {@code secretRef}. */
    @PUT
    @Path("/payments/merchant")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, String> merchant(@Valid @NotNull MerchantAccount body) {
        caller.require("payments.configure");
        UUID tenantId = tenant.requireTenantId();
        merchants.configure(tenantId, body.gateway(), body.merchantId(), body.secretRef(), caller.username());
        audit.record(tenantId, caller.username(), "payments.merchant", "gateway:" + body.gateway(),
                Map.of("merchantId", body.merchantId(), "secretRef", body.secretRef()));
        return Map.of("gateway", body.gateway(), "merchantId", body.merchantId(), "secretRef", body.secretRef());
    }

    public record TrialBalance(long trialBalanceFen, Map<String, Long> balances) {
    }

    /** Every account's balance on its normal side, and the sum of all debits less credits (zero when sound). */
    @GET
    @Path("/payments/trial-balance")
    @Transactional
    public TrialBalance trialBalance() {
        caller.require("payments.audit");
        UUID tenantId = tenant.requireTenantId();
        Map<String, Long> out = new LinkedHashMap<>();
        ledger.balances(tenantId).forEach((code, b) -> out.put(code, Account.kindOf(code).normalBalance(b)));
        return new TrialBalance(ledger.trialBalance(tenantId), out);
    }

    public record Requirement(String item, String itemZh, String channel, String citation) {
    }

    public record PublicationView(UUID id, UUID service, String channel, List<String> items, String feeItem, long amountFen,
                                  String basis, String legalBasis, String complaintPhone, String reference,
                                  LocalDate publishedOn, String approvingAuthority, String recordedBy) {
    }

    public record Publications(List<Requirement> requirements, String recostingInterval, List<PublicationView> publications) {
    }

    /** What the region requires to be public before a charge, and what this school has published. */
    @GET
    @Path("/schools/{school}/fee-publications")
    @Transactional
    public Publications publications(@PathParam("school") String schoolCode) {
        School school = school(schoolCode);
        caller.requireAtSchool("payments.read", school.id);
        RegionMoneyRules.At at = rules.at(school, LocalDate.now(clock));
        List<Requirement> required = publications.requirements(at.policy(), at.ctx()).stream()
                .map(r -> new Requirement(r.item().name(), r.item().zh, r.channelZh(), r.citation())).toList();
        String interval = rules.recostingInterval(at).map(Object::toString).orElse(null);
        List<PublicationView> done = FeePublication.<FeePublication>list("schoolId = ?1 order by publishedOn, recordedAt", school.id)
                .stream().map(PaymentsResource::view).toList();
        return new Publications(required, interval, done);
    }

    public record NewPublication(@NotNull UUID service, @NotBlank @Size(max = 200) String channel,
                                 @NotEmpty Set<PublicationItem> items, @NotBlank @Size(max = 200) String feeItem,
                                 @NotNull @PositiveOrZero Long amountFen, @NotBlank @Size(max = 200) String basis,
                                 @Size(max = 500) String legalBasis, @Size(max = 40) String complaintPhone,
                                 @NotBlank @Size(max = 200) String reference, @NotNull LocalDate publishedOn,
                                 @NotBlank @Size(max = 200) String approvingAuthority) {
    }

    /**
     * Records that a service's fee item was published on a channel the region names (e.g. 004: the
     * Xinjiang fee information network, with its reference, date and the approving price authority).
     */
    @POST
    @Path("/schools/{school}/fee-publications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response publish(@PathParam("school") String schoolCode, @Valid @NotNull NewPublication body) {
        School school = school(schoolCode);
        caller.requireAtSchool("fees.publish", school.id);
        if (body.publishedOn().isAfter(LocalDate.now(clock))) {
            throw new ProblemException(422, "PUBLICATION_DATE_IN_FUTURE", body.publishedOn());
        }
        OfferedService service = service(school, body.service());
        RegionMoneyRules.At at = rules.at(school, LocalDate.now(clock));
        List<PublicationRequirement> required = publications.requirements(at.policy(), at.ctx());
        FeePublications.NewPublication p = new FeePublications.NewPublication(body.channel(), body.items(), body.feeItem(),
                body.amountFen(), body.basis(), body.legalBasis(), body.complaintPhone(), body.reference(), body.publishedOn(),
                body.approvingAuthority());
        publications.check(required, service, p);
        FeePublication row = new FeePublication();
        row.id = UUID.randomUUID();
        row.tenantId = school.tenantId;
        row.schoolId = school.id;
        row.serviceId = service.id;
        row.channel = p.channel();
        row.items = p.items().stream().map(Enum::name).sorted().toArray(String[]::new);
        row.feeItem = p.feeItem();
        row.amountFen = p.amountFen();
        row.basis = p.basis();
        row.legalBasis = p.legalBasis();
        row.complaintPhone = p.complaintPhone();
        row.reference = p.reference();
        row.publishedOn = p.publishedOn();
        row.approvingAuthority = p.approvingAuthority();
        row.recordedBy = caller.username();
        row.recordedAt = OffsetDateTime.now(clock);
        row.persist();
        audit.record(school.tenantId, caller.username(), "fees.publish", "service:" + service.id,
                Map.of("channel", p.channel(), "reference", p.reference(), "amountFen", p.amountFen()));
        return Response.status(201).entity(view(row)).build();
    }

    /** Bills the term of every child arranged into the service and not billed yet. */
    @POST
    @Path("/schools/{school}/services/{service}/charges")
    public Charging.Result charge(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId) {
        record Target(School school, OfferedService service) {
        }
        Target t = QuarkusTransaction.requiringNew().call(() -> {
            School school = school(schoolCode);
            caller.requireAtSchool("payments.manage", school.id);
            return new Target(school, service(school, serviceId));
        });
        return charging.bill(t.school(), t.service(), caller.username());
    }

    public record Cancellation(@NotNull LocalDate date, @NotBlank @Size(max = 200) String reason) {
    }

    /** Calls off one session of a service; every billed family is refunded for it by the region's rule. */
    @POST
    @Path("/schools/{school}/services/{service}/cancelled-sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancelSession(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                  @Valid @NotNull Cancellation body) {
        OfferedService service = QuarkusTransaction.requiringNew().call(() -> {
            School school = school(schoolCode);
            caller.requireAtSchool("payments.manage", school.id);
            return service(school, serviceId);
        });
        SessionCancellations.Cancelled done = cancellations.cancel(service, body.date(), body.reason(), caller.username());
        UUID tenantId = tenant.requireTenantId();
        done.orders().forEach(order -> payments.refundOwed(tenantId, order));
        return Response.status(201).entity(done).build();
    }

    /** The school's orders: every family's lines, payments and refunds. */
    @GET
    @Path("/schools/{school}/orders")
    @Transactional
    public List<OrderViews.OrderView> orders(@PathParam("school") String schoolCode) {
        School school = school(schoolCode);
        caller.requireAtSchool("payments.read", school.id);
        return PaymentOrder.<PaymentOrder>list("schoolId = ?1 order by createdAt, id", school.id).stream().map(views::view).toList();
    }

    private static PublicationView view(FeePublication p) {
        return new PublicationView(p.id, p.serviceId, p.channel, List.of(p.items), p.feeItem, p.amountFen, p.basis, p.legalBasis,
                p.complaintPhone, p.reference, p.publishedOn, p.approvingAuthority, p.recordedBy);
    }

    /** A school of the path's own tenant: payments are booked where the school is. */
    private School school(String code) {
        return School.<School>find("code = ?1 and tenantId = ?2", code, tenant.requireTenantId()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("school", code));
    }

    private static OfferedService service(School school, UUID id) {
        return Optional.ofNullable(OfferedService.<OfferedService>findById(id)).filter(s -> s.schoolId.equals(school.id))
                .orElseThrow(() -> ProblemException.notFound("service", String.valueOf(id)));
    }
}
