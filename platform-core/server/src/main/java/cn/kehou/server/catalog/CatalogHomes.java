package cn.kehou.server.catalog;

import cn.kehou.server.portal.PortalLanguage;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.Waiting;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * What the catalog puts on the role homes (portal.Homes): the bureau's vetting (待审核), a school
 * admin's setup, a provider admin's courses — read through the catalog resources, so the same
 * permissions and row-level security apply.
 */
@RequestScoped
public class CatalogHomes {

    @Inject
    StaffResource staff;
    @Inject
    PortalLanguage language;

    /** The vetting pages, then every person a school registered who still waits for the bureau. */
    public Waiting bureauApprovals(String tenantCode) {
        Cat cat = cat();
        String base = PortalPath.PREFIX + tenantCode + "/vetting";
        List<Waiting.Item> items = new ArrayList<>();
        items.add(new Waiting.Item(cat.vettingProvidersLink(), cat.vettingProvidersTitle(), base + "/providers"));
        items.add(new Waiting.Item(cat.vettingStaffLink(), cat.vettingStaffTitle(), base + "/staff"));
        for (School school : School.<School>list("order by code")) {
            String name = language.get().english() && school.nameEn != null ? school.nameEn : school.nameZh;
            staff.list(school.code).stream().filter(m -> "REGISTERED".equals(m.status()))
                    .forEach(m -> items.add(new Waiting.Item(m.nameZh(), cat.waitingStaff(name), base + "/staff#m-" + m.id())));
        }
        return new Waiting(Waiting.Kind.APPROVALS, items, base + "/staff");
    }

    /** A school admin's terms, plan and services. */
    public Waiting schoolSetup(String tenantCode, School school) {
        Cat cat = cat();
        String url = PortalPath.PREFIX + tenantCode + "/setup/" + school.code;
        return new Waiting(Waiting.Kind.SETUP, List.of(new Waiting.Item(cat.setupLink(), cat.servicesHeading(), url)), url);
    }

    /** A provider admin's courses and off-campus prices. */
    public Waiting providerOfferings(String tenantCode) {
        Cat cat = cat();
        String url = PortalPath.PREFIX + tenantCode + "/offerings";
        return new Waiting(Waiting.Kind.SETUP, List.of(new Waiting.Item(cat.offeringsLink(), cat.courseNew(), url)), url);
    }

    private Cat cat() {
        return language.get().english() ? MessageBundles.get(Cat.class, Localized.Literal.of(language.get().tag()))
                : MessageBundles.get(Cat.class);
    }
}
