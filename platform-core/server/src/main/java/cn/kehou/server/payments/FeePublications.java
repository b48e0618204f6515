package cn.kehou.server.payments;

import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publication before charging (公示): the region's plugin says what must be public and where
 * (FeeSchedule.publicationRequirements); a school records each publication of a service's fee
 * item; a charge is refused, with the plugin's citation, until every requirement is met by a
 * publication of the very amount charged, made on or before the day.
 */
@ApplicationScoped
public class FeePublications {

    @Inject
    RegionPolicies policies;

    /** What the school asks to record: the published fee item and where, when and by whom. */
    public record NewPublication(String channel, Set<PublicationItem> items, String feeItem, long amountFen, String basis,
                                 String legalBasis, String complaintPhone, String reference, LocalDate publishedOn,
                                 String approvingAuthority) {
    }

    public List<PublicationRequirement> requirements(RegionPolicies.Resolution r, PolicyContext ctx) {
        List<PublicationRequirement> out = policies.ask(r, FeeSchedule.class, p -> p.publicationRequirements(ctx));
        if (out.stream().anyMatch(req -> req == null)) {
            throw new ProblemException(500, "PLUGIN_FAILED", r.pluginId(), "a null publication requirement");
        }
        return out;
    }

    /** Checks a publication against the service and the plugin's channels before it is recorded. */
    public void check(List<PublicationRequirement> required, OfferedService service, NewPublication p) {
        Set<String> channels = required.stream().map(PublicationRequirement::channelZh).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!channels.contains(p.channel())) {
            throw new ProblemException(422, "PUBLICATION_CHANNEL_NOT_REQUIRED", p.channel(), String.join("、", channels));
        }
        if (p.amountFen() != service.feeFen) {
            throw new ProblemException(422, "PUBLICATION_AMOUNT_MISMATCH", cn.kehou.plugin.api.Money.yuan(p.amountFen()),
                    cn.kehou.plugin.api.Money.yuan(service.feeFen));
        }
        if (p.items().contains(PublicationItem.LEGAL_BASIS) && blank(p.legalBasis())) {
            throw new ProblemException(422, "PUBLICATION_TEXT_MISSING", PublicationItem.LEGAL_BASIS.zh);
        }
        if (p.items().contains(PublicationItem.COMPLAINT_PHONE) && blank(p.complaintPhone())) {
            throw new ProblemException(422, "PUBLICATION_TEXT_MISSING", PublicationItem.COMPLAINT_PHONE.zh);
        }
    }

    /**
     * Refuses with 409 FEE_NOT_PUBLISHED (and the requirement's citation) unless every required
     * item is on its channel for this service, at the amount to be charged, published by {@code day}.
     */
    public void requirePublished(List<PublicationRequirement> required, OfferedService service, LocalDate day) {
        // A withdrawn publication (FeeWithdrawal) no longer counts: unpublished fees are not charged.
        List<FeePublication> done = FeePublication.list("serviceId = ?1 and amountFen = ?2 and publishedOn <= ?3"
                        + " and id not in (select w.publicationId from FeeWithdrawal w)", service.id, service.feeFen, day);
        Map<String, Set<PublicationItem>> covered = new LinkedHashMap<>();
        for (FeePublication p : done) {
            Set<PublicationItem> items = covered.computeIfAbsent(p.channel, k -> EnumSet.noneOf(PublicationItem.class));
            Arrays.stream(p.items).forEach(i -> items.add(PublicationItem.valueOf(i)));
        }
        List<PublicationRequirement> missing = new ArrayList<>();
        for (PublicationRequirement req : required) {
            if (!covered.getOrDefault(req.channelZh(), Set.of()).contains(req.item())) {
                missing.add(req);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<String, List<PublicationRequirement>> byChannel = new LinkedHashMap<>();
        missing.forEach(m -> byChannel.computeIfAbsent(m.channelZh(), k -> new ArrayList<>()).add(m));
        String zh = byChannel.entrySet().stream().map(e -> e.getKey() + "：" + e.getValue().stream()
                .map(m -> m.item().zh).collect(Collectors.joining("、"))).collect(Collectors.joining("；"));
        String en = byChannel.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().stream()
                .map(m -> m.item().name()).collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
        throw ProblemException.withText(409, "FEE_NOT_PUBLISHED",
                "收费 " + cn.kehou.plugin.api.Money.yuan(service.feeFen) + " 元在公示前不得收取，尚未公示：" + zh,
                "the fee of " + cn.kehou.plugin.api.Money.yuan(service.feeFen) + " CNY may not be charged before it is published;"
                        + " still to publish: " + en,
                missing.get(0).citation());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
