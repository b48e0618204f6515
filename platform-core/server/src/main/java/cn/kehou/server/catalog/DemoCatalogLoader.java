package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.tenancy.DescriptorLoader;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Local and test runs only ({@code kehou.demo-data=true}): a few provider courses with off-campus
 * prices, the demo providers approved by the Yangjiang and Urumqi bureaus, and a term with an
 * approved plan for every school of the region descriptors. Idempotent: what exists is left as it is (a bureau may have
 * changed it since).
 */
@ApplicationScoped
public class DemoCatalogLoader {

    private static final Logger LOG = Logger.getLogger(DemoCatalogLoader.class);

    static final String DEMO_TERM = "2026—2027学年第一学期";
    static final LocalDate TERM_START = LocalDate.of(2026, 9, 1);
    static final LocalDate TERM_END = LocalDate.of(2027, 1, 22);

    record DemoCourse(String provider, String titleZh, Set<ContentTag> tags, int gradeFrom, int gradeTo,
                      Set<DayOfWeek> days, String offCampusYuan) {
    }

    static final List<DemoCourse> COURSES = List.of(
            new DemoCourse("lingnan-science-studio", "少儿科创实验", EnumSet.of(ContentTag.SCIENCE, ContentTag.TECHNOLOGY),
                    3, 6, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), "1800.00"),
            new DemoCourse("lingnan-science-studio", "机器人编程入门", EnumSet.of(ContentTag.TECHNOLOGY),
                    4, 9, EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "2400.00"),
            new DemoCourse("tianshan-arts-sports", "民族舞蹈", EnumSet.of(ContentTag.ARTS),
                    1, 6, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "1500.00"),
            new DemoCourse("tianshan-arts-sports", "足球兴趣小组", EnumSet.of(ContentTag.SPORTS, ContentTag.INTEREST_GROUP),
                    3, 9, EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "1200.00"));

    /** Provider code → the bureau tenant that approves it in the demo, and for what. */
    static final Map<String, String> APPROVED_BY = Map.of(
            "lingnan-science-studio", "guangdong-yangjiang",
            "tianshan-arts-sports", "xinjiang-urumqi");

    @Inject
    TenantScope scope;
    @Inject
    DescriptorLoader descriptors;

    @ConfigProperty(name = "kehou.demo-data", defaultValue = "false")
    boolean demoData;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (demoData) {
            LOG.infof("demo catalog rows written: %d", loadDemo());
        }
    }

    /** @return how many rows were new (0 on a second run). */
    public int loadDemo() {
        int written = 0;
        for (DemoCourse c : COURSES) {
            written += QuarkusTransaction.requiringNew().call(() -> course(c)) ? 1 : 0;
        }
        for (Map.Entry<String, String> e : APPROVED_BY.entrySet()) {
            Tenant bureau = QuarkusTransaction.requiringNew().call(() -> Tenant.byCode(e.getValue()).orElse(null));
            if (bureau != null) {
                written += scope.callAs(bureau, false, () -> approval(bureau, e.getKey())) ? 1 : 0;
            }
        }
        // The schools of the region descriptors only: a school added later gets its terms from its own staff.
        for (JsonNode region : descriptors.readTree(DescriptorLoader.ROOT + "index.json").get("regions")) {
            for (JsonNode school : descriptors.readTree(DescriptorLoader.ROOT + region.asText() + "/tenant.json").path("schools")) {
                String code = school.get("code").asText();
                Tenant owner = QuarkusTransaction.requiringNew().call(() -> Tenant.byCode(school.get("tenant").asText()).orElse(null));
                if (owner != null) {
                    written += scope.callAs(owner, false, () -> termAndPlan(owner, code));
                }
            }
        }
        return written;
    }

    private static boolean course(DemoCourse c) {
        Provider p = Provider.byCode(c.provider()).orElse(null);
        UUID id = UUID.nameUUIDFromBytes(("kehou-demo-course:" + c.provider() + ":" + c.titleZh()).getBytes(StandardCharsets.UTF_8));
        if (p == null || ProviderCourse.findByIdOptional(id).isPresent()) {
            return false;
        }
        ProviderCourse course = new ProviderCourse();
        course.id = id;
        course.providerId = p.id;
        course.titleZh = c.titleZh();
        course.tags = Enums.names(c.tags());
        course.gradeFrom = c.gradeFrom();
        course.gradeTo = c.gradeTo();
        course.days = Enums.names(c.days());
        course.offCampusFen = Money.fenOf(c.offCampusYuan());
        course.createdBy = "demo-data";
        course.persist();
        return true;
    }

    private static boolean approval(Tenant bureau, String providerCode) {
        Provider p = Provider.byCode(providerCode).orElse(null);
        if (p == null || ProviderApproval.count("tenantId = ?1 and providerId = ?2", bureau.id, p.id) > 0) {
            return false;
        }
        ProviderApproval a = new ProviderApproval();
        a.id = UUID.nameUUIDFromBytes(("kehou-demo-approval:" + bureau.code + ":" + providerCode).getBytes(StandardCharsets.UTF_8));
        a.tenantId = bureau.id;
        a.providerId = p.id;
        a.scope = Enums.names(EnumSet.of(ServiceKind.QUALITY_COURSE, ServiceKind.HOLIDAY_CARE));
        a.validFrom = LocalDate.of(2026, 1, 1);
        a.validTo = LocalDate.of(2028, 12, 31);
        a.status = ProviderApproval.Status.APPROVED;
        a.statusOn = a.validFrom;
        a.decidedBy = "demo-data";
        a.persist();
        return true;
    }

    private static int termAndPlan(Tenant tenant, String schoolCode) {
        School school = School.<School>find("code", schoolCode).firstResult();
        if (school == null || SchoolTerm.count("schoolId = ?1 and name = ?2", school.id, DEMO_TERM) > 0) {
            return 0;
        }
        SchoolTerm t = new SchoolTerm();
        t.id = UUID.nameUUIDFromBytes(("kehou-demo-term:" + school.code + ":" + DEMO_TERM).getBytes(StandardCharsets.UTF_8));
        t.tenantId = tenant.id;
        t.schoolId = school.id;
        t.name = DEMO_TERM;
        t.startsOn = TERM_START;
        t.endsOn = TERM_END;
        t.holidays = List.of(Map.of("name", "国庆节", "from", "2026-10-01", "to", "2026-10-07"));
        t.normalDismissal = school.normalDismissal;
        t.periodMinutes = school.periodMinutes;
        t.createdBy = "demo-data";
        t.persist();
        ServicePlan p = new ServicePlan();
        p.termId = t.id;
        p.tenantId = tenant.id;
        p.schoolId = school.id;
        p.organisation = "校长为第一责任人，分管副校长具体负责，年级组长和班主任组织实施";
        p.content = "基础托管（自主阅读、完成作业、答疑）与非学科类素质拓展课程";
        p.times = "周一至周五下午放学后，按本地区规定时间结束";
        p.venues = "各班教室、图书室、运动场";
        p.staffing = "本校教师为主，经教育局备案审核的第三方机构人员为辅";
        p.safeguards = "考勤、巡查、交接班和应急预案；家长接送登记";
        p.timetable = "第一时段：作业辅导；第二时段：素质拓展";
        p.status = ServicePlan.Status.APPROVED;
        p.filedOn = LocalDate.of(2026, 8, 20);
        p.decidedOn = LocalDate.of(2026, 8, 25);
        p.decidedBy = "demo-data";
        p.updatedBy = "demo-data";
        p.persist();
        return 2;
    }
}
