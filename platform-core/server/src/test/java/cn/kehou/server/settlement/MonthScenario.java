package cn.kehou.server.settlement;

import cn.kehou.server.payments.PaymentsFixtures;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One month of a Yangjiang school's money, billed, paid, partly refunded and ready to settle — the
 * numbers settlement, reconciliation and the provider's statement are checked against. In the month
 * (weekday sessions, none called off, no attendance yet, so every past session counts as delivered):
 * <ul>
 *   <li>a provider's course, priced {@value #COURSE_FEN} fen a term of the month's sessions, of which
 *       the contract gives the provider 70% and the platform 30%; three children paid, the third
 *       withdrew on the third Monday and was refunded the undelivered sessions;</li>
 *   <li>the school's basic care (基础托管), {@value #CARE_FEN} fen a term, 100% the school's income
 *       (000: returned to the school in full); three children paid, the third withdrew on the second
 *       Monday and was refunded.</li>
 * </ul>
 * Every expected figure is computed here with the rules' own arithmetic (pro rata per session,
 * rounded down to the fen per line).
 */
public final class MonthScenario {

    public static final long COURSE_FEN = 30000;
    public static final long CARE_FEN = 20000;
    public static final String LINGNAN = "lingnan-science-studio";

    public final YearMonth month;
    public final SettlementFixtures.Course course;
    public final PaymentsFixtures.Service care;
    public final UUID provider;
    public final UUID school;
    public final int sessions;
    public final long providerTermFen;
    public final long platformTermFen;
    public long courseCollected;
    public long careCollected;
    public long courseRefund;
    public long careRefund;
    public long providerEarned;
    public long schoolIncome;
    public long platformLeft;

    private MonthScenario(YearMonth month, String providerCode) throws SQLException {
        this.month = month;
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        this.course = SettlementFixtures.providerCourse(SettlementFixtures.YJ, SettlementFixtures.YJ_SCHOOL, from, to, providerCode);
        this.provider = course.provider();
        this.care = SettlementFixtures.basicCare(from, to);
        this.school = SettlementFixtures.id("SELECT id FROM school WHERE code = '" + SettlementFixtures.YJ_SCHOOL + "'");
        this.sessions = weekdaysBefore(month, to.plusDays(1));
        this.providerTermFen = COURSE_FEN * 70 / 100;
        this.platformTermFen = COURSE_FEN - providerTermFen;
    }

    /** The month's money, with the provider {@code providerCode} (a new one when null). */
    public static MonthScenario build(YearMonth month, String providerCode) throws SQLException {
        MonthScenario m = new MonthScenario(month, providerCode);
        OffsetDateTime paid = paidOn(month.atDay(2));
        Map<String, Long> coursePayables = new LinkedHashMap<>();
        coursePayables.put("PROVIDER_PAYABLE:" + m.provider, m.providerTermFen);
        coursePayables.put("PLATFORM_PAYABLE", m.platformTermFen);
        Map<String, Long> carePayables = Map.of("SCHOOL_PAYABLE:" + m.school, CARE_FEN);

        SettlementFixtures.Billed lastCourse = null;
        SettlementFixtures.Billed lastCare = null;
        for (int i = 0; i < 3; i++) {
            lastCourse = SettlementFixtures.billed(m.course.service(), "QUALITY_COURSE", "yj-parent", COURSE_FEN, coursePayables,
                    m.sessions, paid);
            lastCare = SettlementFixtures.billed(m.care, "BASIC_CARE", "yj-parent", CARE_FEN, carePayables, m.sessions, paid);
        }
        m.courseCollected = 3 * COURSE_FEN;
        m.careCollected = 3 * CARE_FEN;

        LocalDate courseOut = nthMonday(month, 3);
        int courseDelivered = weekdaysBefore(month, courseOut);
        m.courseRefund = SettlementFixtures.withdrawnAndRefunded(lastCourse, courseOut, courseDelivered, m.sessions,
                paidOn(courseOut.plusDays(1)));
        LocalDate careOut = nthMonday(month, 2);
        int careDelivered = weekdaysBefore(month, careOut);
        m.careRefund = SettlementFixtures.withdrawnAndRefunded(lastCare, careOut, careDelivered, m.sessions, paidOn(careOut.plusDays(1)));

        // The provider: every session for the two who stayed, those before the withdrawal day for the third.
        m.providerEarned = 2 * m.providerTermFen + m.providerTermFen * courseDelivered / m.sessions;
        // The school: its basic-care income in full, less what the withdrawn family was refunded.
        m.schoolIncome = 2 * CARE_FEN + CARE_FEN * careDelivered / m.sessions;
        m.platformLeft = 2 * m.platformTermFen + m.platformTermFen * courseDelivered / m.sessions;
        return m;
    }

    public long collected() {
        return courseCollected + careCollected;
    }

    public long refunded() {
        return courseRefund + careRefund;
    }

    public String period() {
        return month.toString();
    }

    static OffsetDateTime paidOn(LocalDate day) {
        return day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
    }

    static LocalDate nthMonday(YearMonth month, int n) {
        LocalDate d = month.atDay(1);
        while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        return d.plusWeeks(n - 1);
    }

    /** The month's weekdays before {@code day}: the Monday-to-Friday sessions a family had by then. */
    static int weekdaysBefore(YearMonth month, LocalDate day) {
        int n = 0;
        for (LocalDate d = month.atDay(1); d.isBefore(day) && !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }
}
