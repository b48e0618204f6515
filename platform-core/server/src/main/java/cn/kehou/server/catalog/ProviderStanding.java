package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a provider may work in a tenant: approved (for the kind of service, on the day) by the
 * tenant's own bureau or one above it, and neither suspended nor blacklisted by any of them.
 * Approvals of other branches of the tree never count: approval in one city is not approval in
 * another.
 */
@ApplicationScoped
public class ProviderStanding {

    @Inject
    TenantTree tree;

    /** The approvals that bear on {@code tenant}: its own and its ancestors', nearest first. */
    public List<ProviderApproval> chainApprovals(Tenant tenant, UUID providerId) {
        List<UUID> chain = tree.chain(tenant).stream().map(t -> t.id).toList();
        List<ProviderApproval> found = ProviderApproval.list("providerId = ?1 and tenantId in ?2", providerId, chain);
        return found.stream().sorted((a, b) -> Integer.compare(chain.indexOf(a.tenantId), chain.indexOf(b.tenantId))).toList();
    }

    /** The approval the tenant's own bureau gave, if any. */
    public Optional<ProviderApproval> own(UUID tenantId, UUID providerId) {
        return ProviderApproval.find("tenantId = ?1 and providerId = ?2", tenantId, providerId).firstResultOptional();
    }

    public boolean usable(Tenant tenant, Provider provider, ServiceKind kind, LocalDate day) {
        return refusal(tenant, provider, kind, day).isEmpty();
    }

    /** Refuses the use of {@code provider} for {@code kind} on every day from {@code from} to {@code to}. */
    public void requireUsable(Tenant tenant, Provider provider, ServiceKind kind, LocalDate from, LocalDate to) {
        Optional<ProblemException> problem = refusal(tenant, provider, kind, from);
        if (problem.isEmpty() && !to.equals(from)) {
            problem = refusal(tenant, provider, kind, to);
        }
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    private Optional<ProblemException> refusal(Tenant tenant, Provider provider, ServiceKind kind, LocalDate day) {
        if (!provider.licenceValidOn(day)) {
            return Optional.of(new ProblemException(422, "PROVIDER_LICENCE_EXPIRED", provider.code, provider.licenceValidTo));
        }
        List<ProviderApproval> approvals = chainApprovals(tenant, provider.id);
        for (ProviderApproval a : approvals) {
            if (a.restricts(day)) {
                String code = a.status == ProviderApproval.Status.BLACKLISTED ? "PROVIDER_BLACKLISTED" : "PROVIDER_SUSPENDED";
                return Optional.of(new ProblemException(422, code, provider.code, a.statusOn, a.statusReason));
            }
        }
        if (approvals.stream().noneMatch(a -> a.approves(kind, day))) {
            return Optional.of(new ProblemException(422, "PROVIDER_NOT_APPROVED", provider.code, kind, day));
        }
        return Optional.empty();
    }

    /** How the provider stands in {@code tenant} on {@code day}, for lists. */
    public String standing(Tenant tenant, UUID providerId, LocalDate day) {
        List<ProviderApproval> approvals = chainApprovals(tenant, providerId);
        for (ProviderApproval a : approvals) {
            if (a.restricts(day)) {
                return a.status.name();
            }
        }
        boolean approved = approvals.stream().anyMatch(a -> !day.isBefore(a.validFrom) && !day.isAfter(a.validTo));
        return approved ? "APPROVED" : "NOT_APPROVED";
    }
}
