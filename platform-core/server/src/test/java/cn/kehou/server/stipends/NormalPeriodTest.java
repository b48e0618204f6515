package cn.kehou.server.stipends;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.tenancy.School;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normal period a session counts in (001 §五(二)4: 以…正常课时为基础计算，不得随意调整课时): the
 * region's configured length where its plugin config sets one (Jiangbei's tenant.json sets
 * fee.primaryPeriodMinutes 40 and fee.juniorPeriodMinutes 45), else the school term's own.
 */
class NormalPeriodTest {

    static final RegionPolicies.Resolution JIANGBEI = new RegionPolicies.Resolution("chongqing-jiangbei", "chongqing-jiangbei", "1",
            "chongqing-jiangbei", Map.of(NormalPeriod.PRIMARY, new RegionPolicies.ConfigValue("40", "chongqing-jiangbei"),
            NormalPeriod.JUNIOR, new RegionPolicies.ConfigValue("45", "chongqing-jiangbei")), null);
    static final RegionPolicies.Resolution NO_SETTING = new RegionPolicies.Resolution("guangdong-yangjiang-jiangcheng",
            "guangdong-yangjiang", "1", "guangdong-yangjiang", Map.of(), null);

    static School school(School.SchoolLevel level) {
        School s = new School();
        s.level = level;
        return s;
    }

    static SchoolTerm term(int minutes) {
        SchoolTerm t = new SchoolTerm();
        t.periodMinutes = minutes;
        return t;
    }

    static OfferedService service(ServiceKind kind, String start, String end) {
        OfferedService s = new OfferedService();
        s.kind = kind;
        s.start = LocalTime.parse(start);
        s.end = LocalTime.parse(end);
        return s;
    }

    @Test
    void jiangbei_counts_a_junior_school_in_its_45_minute_period_whatever_the_term_says() {
        OfferedService ninety = service(ServiceKind.BASIC_CARE, "16:30", "18:00");
        NormalPeriod p = NormalPeriod.of(JIANGBEI, school(School.SchoolLevel.JUNIOR), term(40), ninety);
        assertThat(p.minutes()).isEqualTo(45);
        assertThat(p.periodsIn(ninety)).isEqualTo(2);
    }

    @Test
    void a_nine_year_school_counts_in_the_longer_period_so_never_more_periods() {
        OfferedService ninety = service(ServiceKind.BASIC_CARE, "16:30", "18:00");
        NormalPeriod p = NormalPeriod.of(JIANGBEI, school(School.SchoolLevel.NINE_YEAR), term(40), ninety);
        assertThat(p.minutes()).isEqualTo(45);
        assertThat(p.periodsIn(ninety)).isEqualTo(2);
    }

    @Test
    void without_a_regional_setting_the_terms_period_counts_and_a_part_period_is_not_rounded_up() {
        OfferedService seventy = service(ServiceKind.BASIC_CARE, "16:10", "17:20");
        NormalPeriod p = NormalPeriod.of(NO_SETTING, school(School.SchoolLevel.PRIMARY), term(40), seventy);
        assertThat(p.minutes()).isEqualTo(40);
        assertThat(p.periodsIn(seventy)).isEqualTo(1);
    }
}
