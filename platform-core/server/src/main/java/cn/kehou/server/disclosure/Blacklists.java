package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.Provider;
import cn.kehou.server.catalog.ProviderApproval;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import cn.kehou.server.tenancy.TenantTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider blacklist (000 §七(四)2: published yearly). Each blacklisting by a bureau is a
 * publication with its reason and date; reinstating the provider withdraws it. The list for year Y
 * names the providers on the blacklist in Y — blacklisted in Y, or earlier and still blacklisted —
 * never one blacklisted in an earlier year and cleared before Y.
 */
@ApplicationScoped
public class Blacklists {

    @Inject
    Publications publications;
    @Inject
    TenantScope scope;
    @Inject
    TenantTree tree;

    /** Called when a bureau changes a provider's status: a blacklisting is published, anything else withdraws it. */
    public void statusChanged(Tenant bureau, Provider provider, ProviderApproval approval, String by) {
        String subject = "provider:" + provider.code;
        if (approval.status == ProviderApproval.Status.BLACKLISTED) {
            publications.publish(bureau.id, null, Publications.Kind.BLACKLIST, subject,
                    new Disclosed.Blacklisting(provider.code, provider.nameZh, provider.nameEn, approval.statusReason,
                            approval.statusOn, bureau.code, bureau.nameZh), by);
        } else {
            publications.withdraw(bureau.id, Publications.Kind.BLACKLIST, subject, by);
        }
    }

    /**
     * The blacklist of {@code year} as {@code tenant}'s public page showed it on {@code on}: its own,
     * its ancestors' and its descendants' blacklistings, as they stood at the end of the year (or on
     * {@code on}, if earlier).
     */
    public List<Publications.Version<Disclosed.Blacklisting>> of(Tenant tenant, int year, LocalDate on) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Instant at = Publications.endOf(on.isBefore(yearEnd) ? on : yearEnd);
        Map<String, Publications.Version<Disclosed.Blacklisting>> found = new LinkedHashMap<>();
        List<Tenant> chain = tree.chain(tenant);
        for (Tenant t : chain) {
            boolean subtree = t.id.equals(tenant.id);
            scope.callAs(t, subtree, () -> publications.asOf(Publications.Kind.BLACKLIST, null, at, Disclosed.Blacklisting.class))
                    .forEach(v -> found.putIfAbsent(v.tenantId() + "/" + v.subject(), v));
        }
        List<Publications.Version<Disclosed.Blacklisting>> out = new ArrayList<>(found.values().stream()
                .filter(v -> v.content().since() != null && !v.content().since().isAfter(yearEnd)).toList());
        out.sort(Comparator.comparing((Publications.Version<Disclosed.Blacklisting> v) -> v.content().since()).reversed());
        return out;
    }
}
