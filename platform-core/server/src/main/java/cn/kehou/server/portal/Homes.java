package cn.kehou.server.portal;

import cn.kehou.server.catalog.CatalogHomes;
import cn.kehou.server.enrollment.EnrollmentHomes;
import cn.kehou.server.guardians.GuardianResource;
import cn.kehou.server.guardians.GuardianReviewResource;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.Role;
import cn.kehou.server.identity.RoleGrant;
import cn.kehou.server.payments.OrdersResource;
import cn.kehou.server.payments.PayMsg;
import cn.kehou.server.payments.SchoolBooks;
import cn.kehou.server.payments.SchoolBooksResource;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import cn.kehou.server.notices.Notices;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What waits for each role of the signed-in user in this tenant (待办), through the same services
 * the API calls — so the same permission checks and row-level security apply. A list whose feature
 * is not built yet is empty; that feature adds its items here.
 */
@RequestScoped
public class Homes {

    @Inject
    Caller caller;
    @Inject
    GuardianResource guardians;
    @Inject
    GuardianReviewResource reviews;
    @Inject
    PortalLanguage language;
    @Inject
    CatalogHomes catalog;
    @Inject
    EnrollmentHomes enrollment;
    @Inject
    SchoolBooksResource books;
    @Inject
    OrdersResource orders;
    @Inject
    Notices notices;
    @Inject
    cn.kehou.server.attendance.RosterPages rosterPages;
    @Inject
    cn.kehou.server.attendance.ExceptionPages exceptionPages;
    @Inject
    cn.kehou.server.reconciliation.ReconciliationHomes reconciliationHomes;
    @Inject
    cn.kehou.server.stipends.StipendPages stipendPages;
    @Inject
    cn.kehou.server.reports.ReportHomes reportHomes;
    @Inject
    cn.kehou.server.disclosure.DisclosureHomes disclosureHomes;

    /** One home section per role held here (a role at two schools: one per school), in the Role order. */
    public List<RoleHome> of(String tenantCode) {
        List<RoleHome> homes = new ArrayList<>();
        List<RoleGrant> grants = caller.grants().stream()
                .sorted(Comparator.comparing(RoleGrant::role)).distinct().toList();
        for (RoleGrant g : grants) {
            homes.add(switch (g.role()) {
                case PARENT -> new RoleHome(g.role(), null, List.of(children(tenantCode), enrollment.services(tenantCode),
                        orders(tenantCode), disclosureHomes.parent(tenantCode), messages()));
                case SCHOOL_ADMIN, CLASS_TEACHER -> {
                    School school = School.findById(g.schoolId());
                    List<Waiting> lists = new ArrayList<>(List.of(guardianReviews(school),
                            enrollment.applications(tenantCode, school, g.role())));
                    if (g.role() == Role.SCHOOL_ADMIN) {
                        lists.add(catalog.schoolSetup(tenantCode, school));
                        lists.add(disclosureHomes.schoolAdmin(tenantCode, school).and(reportHomes.school(tenantCode, school)));
                    }
                    lists.add(exceptionPages.todaysExceptions(tenantCode, school));
                    lists.add(g.role() == Role.SCHOOL_ADMIN ? stipendPages.schoolHome(tenantCode, school) : stipendPages.myHome(tenantCode));
                    lists.add(messages());
                    yield new RoleHome(g.role(), name(school), lists);
                }
                case SERVICE_TEACHER -> new RoleHome(g.role(), name(School.findById(g.schoolId())),
                        List.of(rosterPages.todaysSessions(tenantCode, School.findById(g.schoolId())), stipendPages.myHome(tenantCode),
                                messages()));
                case SCHOOL_FINANCE -> {
                    School school = School.findById(g.schoolId());
                    yield new RoleHome(g.role(), name(school), List.of(books(tenantCode, school),
                            reconciliationHomes.finance(tenantCode, school).and(reportHomes.school(tenantCode, school)),
                            stipendPages.schoolHome(tenantCode, school)));
                }
                case BUREAU_ADMIN -> new RoleHome(g.role(), null, List.of(catalog.bureauApprovals(tenantCode),
                        reportHomes.bureau(tenantCode).and(disclosureHomes.bureau(tenantCode))));
                case BUREAU_INSPECTOR -> new RoleHome(g.role(), null, List.of(reportHomes.bureau(tenantCode)));
                case PROVIDER_ADMIN -> new RoleHome(g.role(), g.providerCode(), List.of(reconciliationHomes.provider(tenantCode, g.providerCode()),
                        Waiting.empty(Waiting.Kind.SESSIONS), catalog.providerOfferings(tenantCode)));
                case PROVIDER_STAFF -> new RoleHome(g.role(), g.providerCode(), List.of(Waiting.empty(Waiting.Kind.SESSIONS)));
                case PLATFORM_ADMIN -> new RoleHome(g.role(), null, List.of(Waiting.empty(Waiting.Kind.TENANTS)));
            });
        }
        return homes;
    }

    /** A parent's confirmed children (GuardianResource, as GET /api/t/{tenant}/me/children). */
    public List<GuardianResource.ChildView> children() {
        return guardians.myChildren();
    }

    /** School codes → names in the request's language, for the schools this tenant can see. */
    public Map<String, String> schoolNames() {
        return School.<School>listAll().stream().collect(Collectors.toMap(s -> s.code, this::name, (a, b) -> a));
    }

    private Waiting children(String tenantCode) {
        Msg msg = language.msg();
        Map<String, String> schools = schoolNames();
        List<Waiting.Item> items = children().stream()
                .map(c -> new Waiting.Item(c.nameZh(), msg.childClass(schools.getOrDefault(c.school(), c.school()), c.grade(),
                        c.className()), PortalPath.PREFIX + tenantCode + "/children"))
                .toList();
        return new Waiting(Waiting.Kind.CHILDREN, items, PortalPath.PREFIX + tenantCode + "/children");
    }

    /** A family's orders still to pay (OrdersResource, as GET /api/t/{tenant}/me/orders). */
    private Waiting orders(String tenantCode) {
        PayMsg pay = payMsg();
        List<Waiting.Item> items = orders.mine().stream().filter(o -> o.outstandingFen() > 0)
                .map(o -> new Waiting.Item(pay.orderOf(o.schoolName(), o.termName()), pay.outstanding(PortalFormat.yuan(o.outstandingFen())),
                        PortalPath.PREFIX + tenantCode + "/orders/" + o.id()))
                .toList();
        return new Waiting(Waiting.Kind.ORDERS, items, PortalPath.PREFIX + tenantCode + "/orders");
    }

    private PayMsg payMsg() {
        return language.get() == Language.ZH_CN ? MessageBundles.get(PayMsg.class)
                : MessageBundles.get(PayMsg.class, Localized.Literal.of(language.get().tag()));
    }

    /** The school's fee books and refunds the bank bounced (SchoolBooksResource, as the API). */
    private Waiting books(String tenantCode, School school) {
        PayMsg pay = payMsg();
        SchoolBooks.Books b = books.books(school.code);
        String url = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/books";
        List<Waiting.Item> items = new ArrayList<>();
        items.add(new Waiting.Item(pay.homeBooks(), pay.homeBooksDetail(b.payments().size(), b.refunds().size()), url));
        b.refunds().stream().filter(r -> r.status().equals("FAILED"))
                .forEach(r -> items.add(new Waiting.Item(pay.homeRefundBounced(PortalFormat.yuan(r.amountFen())), r.payer(), url)));
        return new Waiting(Waiting.Kind.PAYMENTS, items, url);
    }

    /** The user's notices in this tenant, unread first (Notices, as GET /api/t/{tenant}/me/notices). */
    private Waiting messages() {
        List<Waiting.Item> items = notices.inbox(caller.username(), 10).stream()
                .map(n -> new Waiting.Item(n.title(), n.body(), n.link())).toList();
        return new Waiting(Waiting.Kind.MESSAGES, items, null);
    }

    /** Parents waiting for this school to confirm them (GuardianReviewResource, as the API). */
    private Waiting guardianReviews(School school) {
        Msg msg = language.msg();
        Function<GuardianReviewResource.PendingLink, Waiting.Item> item = p -> new Waiting.Item(p.childName(),
                msg.reviewItem(msg.relation(p.relation()), p.grade(), p.className()), null);
        return new Waiting(Waiting.Kind.REVIEWS, reviews.pending(school.code).stream().map(item).toList(), null);
    }

    private String name(School school) {
        if (school == null) {
            return null;
        }
        return language.get().english() && school.nameEn != null ? school.nameEn : school.nameZh;
    }
}
