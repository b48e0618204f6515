package cn.kehou.server.reconciliation;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import cn.kehou.server.settlement.SettlementRun;
import cn.kehou.server.tenancy.School;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A school's monthly reconciliation (台账对账) for its finance office, on a phone and without
 * JavaScript: the platform's figure of every line next to the school's, differences marked, a form
 * to enter the school's figures (amounts in yuan) and one to confirm. Everything goes through
 * {@link ReconciliationResource}, as the API.
 */
@Path("/t/{tenant}/schools/{school}/reconciliations")
@Produces(MediaType.TEXT_HTML)
public class ReconciliationPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    PortalSession session;
    @Inject
    ReconciliationResource api;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** The page: the reconciliation, who may record, and what the form sent back (values, errors, a problem). */
    public record Page(SchoolReconciliations.View view, String base, boolean canRecord, Map<String, String> entered,
                       Map<String, String> errors, String problemTitle, String problemDetail, boolean saved) {

        public String field(int index) {
            return "f-" + index;
        }

        /** The school's figure as the form shows it: what was just typed, else the stored one. */
        public String value(SchoolReconciliations.Line l) {
            if (entered.containsKey(l.code())) {
                return entered.get(l.code());
            }
            return l.schoolValue() == null ? "" : plain(l, l.schoolValue());
        }

        /** The platform's figure as one would type it (yuan without the sign, or a count). */
        public String platformPlain(SchoolReconciliations.Line l) {
            return plain(l, l.platformValue());
        }

        public boolean invalid(SchoolReconciliations.Line l) {
            return errors.containsKey(l.code());
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || problemTitle != null;
        }

        public String platform(SchoolReconciliations.Line l) {
            return shown(l, l.platformValue());
        }

        public String school(SchoolReconciliations.Line l) {
            return l.schoolValue() == null ? "" : shown(l, l.schoolValue());
        }

        public String difference(SchoolReconciliations.Line l) {
            if (l.difference() == null) {
                return "";
            }
            String sign = l.difference() > 0 ? "+" : "";
            return sign + shown(l, l.difference());
        }

        public LineKind kind(SchoolReconciliations.Line l) {
            return LineKind.of(l.kind());
        }

        public boolean editable() {
            return canRecord && view.periodClosed();
        }

        public String when() {
            OffsetDateTime at = view.confirmedAt();
            return at == null ? "" : at.atZoneSameInstant(SettlementRun.CHINA).format(WHEN);
        }

        public int supersededVersion() {
            return view.versions().stream().filter(v -> v.id().equals(view.supersedes())).map(SchoolReconciliations.Version::version)
                    .findFirst().orElse(0);
        }

        private static String shown(SchoolReconciliations.Line l, long v) {
            return l.money() ? cn.kehou.server.portal.PortalFormat.yuan(v) : Long.toString(v);
        }

        private static String plain(SchoolReconciliations.Line l, long v) {
            return l.money() ? Money.ofFen(v).yuan() : Long.toString(v);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reconciliation(Shell shell, Page page);
    }

    /** Last month's, the one a finance office reconciles now. */
    @GET
    public Response latest(@PathParam("tenant") String code, @PathParam("school") String school, @QueryParam("period") String period) {
        session.enter(code);
        String p = period != null && !period.isBlank() ? SchoolReconciliations.period(period.strip()).toString()
                : YearMonth.now(clock.withZone(SettlementRun.CHINA)).minusMonths(1).toString();
        return Response.seeOther(URI.create(base(code, school) + "/" + p)).build();
    }

    @GET
    @Path("/{period}")
    public TemplateInstance show(@PathParam("tenant") String code, @PathParam("school") String school,
                                 @PathParam("period") String period, @QueryParam("saved") boolean saved) {
        Shell shell = session.enter(code);
        return page(shell, code, school, api.read(school, period), Map.of(), Map.of(), null, null, saved);
    }

    /** Saves the school's figures (as PUT …/school-figures); a malformed figure or a refusal is shown on the form. */
    @POST
    @Path("/{period}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enter(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("period") String period,
                          @HeaderParam("HX-Request") String htmx, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(code);
        SchoolReconciliations.View view = api.read(school, period);
        Map<String, String> entered = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Long> figures = new LinkedHashMap<>();
        List<SchoolReconciliations.Line> lines = view.lines();
        for (int i = 0; i < lines.size(); i++) {
            SchoolReconciliations.Line l = lines.get(i);
            String v = form.getFirst("f-" + i);
            if (v == null || v.isBlank()) {
                continue;
            }
            v = v.strip().replace(",", "").replace("¥", "");
            entered.put(l.code(), v);
            try {
                long value = l.money() ? Money.ofYuan(v).fen() : Long.parseLong(v);
                if (value < 0) {
                    throw new NumberFormatException(v);
                }
                figures.put(l.code(), value);
            } catch (IllegalArgumentException | ArithmeticException e) {
                errors.put(l.code(), "invalid");
            }
        }
        String note = form.getFirst("note");
        if (!errors.isEmpty()) {
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(shell, code, school, view, entered, errors, null, null, false)).build();
        }
        try {
            api.enter(school, period, new ReconciliationResource.Figures(figures, note == null || note.isBlank() ? null : note));
        } catch (ProblemException p) {
            return refused(shell, code, school, period, entered, p);
        }
        return done(htmx, base(code, school) + "/" + period + "?saved=true");
    }

    /** Confirms (as POST …/confirm); unexplained differences or nothing to confirm are shown on the page. */
    @POST
    @Path("/{period}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("period") String period,
                            @HeaderParam("HX-Request") String htmx, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(code);
        try {
            api.confirm(school, period, new ReconciliationResource.Confirmation(form.getFirst("note")));
        } catch (ProblemException p) {
            return refused(shell, code, school, period, Map.of(), p);
        }
        return done(htmx, base(code, school) + "/" + period);
    }

    @GET
    @Path("/{period}/figures.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response csv(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("period") String period) {
        session.enter(code);
        return api.csv(school, period);
    }

    private Response refused(Shell shell, String code, String school, String period, Map<String, String> entered, ProblemException p) {
        if (p.status() == 403 || p.status() == 404 || p.status() == 400) {
            throw p;
        }
        boolean en = shell.lang().english();
        String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
        return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page(shell, code, school,
                api.read(school, period), entered, Map.of(),
                ProblemMessages.title(p.code(), en), detail, false)).build();
    }

    private TemplateInstance page(Shell shell, String code, String school, SchoolReconciliations.View view, Map<String, String> entered,
                                  Map<String, String> errors, String problemTitle, String problemDetail, boolean saved) {
        Page page = new Page(view, base(code, school), canRecord(school), entered, errors, problemTitle, problemDetail, saved);
        return Templates.reconciliation(shell, page).setLocale(shell.lang().locale());
    }

    private boolean canRecord(String schoolCode) {
        try {
            School school = QuarkusTransaction.joiningExisting().call(() -> api.school(schoolCode, "reconciliations.read"));
            caller.requireAtSchool("reconciliations.record", school.id);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private static Response done(String htmx, String target) {
        return "true".equals(htmx) ? Response.ok().header("HX-Redirect", target).build() : Response.seeOther(URI.create(target)).build();
    }

    static String base(String tenant, String school) {
        return PortalPath.PREFIX + tenant + "/schools/" + school + "/reconciliations";
    }
}
