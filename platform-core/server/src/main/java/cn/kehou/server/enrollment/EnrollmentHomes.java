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

    /** The children's live applications, then a line per child with services still open to it. */
    public Waiting services(String tenantCode) {
        EnrollmentTexts t = texts(language.get());
        String base = PortalPath.PREFIX + tenantCode + "/enrollment";
        List<Waiting.Item> items = new ArrayList<>();
        List<EnrollmentResource.ApplicationView> mine = new ArrayList<>(api.mine());
        java.util.Collections.reverse(mine);
        for (EnrollmentResource.ApplicationView a : mine) {
            Application.Status status = Application.Status.valueOf(a.status());
            if (status.live()) {
                items.add(new Waiting.Item(a.childName() + " · " + a.serviceTitle(), t.homeApplication(t.status(status)),
                        base + "/applications/" + a.id()));
            }
        }
        for (EnrollmentResource.ChildServices c : api.openServices(tenantCode)) {
            long open = c.services().stream().filter(s -> s.application() == null).count();
            if (open > 0) {
                items.add(new Waiting.Item(c.childName(), t.homeOpenServices((int) open), base));
            }
        }
        return new Waiting(Waiting.Kind.SERVICES, items, base);
    }

    /** Applications at {@code school} waiting at a step this role decides (班级初审; 学校核准 for the school admin). */
    public Waiting applications(String tenantCode, School school, Role role) {
        EnrollmentTexts t = texts(language.get());
        Set<String> steps = role == Role.CLASS_TEACHER ? Set.of(EnrollmentStep.CLASS_REVIEW.name())
                : Set.of(EnrollmentStep.CLASS_REVIEW.name(), EnrollmentStep.SCHOOL_REVIEW.name());
        String queue = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/applications";
        List<Waiting.Item> items = api.queue(school.code).stream()
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
