package cn.kehou.plugins.jiangbei;

import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.MONDAY;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.SATURDAY;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.TERM_START;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.beibinPrimary;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.ctx;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.ctxWithSeedDefaultsOnly;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.guojiatuoPrimary;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.jiangbeichengJunior;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.juniorDismissedAt;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.primaryIn;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.urbanNineYear;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.urbanTwinOfYuzui;
import static cn.kehou.plugins.jiangbei.JiangbeiFixtures.yuzuiPrimary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.ComplianceDuty;
import cn.kehou.plugin.api.ComplianceDuty.Recurrence;
import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentPeriod;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportTable;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.StudentProfile;
import cn.kehou.plugin.api.WindowRules;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Seed 001's own numbers, towns and dates; RULES.md maps each rule to these methods. */
class JiangbeiRulesTest {

    private final JiangbeiServiceWindow window = new JiangbeiServiceWindow();
    private final JiangbeiFees fees = new JiangbeiFees();
    private final JiangbeiFundsFlow funds = new JiangbeiFundsFlow();
    private final JiangbeiEnrollment enrollment = new JiangbeiEnrollment();
    private final JiangbeiCompliance compliance = new JiangbeiCompliance();
    private final JiangbeiReports reports = new JiangbeiReports();

    private static ServiceSession session(ServiceKind kind, String start, String end) {
        return new ServiceSession(kind, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static ServiceSession afterSchool(String start, String end) {
        return session(ServiceKind.BASIC_CARE, start, end);
    }

    private static List<String> codes(Decision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    private static FeeRequest fee(ServiceKind kind, long fen, int dailyMinutes) {
        return new FeeRequest(kind, fen, dailyMinutes, Set.of(), false, null, null);
    }

    private static FeeRequest providerFee(long fen, int dailyMinutes) {
        return new FeeRequest(ServiceKind.QUALITY_COURSE, fen, dailyMinutes, Set.of(), true, null, null);
    }

    private static CourseContent course(ServiceKind kind, boolean provider, ContentTag... tags) {
        return new CourseContent(kind, "课程", Set.of(tags), 1, 6, provider);
    }

    private static CourseContent course(ContentTag... tags) {
        return course(ServiceKind.BASIC_CARE, false, tags);
    }

    @Nested
    class Window {

        @Test
        void an_urban_primary_schools_one_and_a_half_hour_day_is_refused() {
            Decision decision = window.check(ctx(MONDAY, beibinPrimary()), afterSchool("16:00", "17:30"));
            assertThat(codes(decision)).containsExactly("WINDOW_TOO_SHORT");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("001 §三(一)");
        }

        @Test
        void an_urban_primary_schools_two_hour_day_ending_1730_is_accepted() {
            assertThat(window.check(ctx(MONDAY, beibinPrimary()), afterSchool("15:30", "17:30"))).isEqualTo(Decision.allow());
        }

        @Test
        void a_school_in_yuzui_ending_before_1730_with_a_two_hour_day_is_accepted() {
            Decision decision = window.check(ctx(MONDAY, yuzuiPrimary()), afterSchool("15:20", "17:20"));
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("WINDOW_RURAL_TOWN_OWN_END_TIME");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("001 §三(一)");
        }

        @Test
        void the_same_times_at_an_urban_school_are_refused() {
            Decision decision = window.check(ctx(MONDAY, urbanTwinOfYuzui()), afterSchool("15:20", "17:20"));
            assertThat(codes(decision)).containsExactly("WINDOW_ENDS_TOO_EARLY", "WINDOW_ENDS_BEFORE_OFF_WORK");
            assertThat(decision.reasons()).extracting(Reason::citation).containsOnly("001 §三(一)");
        }

        @Test
        void a_rural_town_school_still_needs_two_hours() {
            assertThat(codes(window.check(ctx(MONDAY, yuzuiPrimary()), afterSchool("15:20", "16:50"))))
                    .containsExactly("WINDOW_TOO_SHORT");
            assertThat(codes(window.check(ctx(MONDAY, guojiatuoPrimary()), afterSchool("15:30", "17:00"))))
                    .containsExactly("WINDOW_TOO_SHORT");
        }

        @Test
        void the_rural_town_list_accepts_names_with_or_without_their_suffix() {
            ServiceSession early = afterSchool("15:20", "17:20");
            assertThat(window.check(ctx(MONDAY, primaryIn("鱼嘴镇")), early).allowed()).isTrue();
            assertThat(window.check(ctx(MONDAY, primaryIn("郭家沱街道")), early).allowed()).isTrue();
            assertThat(window.check(ctx(MONDAY, primaryIn("五宝镇")), early).allowed()).isTrue();
            var listedWithSuffix = Map.of(JiangbeiConfig.RURAL_TOWNS, "鱼嘴镇,郭家沱街道");
            assertThat(window.check(ctx(MONDAY, yuzuiPrimary(), listedWithSuffix), early).allowed()).isTrue();
            // 复兴 is not 复盛: a town outside the list keeps the primary end time (but is not urban)
            assertThat(codes(window.check(ctx(MONDAY, primaryIn("复兴镇")), early))).containsExactly("WINDOW_ENDS_TOO_EARLY");
        }

        @Test
        void a_district_may_list_its_towns_through_config() {
            var onlyYuzui = Map.of(JiangbeiConfig.RURAL_TOWNS, "鱼嘴");
            assertThat(window.check(ctx(MONDAY, yuzuiPrimary(), onlyYuzui), afterSchool("15:20", "17:20")).allowed()).isTrue();
            assertThat(codes(window.check(ctx(MONDAY, guojiatuoPrimary(), onlyYuzui), afterSchool("15:30", "17:30"))))
                    .isEmpty();
            assertThat(codes(window.check(ctx(MONDAY, guojiatuoPrimary(), onlyYuzui), afterSchool("15:30", "17:20"))))
                    .containsExactly("WINDOW_TOO_SHORT", "WINDOW_ENDS_TOO_EARLY");
        }

        @Test
        void a_junior_high_ending_1800_after_two_hours_is_refused_and_ending_1830_accepted() {
            SchoolProfile junior = juniorDismissedAt(LocalTime.of(16, 0));
            Decision at1800 = window.check(ctx(MONDAY, junior), afterSchool("16:00", "18:00"));
            assertThat(codes(at1800)).containsExactly("WINDOW_ENDS_TOO_EARLY");
            assertThat(at1800.reasons().get(0).messageEn()).contains("18:30");
            assertThat(window.check(ctx(MONDAY, junior), afterSchool("16:00", "18:30"))).isEqualTo(Decision.allow());
            assertThat(window.check(ctx(MONDAY, jiangbeichengJunior()), afterSchool("16:30", "18:30")).allowed()).isTrue();
        }

        @Test
        void a_nine_year_school_ends_no_earlier_than_the_primary_time_with_a_note_for_its_junior_section() {
            assertThat(codes(window.check(ctx(MONDAY, urbanNineYear()), afterSchool("15:20", "17:20"))))
                    .containsExactly("WINDOW_ENDS_TOO_EARLY", "WINDOW_ENDS_BEFORE_OFF_WORK");
            Decision at1740 = window.check(ctx(MONDAY, urbanNineYear()), afterSchool("15:20", "17:40"));
            assertThat(at1740.allowed()).isTrue();
            assertThat(codes(at1740)).containsExactly("WINDOW_JUNIOR_SECTION_ENDS_LATER");
            assertThat(window.check(ctx(MONDAY, urbanNineYear()), afterSchool("15:20", "18:30"))).isEqualTo(Decision.allow());
        }

        @Test
        void a_district_may_raise_the_off_work_time_through_config() {
            var at1800 = Map.of(JiangbeiConfig.OFF_WORK_TIME, "18:00");
            assertThat(codes(window.check(ctx(MONDAY, beibinPrimary(), at1800), afterSchool("15:30", "17:30"))))
                    .containsExactly("WINDOW_ENDS_BEFORE_OFF_WORK");
            assertThat(window.rulesFor(ctx(MONDAY, beibinPrimary(), at1800), ServiceKind.BASIC_CARE).earliestEnd())
                    .isEqualTo(LocalTime.of(18, 0));
            // off-work time binds urban schools only
            assertThat(window.check(ctx(MONDAY, primaryIn("复兴镇"), at1800), afterSchool("15:30", "17:30")).allowed()).isTrue();
            assertThat(window.check(ctx(MONDAY, yuzuiPrimary(), at1800), afterSchool("15:20", "17:20")).allowed()).isTrue();
        }

        @Test
        void a_saturday_session_is_refused() {
            Decision decision = window.check(ctx(SATURDAY, beibinPrimary()), afterSchool("15:30", "17:30"));
            assertThat(codes(decision)).containsExactly("WINDOW_DAY_NOT_ALLOWED");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("001 §三(一)");
        }

        @Test
        void a_session_starting_before_normal_dismissal_is_refused() {
            Decision decision = window.check(ctx(MONDAY, beibinPrimary()), afterSchool("15:00", "17:30"));
            assertThat(codes(decision)).containsExactly("WINDOW_STARTS_BEFORE_DISMISSAL");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("001 §五(二)3");
        }

        @Test
        void every_broken_rule_is_reported_not_just_the_first() {
            assertThat(codes(window.check(ctx(SATURDAY, beibinPrimary()), afterSchool("15:00", "16:30"))))
                    .containsExactly("WINDOW_DAY_NOT_ALLOWED", "WINDOW_STARTS_BEFORE_DISMISSAL", "WINDOW_TOO_SHORT",
                            "WINDOW_ENDS_TOO_EARLY", "WINDOW_ENDS_BEFORE_OFF_WORK");
        }

        @Test
        void junior_high_evening_self_study_is_accepted_and_refused_for_a_primary_school() {
            ServiceSession evening = session(ServiceKind.EVENING_SELF_STUDY, "19:00", "21:00");
            assertThat(window.check(ctx(MONDAY, jiangbeichengJunior()), evening)).isEqualTo(Decision.allow());
            assertThat(window.check(ctx(MONDAY, urbanNineYear()), evening)).isEqualTo(Decision.allow());
            Decision primary = window.check(ctx(MONDAY, beibinPrimary()), evening);
            assertThat(codes(primary)).containsExactly("EVENING_STUDY_JUNIOR_ONLY");
            assertThat(primary.reasons().get(0).citation()).isEqualTo("001 §三(一)");
            assertThat(window.rulesFor(ctx(MONDAY, beibinPrimary()), ServiceKind.EVENING_SELF_STUDY).offered()).isFalse();
            assertThat(window.rulesFor(ctx(MONDAY, jiangbeichengJunior()), ServiceKind.EVENING_SELF_STUDY).offered()).isTrue();
        }

        @Test
        void evening_self_study_on_a_saturday_is_refused() {
            assertThat(codes(window.check(ctx(SATURDAY, jiangbeichengJunior()),
                    session(ServiceKind.EVENING_SELF_STUDY, "19:00", "21:00")))).containsExactly("WINDOW_DAY_NOT_ALLOWED");
        }

        @Test
        void extended_care_has_flexible_departure() {
            assertThat(window.check(ctx(MONDAY, beibinPrimary()), session(ServiceKind.EXTENDED_CARE, "17:30", "17:50")))
                    .isEqualTo(Decision.allow());
            assertThat(codes(window.check(ctx(MONDAY, beibinPrimary()), session(ServiceKind.EXTENDED_CARE, "15:00", "18:30"))))
                    .containsExactly("WINDOW_STARTS_BEFORE_DISMISSAL");
            WindowRules rules = window.rulesFor(ctx(MONDAY, beibinPrimary()), ServiceKind.EXTENDED_CARE);
            assertThat(rules.minMinutes()).isZero();
            assertThat(rules.earliestEnd()).isNull();
            assertThat(rules.startsAfterDismissal()).isTrue();
        }

        @Test
        void a_quality_course_inside_the_after_school_window_needs_no_length_of_its_own() {
            assertThat(window.check(ctx(MONDAY, beibinPrimary()), session(ServiceKind.QUALITY_COURSE, "16:30", "17:30")))
                    .isEqualTo(Decision.allow());
        }

        @Test
        void noon_and_holiday_care_are_not_offered() {
            Decision noon = window.check(ctx(MONDAY, beibinPrimary()), session(ServiceKind.NOON_CARE, "12:00", "14:00"));
            assertThat(codes(noon)).containsExactly("SERVICE_KIND_NOT_OFFERED");
            assertThat(window.rulesFor(ctx(MONDAY), ServiceKind.HOLIDAY_CARE).offered()).isFalse();
            var holidays = new JiangbeiHolidayCare().rules(ctx(MONDAY));
            assertThat(holidays.holidays()).isFalse();
            assertThat(holidays.weekends()).isFalse();
            assertThat(holidays.citation()).isEqualTo("001 §三(一)");
        }

        @Test
        void window_rules_explain_five_days_two_hours_two_periods_and_the_end_time() {
            WindowRules primary = window.rulesFor(ctx(MONDAY, beibinPrimary()), ServiceKind.BASIC_CARE);
            assertThat(primary.days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            assertThat(primary.minMinutes()).isEqualTo(120);
            assertThat(primary.maxMinutes()).isNull();
            assertThat(primary.countedPeriods()).isEqualTo(2);
            assertThat(primary.startsAfterDismissal()).isTrue();
            assertThat(primary.earliestEnd()).isEqualTo(LocalTime.of(17, 30));
            assertThat(primary.citations()).contains("001 §三(一)", "001 §三(四)");
            assertThat(window.rulesFor(ctx(MONDAY, jiangbeichengJunior()), ServiceKind.BASIC_CARE).earliestEnd())
                    .isEqualTo(LocalTime.of(18, 30));
            WindowRules yuzui = window.rulesFor(ctx(MONDAY, yuzuiPrimary()), ServiceKind.BASIC_CARE);
            assertThat(yuzui.earliestEnd()).isNull();
            assertThat(yuzui.minMinutes()).isEqualTo(120);
            PolicyContext tenantLevel = new PolicyContext("chongqing-jiangbei", null, MONDAY, JiangbeiConfig.SCHEMA.defaults());
            assertThat(window.rulesFor(tenantLevel, ServiceKind.BASIC_CARE).earliestEnd()).isNull();
        }
    }

    @Nested
    class Fees {

        @Test
        void fees_cannot_be_charged_until_the_district_sets_its_rate() {
            FeeDecision decision = fees.price(ctxWithSeedDefaultsOnly(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 30000, 120));
            assertThat(codes(decision.decision())).containsExactly("FEE_RATE_NOT_SET", "FEE_PERIOD_LENGTH_NOT_SET");
            assertThat(decision.reasons()).extracting(Reason::citation).containsExactly("001 §五(二)3", "001 §五(二)4");
            assertThat(fees.price(ctxWithSeedDefaultsOnly(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 0, 120)).allowed())
                    .isTrue();
        }

        @Test
        void a_two_hour_day_is_billed_as_two_normal_periods_not_three() {
            // 120 minutes hold three 40-minute periods, but the day is arranged as two (001 §三(四))
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 30000, 120)).chargeFen()).isEqualTo(30000);
            FeeDecision three = fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 45000, 120));
            assertThat(codes(three.decision())).containsExactly("FEE_ABOVE_PERIOD_RATE");
            assertThat(three.reasons().get(0).citation()).isEqualTo("001 §五(二)4");
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 30001, 120)).allowed()).isFalse();
        }

        @Test
        void a_day_shorter_than_two_periods_is_billed_for_whole_periods_only() {
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 15000, 79)).allowed()).isTrue();
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 15001, 79)).allowed()).isFalse();
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 1, 39)).allowed()).isFalse();
        }

        @Test
        void a_junior_high_counts_in_its_own_45_minute_period() {
            // 80 minutes: two 40-minute periods at a primary school, one 45-minute period at a junior high
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.BASIC_CARE, 30000, 80)).allowed()).isTrue();
            assertThat(fees.price(ctx(MONDAY, jiangbeichengJunior()), fee(ServiceKind.BASIC_CARE, 30000, 80)).allowed()).isFalse();
            assertThat(fees.price(ctx(MONDAY, jiangbeichengJunior()), fee(ServiceKind.BASIC_CARE, 15000, 80)).allowed()).isTrue();
            // a nine-year school counts in the longer period, so never more periods than either section
            assertThat(fees.price(ctx(MONDAY, urbanNineYear()), fee(ServiceKind.BASIC_CARE, 30000, 80)).allowed()).isFalse();
        }

        @Test
        void evening_self_study_and_extended_care_count_plain_normal_periods() {
            assertThat(fees.price(ctx(MONDAY, jiangbeichengJunior()), fee(ServiceKind.EVENING_SELF_STUDY, 45000, 135)).allowed())
                    .isTrue();
            assertThat(fees.price(ctx(MONDAY, jiangbeichengJunior()), fee(ServiceKind.EVENING_SELF_STUDY, 45001, 135)).allowed())
                    .isFalse();
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.EXTENDED_CARE, 15000, 60)).allowed()).isTrue();
            assertThat(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.EXTENDED_CARE, 15001, 60)).allowed()).isFalse();
            assertThat(codes(fees.price(ctx(MONDAY, beibinPrimary()), fee(ServiceKind.EVENING_SELF_STUDY, 100, 120)).decision()))
                    .containsExactly("EVENING_STUDY_JUNIOR_ONLY");
        }

        @Test
        void the_seed_names_no_fee_reduction_or_recosting_cycle() {
            var registeredPoor = new FeeRequest(ServiceKind.BASIC_CARE, 30000, 120, Set.of(PriorityGroup.REGISTERED_POOR),
                    false, null, null);
            FeeDecision decision = fees.price(ctx(MONDAY), registeredPoor);
            assertThat(decision.waivers()).isEmpty();
            assertThat(decision.chargeFen()).isEqualTo(30000);
            assertThat(fees.recostingInterval(ctx(MONDAY))).isEqualTo(Optional.empty());
        }

        @Test
        void a_district_funding_by_subsidy_only_charges_nothing() {
            var subsidyOnly = Map.of(JiangbeiConfig.FEE_FUNDING_MODES, "FISCAL_SUBSIDY");
            FeeDecision decision = fees.price(ctx(MONDAY, beibinPrimary(), subsidyOnly), fee(ServiceKind.BASIC_CARE, 10000, 120));
            assertThat(codes(decision.decision())).containsExactly("FEE_FUNDING_MODE_NOT_USED");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("001 §四(三)");
            assertThat(fees.price(ctx(MONDAY, beibinPrimary(), subsidyOnly), fee(ServiceKind.BASIC_CARE, 0, 120)).allowed()).isTrue();
            assertThat(enrollment.terms(ctx(MONDAY, beibinPrimary(), subsidyOnly)).steps())
                    .containsExactly(EnrollmentStep.APPLY, EnrollmentStep.SIGN_AGREEMENT);
        }

        @Test
        void a_provider_course_may_be_collected_on_behalf_without_service_fees() {
            for (String modes : List.of("FISCAL_SUBSIDY,COLLECTION_ON_BEHALF", "财政补贴,代收费")) {
                PolicyContext onBehalf = ctx(MONDAY, beibinPrimary(), Map.of(JiangbeiConfig.FEE_FUNDING_MODES, modes));
                assertThat(fees.price(onBehalf, providerFee(15000, 60)).allowed()).as(modes).isTrue();
                assertThat(codes(fees.price(onBehalf, fee(ServiceKind.QUALITY_COURSE, 15000, 60)).decision())).as(modes)
                        .containsExactly("FEE_FUNDING_MODE_NOT_USED");
            }
        }

        @Test
        void own_service_fees_stay_with_the_school_and_provider_fees_collected_on_behalf_pass_on() {
            FundsRoute own = funds.route(ctx(MONDAY), ServiceKind.BASIC_CARE, false);
            assertThat(own.account()).isEqualTo(CollectingAccount.SCHOOL_FINANCE_ACCOUNT);
            assertThat(own.schoolSharePercent()).isEqualTo(100);
            assertThat(own.citation()).isEqualTo("001 §四(三)");
            assertThat(funds.route(ctx(MONDAY), ServiceKind.QUALITY_COURSE, true).percentFor(FundsRoute.Recipient.PROVIDER))
                    .isEqualTo(100);
            var noOnBehalf = ctx(MONDAY, beibinPrimary(), Map.of(JiangbeiConfig.FEE_FUNDING_MODES, "SERVICE_FEE"));
            assertThat(funds.route(noOnBehalf, ServiceKind.QUALITY_COURSE, true).schoolSharePercent()).isEqualTo(100);
        }

        @Test
        void sessions_not_delivered_are_refunded_pro_rata() {
            assertThat(funds.refund(ctx(MONDAY), new RefundRequest(ServiceKind.BASIC_CARE, 30000, 80, 20))).isEqualTo(22500);
            assertThat(funds.refund(ctx(MONDAY), new RefundRequest(ServiceKind.BASIC_CARE, 10000, 3, 1))).isEqualTo(6667);
            assertThat(funds.refund(ctx(MONDAY), new RefundRequest(ServiceKind.BASIC_CARE, 30000, 80, 80))).isZero();
        }

        @Test
        void charging_needs_time_fees_and_content_published_first() {
            assertThat(fees.publicationRequirements(ctx(MONDAY))).extracting(PublicationRequirement::item)
                    .containsExactly(PublicationItem.SERVICE_TIME, PublicationItem.FEE_AMOUNT, PublicationItem.SERVICE_CONTENT);
            assertThat(fees.publicationRequirements(ctx(MONDAY))).extracting(PublicationRequirement::citation)
                    .containsOnly("001 §五(三)2");
            Decision nothing = compliance.checkFeePublication(ctx(MONDAY), Set.of());
            assertThat(codes(nothing)).containsExactly("FEE_NOT_PUBLISHED");
            assertThat(nothing.reasons().get(0).citation()).isEqualTo("001 §五(三)2");
            assertThat(compliance.checkFeePublication(ctx(MONDAY),
                    Set.of(PublicationItem.SERVICE_TIME, PublicationItem.FEE_AMOUNT, PublicationItem.SERVICE_CONTENT)).allowed())
                    .isTrue();
        }
    }

    @Nested
    class Enrollment {

        @Test
        void enrollment_starts_with_the_familys_own_application_and_a_signed_agreement() {
            var terms = enrollment.terms(ctx(MONDAY));
            assertThat(terms.steps()).containsExactly(EnrollmentStep.APPLY, EnrollmentStep.SIGN_AGREEMENT, EnrollmentStep.PAY);
            assertThat(terms.period()).isEqualTo(EnrollmentPeriod.TERM_RENEWED);
            assertThat(terms.documents()).singleElement().satisfies(agreement -> {
                assertThat(agreement.code()).isEqualTo("SERVICE_AGREEMENT");
                assertThat(agreement.titleZh()).contains("管理制度", "具体内容", "服务形式", "接送学生时间");
                assertThat(agreement.citation()).isEqualTo("001 §五(二)2");
            });
            assertThat(terms.citations()).contains("001 §二(三)");
        }

        @Test
        void the_named_priority_groups_are_guaranteed() {
            var terms = enrollment.terms(ctx(MONDAY));
            assertThat(terms.priorityGuaranteed()).isTrue();
            assertThat(terms.priorityGroups()).containsExactly(PriorityGroup.LEFT_BEHIND, PriorityGroup.MIGRANT,
                    PriorityGroup.REGISTERED_POOR, PriorityGroup.MINIMUM_ALLOWANCE, PriorityGroup.LOWER_GRADE);
            assertThat(terms.citations()).contains("001 §三(二)1");
        }

        @Test
        void every_student_of_the_school_is_eligible_boarders_included() {
            assertThat(enrollment.eligible(ctx(MONDAY, beibinPrimary()), new StudentProfile("B3", 3, true, Set.of())))
                    .isEqualTo(Decision.allow());
            assertThat(enrollment.eligible(ctx(MONDAY, yuzuiPrimary()), new StudentProfile("Y1", 1, false, Set.of())).allowed())
                    .isTrue();
            Decision grade8 = enrollment.eligible(ctx(MONDAY, beibinPrimary()), new StudentProfile("J8", 8, false, Set.of()));
            assertThat(codes(grade8)).containsExactly("NOT_A_STUDENT_OF_THIS_SCHOOL");
            assertThat(grade8.reasons().get(0).citation()).isEqualTo("001 §三(二)1");
        }
    }

    @Nested
    class Content {

        @Test
        void new_lessons_and_collective_make_up_classes_are_refused() {
            Decision newLesson = compliance.checkContent(ctx(MONDAY), course(ContentTag.NEW_LESSON));
            assertThat(codes(newLesson)).containsExactly("CONTENT_NEW_LESSON_OR_MAKE_UP");
            assertThat(newLesson.reasons().get(0).citation()).isEqualTo("001 §三(四)");
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.COLLECTIVE_TEACHING))))
                    .containsExactly("CONTENT_NEW_LESSON_OR_MAKE_UP", "CONTENT_ACADEMIC_COLLECTIVE_TEACHING");
        }

        @Test
        void academic_or_olympiad_training_is_refused() {
            Decision decision = compliance.checkContent(ctx(MONDAY),
                    course(ServiceKind.QUALITY_COURSE, false, ContentTag.ACADEMIC_SUBJECT));
            assertThat(codes(decision)).containsExactly("CONTENT_ACADEMIC_COLLECTIVE_TEACHING");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("001 §五(二)3");
        }

        @Test
        void more_homework_is_refused() {
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.HOMEWORK, ContentTag.WRITTEN_HOMEWORK_SET))))
                    .containsExactly("CONTENT_MORE_HOMEWORK");
        }

        @Test
        void commercial_activity_and_selling_materials_are_refused() {
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.READING, ContentTag.COMMERCIAL_PROMOTION))))
                    .containsExactly("CONTENT_COMMERCIAL_ACTIVITY");
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.READING, ContentTag.MATERIAL_SALE))))
                    .containsExactly("CONTENT_COMMERCIAL_ACTIVITY");
        }

        @Test
        void a_provider_may_offer_only_non_academic_courses() {
            Decision academic = compliance.checkContent(ctx(MONDAY),
                    course(ServiceKind.QUALITY_COURSE, true, ContentTag.ACADEMIC_SUBJECT));
            assertThat(codes(academic)).containsExactly("CONTENT_ACADEMIC_COLLECTIVE_TEACHING", "PROVIDER_COURSE_ACADEMIC");
            assertThat(academic.reasons().get(1).citation()).isEqualTo("001 §三(五)");
            assertThat(compliance.checkContent(ctx(MONDAY), course(ServiceKind.QUALITY_COURSE, true, ContentTag.CLUB,
                    ContentTag.SPORTS))).isEqualTo(Decision.allow());
        }

        @Test
        void a_period_one_course_without_homework_management_gets_a_note() {
            Decision sports = compliance.checkContent(ctx(MONDAY), course(ContentTag.SPORTS));
            assertThat(sports.allowed()).isTrue();
            assertThat(codes(sports)).containsExactly("CONTENT_NOT_MAIN_FOR_PERIOD");
            assertThat(sports.reasons().get(0).citation()).isEqualTo("001 §三(四)");
            assertThat(compliance.checkContent(ctx(MONDAY), course(ContentTag.HOMEWORK, ContentTag.QUESTION_ANSWERING)))
                    .isEqualTo(Decision.allow());
        }

        @Test
        void a_period_two_course_outside_the_five_a_little_gets_a_note() {
            Decision games = compliance.checkContent(ctx(MONDAY), course(ServiceKind.QUALITY_COURSE, false, ContentTag.GAMES));
            assertThat(games.allowed()).isTrue();
            assertThat(codes(games)).containsExactly("CONTENT_NOT_MAIN_FOR_PERIOD");
            for (ContentTag fiveALittle : List.of(ContentTag.READING, ContentTag.SPORTS, ContentTag.ARTS, ContentTag.HANDCRAFT,
                    ContentTag.PRACTICE)) {
                assertThat(compliance.checkContent(ctx(MONDAY), course(ServiceKind.QUALITY_COURSE, false, fiveALittle)))
                        .as(fiveALittle.zh).isEqualTo(Decision.allow());
            }
        }

        @Test
        void evening_self_study_for_primary_grades_is_refused() {
            var gradesFiveToEight = new CourseContent(ServiceKind.EVENING_SELF_STUDY, "晚自习", Set.of(ContentTag.HOMEWORK), 5, 8, false);
            assertThat(codes(compliance.checkContent(ctx(MONDAY, urbanNineYear()), gradesFiveToEight)))
                    .containsExactly("EVENING_STUDY_JUNIOR_ONLY");
            var juniorGrades = new CourseContent(ServiceKind.EVENING_SELF_STUDY, "晚自习", Set.of(ContentTag.HOMEWORK), 7, 9, false);
            assertThat(compliance.checkContent(ctx(MONDAY, urbanNineYear()), juniorGrades)).isEqualTo(Decision.allow());
            assertThat(codes(compliance.checkContent(ctx(MONDAY, beibinPrimary()), juniorGrades)))
                    .containsExactly("EVENING_STUDY_JUNIOR_ONLY");
        }
    }

    @Nested
    class Duties {

        @Test
        void a_term_plan_filed_6_days_before_term_is_late_and_7_days_before_is_accepted() {
            Decision sixDays = compliance.checkPlanFiling(ctx(MONDAY), TERM_START, TERM_START.minusDays(6), false);
            assertThat(codes(sixDays)).containsExactly("PLAN_FILED_LATE");
            assertThat(sixDays.reasons().get(0).citation()).isEqualTo("001 §四(一)");
            assertThat(sixDays.reasons().get(0).messageZh()).contains("2026-08-25");
            assertThat(compliance.checkPlanFiling(ctx(MONDAY), TERM_START, LocalDate.of(2026, 8, 25), false))
                    .isEqualTo(Decision.allow());
            assertThat(compliance.checkPlanFiling(ctx(MONDAY), TERM_START, LocalDate.of(2026, 8, 1), true).allowed()).isTrue();
            assertThat(codes(compliance.checkPlanFiling(ctx(MONDAY), TERM_START, null, false))).containsExactly("PLAN_NOT_FILED");
        }

        @Test
        void a_district_may_change_the_filing_lead_through_config() {
            var tenDays = ctx(MONDAY, beibinPrimary(), Map.of(JiangbeiConfig.PLAN_FILING_LEAD_DAYS, "10"));
            assertThat(codes(compliance.checkPlanFiling(tenDays, TERM_START, TERM_START.minusDays(7), false)))
                    .containsExactly("PLAN_FILED_LATE");
            assertThat(compliance.checkPlanFiling(tenDays, TERM_START, TERM_START.minusDays(10), false).allowed()).isTrue();
        }

        @Test
        void the_moe_report_is_due_every_march_and_september() {
            assertThat(compliance.duties(ctx(MONDAY))).filteredOn(d -> d.code().equals("MOE_DIRECT_REPORT")).singleElement()
                    .satisfies(duty -> {
                        assertThat(duty.recurrence()).isEqualTo(Recurrence.YEARLY);
                        assertThat(duty.months()).containsExactlyInAnyOrder(Month.MARCH, Month.SEPTEMBER);
                        assertThat(duty.citation()).isEqualTo("001 §四(一)");
                    });
            var other = ctx(MONDAY, beibinPrimary(), Map.of(JiangbeiConfig.MOE_REPORT_MONTHS, "4月, OCTOBER"));
            assertThat(compliance.duties(other)).filteredOn(d -> d.code().equals("MOE_DIRECT_REPORT"))
                    .flatExtracting(ComplianceDuty::months).containsExactlyInAnyOrder(Month.APRIL, Month.OCTOBER);
            var wrong = ctx(MONDAY, beibinPrimary(), Map.of(JiangbeiConfig.MOE_REPORT_MONTHS, "3,13"));
            assertThatThrownBy(() -> compliance.duties(wrong)).hasMessageContaining("'13' is not a month");
        }

        @Test
        void duties_cover_filing_publication_agreement_vetting_providers_stipends_and_surveys() {
            assertThat(compliance.duties(ctx(MONDAY))).extracting(ComplianceDuty::code, ComplianceDuty::recurrence, ComplianceDuty::citation)
                    .containsExactly(
                            tuple("TERM_PLAN_FILING", Recurrence.BEFORE_TERM, "001 §四(一)"),
                            tuple("MOE_DIRECT_REPORT", Recurrence.YEARLY, "001 §四(一)"),
                            tuple("SERVICE_NOTICE", Recurrence.BEFORE_SERVICE, "001 §五(三)2"),
                            tuple("PARENT_AGREEMENT", Recurrence.BEFORE_SERVICE, "001 §五(二)2"),
                            tuple("STAFF_VETTING_FILING", Recurrence.BEFORE_SERVICE, "001 §五(二)2"),
                            tuple("PROVIDER_APPROVAL", Recurrence.BEFORE_SERVICE, "001 §三(五)"),
                            tuple("STIPEND_PUBLICATION", Recurrence.TERMLY, "001 §五(二)4"),
                            tuple("SATISFACTION_SURVEY", Recurrence.TERMLY, "001 §四(四)"));
            assertThat(compliance.duties(ctx(MONDAY))).filteredOn(d -> d.code().equals("PARENT_AGREEMENT"))
                    .extracting(ComplianceDuty::titleZh).singleElement().asString().contains("不参加课后服务的学生家长");
        }

        @Test
        void the_term_plan_timetable_lists_each_weekly_slot_once() {
            var twoMondays = List.of(
                    record(beibinPrimary(), MONDAY, ServiceKind.BASIC_CARE, "15:30", "17:30", 30),
                    record(beibinPrimary(), MONDAY.plusWeeks(1), ServiceKind.BASIC_CARE, "15:30", "17:30", 28),
                    record(yuzuiPrimary(), MONDAY.plusDays(1), ServiceKind.BASIC_CARE, "15:20", "17:20", 12),
                    record(beibinPrimary(), MONDAY.plusDays(2), ServiceKind.QUALITY_COURSE, "16:30", "17:30", 20));
            var data = new ReportDataset("chongqing-jiangbei", MONDAY, MONDAY.plusWeeks(2),
                    List.of(beibinPrimary(), yuzuiPrimary()), twoMondays, List.of());
            ReportTable table = reports.build(ctx(MONDAY), JiangbeiReports.TERM_PLAN_TIMETABLE, data);
            assertThat(table.columns()).isEqualTo(JiangbeiReports.TERM_PLAN_TIMETABLE.columnKeys());
            assertThat(table.rows()).containsExactly(
                    List.of("jiangbei-beibin-primary", "重庆市江北区北滨路小学", "星期一", "基础托管", "作业管理与素质提升", "行政班",
                            "15:30", "17:30", "120"),
                    List.of("jiangbei-beibin-primary", "重庆市江北区北滨路小学", "星期三", "素质拓展", "作业管理与素质提升", "行政班",
                            "16:30", "17:30", "60"),
                    List.of("jiangbei-yuzui-central-primary", "重庆市江北区鱼嘴镇中心小学", "星期二", "基础托管", "作业管理与素质提升",
                            "行政班", "15:20", "17:20", "120"));
            assertThat(JiangbeiReports.TERM_PLAN_TIMETABLE.citation()).isEqualTo("001 §四(一)");
        }

        @Test
        void the_moe_report_summarises_each_school() {
            var services = List.of(
                    record(beibinPrimary(), MONDAY, ServiceKind.BASIC_CARE, "15:30", "17:30", 30),
                    record(beibinPrimary(), MONDAY.plusDays(1), ServiceKind.BASIC_CARE, "15:30", "17:40", 28),
                    record(beibinPrimary(), MONDAY.plusDays(1), ServiceKind.EXTENDED_CARE, "17:40", "18:30", 5));
            var data = new ReportDataset("chongqing-jiangbei", MONDAY, MONDAY.plusWeeks(1),
                    List.of(yuzuiPrimary(), beibinPrimary()), services, List.of());
            ReportTable table = reports.build(ctx(MONDAY), JiangbeiReports.MOE_DIRECT_REPORT, data);
            assertThat(table.rows()).containsExactly(
                    List.of("jiangbei-beibin-primary", "重庆市江北区北滨路小学", "小学", "城区", "2", "63", "125", "17:40"),
                    List.of("jiangbei-yuzui-central-primary", "重庆市江北区鱼嘴镇中心小学", "小学", "鱼嘴", "0", "0", "", ""));
            assertThat(new JiangbeiReports().reports(ctx(MONDAY))).extracting(r -> r.code())
                    .containsExactly("term-plan-timetable", "moe-direct-report");
        }

        private static ReportDataset.ServiceRecord record(SchoolProfile school, LocalDate date, ServiceKind kind, String start,
                                                          String end, int participants) {
            return new ReportDataset.ServiceRecord(school.code(), date, kind, "作业管理与素质提升", "行政班",
                    LocalTime.parse(start), LocalTime.parse(end), Map.of(3, participants), Map.of());
        }
    }
}
