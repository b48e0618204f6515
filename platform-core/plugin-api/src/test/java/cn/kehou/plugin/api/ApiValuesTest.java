package cn.kehou.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiValuesTest {

    private static final Reason WHY = new Reason("WINDOW_TOO_LONG", "每天不超过2小时", "at most 2 hours a day", "004 §三(三)");

    @Test
    void a_refusal_without_a_reason_is_a_programming_error() {
        assertThatThrownBy(() -> new Decision(false, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuse_if_any_allows_only_when_nothing_was_broken() {
        assertThat(Decision.refuseIfAny(List.of()).allowed()).isTrue();
        assertThat(Decision.refuseIfAny(List.of(WHY)).refused()).isTrue();
        assertThat(Decision.allow().and(Decision.refuse(WHY))).isEqualTo(Decision.refuse(WHY));
    }

    @Test
    void reason_codes_are_upper_snake() {
        assertThatThrownBy(() -> new Reason("tooLong", "x", "x", "004")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void money_converts_yuan_and_fen_exactly() {
        assertThat(Money.fenOf("200")).isEqualTo(20000);
        assertThat(Money.fenOf("200.01")).isEqualTo(20001);
        assertThat(Money.yuan(20001)).isEqualTo("200.01");
        assertThat(Money.yuan(5)).isEqualTo("0.05");
        assertThatThrownBy(() -> Money.fenOf("200.001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.fenOf("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.fenOf("2E2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schema_overlays_tenant_values_on_the_seed_defaults() {
        ConfigSchema schema = ConfigSchema.of(
                new ConfigKey("window.maxMinutes", ConfigType.INTEGER, "120", "每天最长分钟数", "004 §三(三)"),
                new ConfigKey("window.days", ConfigType.DAYS_OF_WEEK, "MONDAY,FRIDAY", "服务日", "004 §三(三)"),
                new ConfigKey("season.from", ConfigType.MONTH_DAY, "05-01", "夏令时段开始", "000 §三(二)"),
                new ConfigKey("fee.cap", ConfigType.MONEY, "200.00", "收费上限", "004 §四(五)"),
                new ConfigKey("fee.localRate", ConfigType.MONEY, null, "当地原收费标准", "000 §六(一)1"));

        PluginConfig config = schema.effective(Map.of("window.maxMinutes", "90"));

        assertThat(config.integer("window.maxMinutes")).isEqualTo(90);
        assertThat(config.enums("window.days", DayOfWeek.class)).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(config.monthDay("season.from")).isEqualTo(MonthDay.of(5, 1));
        assertThat(config.money("fee.cap")).isEqualTo(20000);
        assertThat(config.has("fee.localRate")).isFalse();
        assertThatThrownBy(() -> config.money("fee.localRate")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void schema_refuses_unknown_keys_and_ill_typed_values() {
        ConfigSchema schema = ConfigSchema.of(
                new ConfigKey("end", ConfigType.TIME, "17:30", "最早结束时间", "000 §三(二)"));

        assertThat(schema.validate(Map.of("end", "half past five", "colour", "red")))
                .extracting(ConfigProblem::field).containsExactly("colour", "end");
        assertThat(schema.validate(Map.of("end", "18:00"))).isEmpty();
        assertThat(schema.effective(Map.of("end", "18:00")).time("end")).isEqualTo(LocalTime.of(18, 0));
        assertThatThrownBy(() -> schema.effective(Map.of("end", "25:00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_default_that_does_not_parse_is_caught_when_the_schema_is_written() {
        assertThatThrownBy(() -> new ConfigKey("cap", ConfigType.MONEY, "two hundred", "上限", "004 §四(五)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_fee_reduction_is_always_booked_to_someone() {
        Waiver waiver = new Waiver(Waiver.Kind.HARDSHIP_EXEMPTION, 20000, Payer.GOVERNMENT, "004 §四(五)");
        FeeDecision fee = FeeDecision.accept(20000, List.of(waiver));
        assertThat(fee.chargeFen()).isZero();

        assertThatThrownBy(() -> new FeeDecision(true, List.of(), 20000, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Waiver(Waiver.Kind.HARDSHIP_REDUCTION, 100, Payer.PARENTS, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void funds_shares_add_up_to_one_hundred_percent() {
        assertThat(FundsRoute.whole(CollectingAccount.PLATFORM_DEDICATED_ACCOUNT, FundsRoute.Recipient.SCHOOL, "000 §六(二)")
                .schoolSharePercent()).isEqualTo(100);
        assertThatThrownBy(() -> new FundsRoute(CollectingAccount.BUDGET_MANAGEMENT,
                List.of(new FundsRoute.Share(FundsRoute.Recipient.SCHOOL, 60)), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_session_ends_after_it_starts() {
        assertThat(new ServiceSession(ServiceKind.BASIC_CARE, LocalTime.of(16, 0), LocalTime.of(18, 0)).minutes()).isEqualTo(120);
        assertThatThrownBy(() -> new ServiceSession(ServiceKind.BASIC_CARE, LocalTime.of(18, 0), LocalTime.of(16, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enrollment_starts_with_the_familys_own_application() {
        assertThatThrownBy(() -> new EnrollmentTerms(List.of(EnrollmentStep.ARRANGE), EnrollmentPeriod.TERM_FIXED,
                List.of(), List.of(), false, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new StudentProfile("s1", 3, false, Set.of()).priorityGroups()).isEmpty();
    }
}
