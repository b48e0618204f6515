package cn.kehou.server.attendance;

import cn.kehou.server.portal.PortalLanguage;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.portal.Waiting;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The school's end-of-day list (放学异常): children checked in and never released, and children
 * expected and never checked in, for a date (today by default), each linking to its roster. The
 * list and its permission are {@link RosterResource#exceptions}'s (school admins and class teachers).
 */
@Path("/t/{tenant}/schools/{school}/attendance-exceptions")
@Produces(MediaType.TEXT_HTML)
public class ExceptionPages {

    @Inject
    PortalSession session;
    @Inject
    RosterResource api;
    @Inject
    PortalLanguage language;
    @Inject
    Clock clock;

    /** One unresolved child with the roster to resolve it in. */
    public record Row(Attendance.Unresolved child, String roster) {
        public String responsible() {
            return PickupPages.dash(child.responsible());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exceptions(Shell shell, String school, LocalDate date, List<Row> stillPresent,
                                                  List<Row> neverArrived);
    }

    @GET
    public TemplateInstance exceptions(@PathParam("tenant") String code, @PathParam("school") String school,
                                       @QueryParam("date") LocalDate date) {
        Shell shell = session.enter(code);
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        List<Row> rows = api.exceptions(school, day).stream()
                .map(u -> new Row(u, RosterPages.url(code, school, u.service(), u.date()))).toList();
        return Templates.exceptions(shell, school, day,
                rows.stream().filter(r -> r.child().status() == Rosters.Status.PRESENT).toList(),
                rows.stream().filter(r -> r.child().status() == Rosters.Status.EXPECTED).toList())
                .setLocale(shell.lang().locale());
    }

    /** For the home of a school admin or class teacher: today's list, with how many are still unresolved. */
    public Waiting todaysExceptions(String tenantCode, School school) {
        AttMsg att = language.get().english()
                ? MessageBundles.get(AttMsg.class, Localized.Literal.of(language.get().tag())) : MessageBundles.get(AttMsg.class);
        String url = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/attendance-exceptions";
        String detail;
        try {
            List<Attendance.Unresolved> open = api.exceptions(school.code, LocalDate.now(clock));
            long present = open.stream().filter(u -> u.status() == Rosters.Status.PRESENT).count();
            detail = att.exceptionsCounts(present, open.size() - present);
        } catch (ProblemException p) {
            detail = ""; // the page itself shows why (e.g. the tenant is not ready)
        }
        return new Waiting(Waiting.Kind.SESSIONS, List.of(new Waiting.Item(att.exceptionsTitle(), detail, url)), null);
    }
}
