package cn.kehou.server.enrollment;

import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.identity.Role;
import cn.kehou.server.portal.Language;
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
import java.util.Set;

/**
 * Enrollment's lists on the home pages (portal.Homes): a parent's applications and the services
 * open to their children; what waits for a class teacher's or school admin's review. Read through
 * the API's own methods, so the same permissions and row-level security apply.
 */
@RequestScoped
public class EnrollmentHomes {

    @Inject
    EnrollmentResource api;
    @Inject
    PortalLanguage language;

    /** At most this many applications on the home; the rest are one click away. */
    static final int HOME_ITEMS = 8;

    /** The newest live applications, then one line for the services still open to the children. */
    public Waiting services(String tenantCode) {
        EnrollmentTexts t = texts(language.get());
        String base = PortalPath.PREFIX + tenantCode + "/enrollment";
        List<Waiting.Item> items = new ArrayList<>();
        api.mineBrief().stream().filter(a -> Application.Status.valueOf(a.status()).live()).limit(HOME_ITEMS)
                .forEach(a -> items.add(new Waiting.Item(a.childName() + " · " + a.serviceTitle(),
                        t.homeApplication(t.status(Application.Status.valueOf(a.status()))), base + "/applications/" + a.id())));
        Set<java.util.UUID> open = new java.util.HashSet<>();
        List<String> names = new ArrayList<>();
        for (EnrollmentResource.ChildServices c : api.openServices(tenantCode)) {
            List<java.util.UUID> free = c.services().stream().filter(s -> s.application() == null)
                    .map(EnrollmentResource.OpenService::id).toList();
            if (!free.isEmpty()) {
                open.addAll(free);
                names.add(c.childName());
            }
        }
        if (!open.isEmpty()) {
            String who = String.join(" · ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? " …" : "");
            items.add(new Waiting.Item(t.homeOpenServices(open.size()), who, base));
        }
        return new Waiting(Waiting.Kind.SERVICES, items, base);
    }

    /** Applications at {@code school} waiting at a step this role decides (班级初审; 学校核准 for the school admin). */
    public Waiting applications(String tenantCode, School school, Role role) {
        EnrollmentTexts t = texts(language.get());
        Set<String> steps = role == Role.CLASS_TEACHER ? Set.of(EnrollmentStep.CLASS_REVIEW.name())
                : Set.of(EnrollmentStep.CLASS_REVIEW.name(), EnrollmentStep.SCHOOL_REVIEW.name());
        String queue = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/applications";
        List<Waiting.Item> items = api.queueBrief(school.code).stream()
                .filter(a -> steps.contains(a.step()) && Application.Status.valueOf(a.status()).live())
                .map(a -> {
                    Child c = Child.findById(a.child());
                    return new Waiting.Item(a.childName(), t.homeReview(a.serviceTitle(), c == null ? "" : c.className,
                            t.step(EnrollmentStep.valueOf(a.step()))), queue);
                }).toList();
        return new Waiting(Waiting.Kind.APPLICATIONS, items, queue);
    }

    static EnrollmentTexts texts(Language language) {
        return language == Language.ZH_CN ? MessageBundles.get(EnrollmentTexts.class)
                : MessageBundles.get(EnrollmentTexts.class, Localized.Literal.of(language.tag()));
    }
}
