package cn.kehou.server.disclosure;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.portal.PortalLanguage;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.Waiting;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What disclosure puts on the role homes (portal.Homes): the bureau's complaint desk with its open
 * complaints; a parent's open surveys and, on a parents' committee, the school's ledger summary and
 * survey results; a school admin's publishing desk and results page. Read through the same services
 * as the API, under the request's tenant (row-level security).
 */
@RequestScoped
public class DisclosureHomes {

    @Inject
    PortalLanguage language;
    @Inject
    Caller caller;
    @Inject
    Surveys surveys;
    @Inject
    EntityManager em;

    /** The complaint desk with the count of complaints not yet resolved or rejected. */
    public Waiting bureau(String tenantCode) {
        DisMsg msg = msg();
        String url = PortalPath.PREFIX + tenantCode + "/complaints";
        long open = Complaint.count("status in ?1", List.of(Complaint.Status.RECEIVED, Complaint.Status.IN_PROGRESS));
        return new Waiting(Waiting.Kind.REPORTS, List.of(new Waiting.Item(msg.deskTitle(), msg.homeOpenComplaints(open), url)), url);
    }

    /** The surveys the parent may still answer; on a committee, each school's summary and results. */
    public Waiting parent(String tenantCode) {
        DisMsg msg = msg();
        String url = PortalPath.PREFIX + tenantCode + "/surveys";
        List<Waiting.Item> items = new ArrayList<>();
        surveys.openFor(caller.username()).forEach(s -> items.add(new Waiting.Item(s.title(), msg.homeSurveyOpen(), url)));
        @SuppressWarnings("unchecked")
        List<UUID> schools = em.createNativeQuery("SELECT school_id FROM parents_committee_member WHERE username = ?1")
                .setParameter(1, caller.username()).getResultList();
        for (UUID id : schools) {
            School.<School>findByIdOptional(id).ifPresent(school -> items.add(new Waiting.Item(msg.resultsTitle(),
                    msg.homeCommittee(name(school)), results(tenantCode, school))));
        }
        return new Waiting(Waiting.Kind.REPORTS, items, url);
    }

    /** A school admin's publishing desk (guide, ledger summary, agreements, fee withdrawals, surveys) and results. */
    public Waiting schoolAdmin(String tenantCode, School school) {
        DisMsg msg = msg();
        String desk = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/disclosures";
        return new Waiting(Waiting.Kind.REPORTS, List.of(new Waiting.Item(msg.publishTitle(), msg.homePublishDetail(), desk),
                new Waiting.Item(msg.resultsTitle(), msg.homeResultsDetail(), results(tenantCode, school))), desk);
    }

    private static String results(String tenantCode, School school) {
        return PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/survey-results";
    }

    private String name(School school) {
        return language.get().english() && school.nameEn != null ? school.nameEn : school.nameZh;
    }

    private DisMsg msg() {
        return language.get().english() ? MessageBundles.get(DisMsg.class, Localized.Literal.of(language.get().tag()))
                : MessageBundles.get(DisMsg.class);
    }
}
