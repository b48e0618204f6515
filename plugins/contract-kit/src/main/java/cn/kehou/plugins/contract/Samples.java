package cn.kehou.plugins.contract;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.NapChild;
import cn.kehou.plugin.api.NapRoom;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.StudentProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Representative inputs the contract runs every plugin against; plugin tests may reuse them. */
public final class Samples {

    /** New Year, the last day before and the first day of summer time (000), its end and the day after, a leap day. */
    public static final List<LocalDate> EDGE_DATES = List.of(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1), LocalDate.of(2028, 2, 29));

    public static SchoolProfile urbanPrimary() {
        return new SchoolProfile("S-URBAN-PRI", "城区实验小学", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, true, LocalTime.of(15, 40));
    }

    public static SchoolProfile ruralBoardingJunior() {
        return new SchoolProfile("S-RURAL-JUN", "镇中心初级中学", SchoolLevel.JUNIOR, false, "鱼嘴镇",
                true, false, false, null, true, LocalTime.of(16, 30));
    }

    public static SchoolProfile villageTeachingPoint() {
        return new SchoolProfile("S-VILLAGE-TP", "村小教学点", SchoolLevel.NINE_YEAR, false, "五宝镇",
                false, true, true, "S-RURAL-JUN", true, LocalTime.of(15, 0));
    }

    public static SchoolProfile privateUrbanNineYear() {
        return new SchoolProfile("S-PRIVATE-9", "民办九年一贯制学校", SchoolLevel.NINE_YEAR, true, null,
                false, false, false, null, false, LocalTime.of(16, 0));
    }

    public static List<SchoolProfile> schools() {
        return List.of(urbanPrimary(), ruralBoardingJunior(), villageTeachingPoint(), privateUrbanNineYear());
    }

    /** A few windows for one kind at one school: from dismissal, too long, until 18:30, at noon, before dismissal. */
    public static List<ServiceSession> sessions(ServiceKind kind, SchoolProfile school) {
        LocalTime out = school.normalDismissal();
        var sessions = new ArrayList<ServiceSession>();
        addIfWithinDay(sessions, kind, out, out.plusMinutes(60));
        addIfWithinDay(sessions, kind, out, out.plusMinutes(150));
        addIfWithinDay(sessions, kind, out, LocalTime.of(18, 30));
        addIfWithinDay(sessions, kind, LocalTime.of(12, 0), LocalTime.of(14, 0));
        addIfWithinDay(sessions, kind, out.minusMinutes(30), out.plusMinutes(90));
        return sessions;
    }

    public static List<FeeRequest> feeRequests(ServiceKind kind, LocalDate today) {
        return List.of(
                new FeeRequest(kind, 20000, 60, Set.of(), false, null, today.minusMonths(1)),
                new FeeRequest(kind, 40000, 120, Set.of(PriorityGroup.REGISTERED_POOR), false, null, today.minusMonths(1)),
                new FeeRequest(kind, 30000, 90, Set.of(PriorityGroup.MINIMUM_ALLOWANCE, PriorityGroup.LEFT_BEHIND),
                        true, 50000L, today.minusMonths(6)),
                new FeeRequest(kind, 30000, 90, Set.of(), true, null, null),
                new FeeRequest(kind, 0, 60, Set.of(), false, null, today.minusYears(2)));
    }

    public static List<RefundRequest> refundRequests(ServiceKind kind) {
        return List.of(new RefundRequest(kind, 20000, 20, 20), new RefundRequest(kind, 20000, 20, 10),
                new RefundRequest(kind, 20000, 20, 0), new RefundRequest(kind, 10001, 13, 7));
    }

    public static List<StudentProfile> students() {
        return List.of(
                new StudentProfile("P1-DAY", 1, false, Set.of(PriorityGroup.LOWER_GRADE)),
                new StudentProfile("P4-DAY-POOR", 4, false, Set.of(PriorityGroup.REGISTERED_POOR, PriorityGroup.LEFT_BEHIND)),
                new StudentProfile("J8-BOARDER", 8, true, Set.of()));
    }

    public static List<CourseContent> courses() {
        return List.of(
                new CourseContent(ServiceKind.BASIC_CARE, "自主阅读与作业", Set.of(ContentTag.READING, ContentTag.HOMEWORK), 1, 6, false),
                new CourseContent(ServiceKind.QUALITY_COURSE, "机器人社团", Set.of(ContentTag.CLUB, ContentTag.TECHNOLOGY), 3, 9, true),
                new CourseContent(ServiceKind.BASIC_CARE, "数学提高班", Set.of(ContentTag.NEW_LESSON, ContentTag.COLLECTIVE_TEACHING), 5, 6, false),
                new CourseContent(ServiceKind.QUALITY_COURSE, "英语培训体验课", Set.of(ContentTag.ACADEMIC_SUBJECT,
                        ContentTag.COMMERCIAL_PROMOTION, ContentTag.MATERIAL_SALE), 1, 9, true),
                new CourseContent(ServiceKind.BASIC_CARE, "作业与练习册", Set.of(ContentTag.WRITTEN_HOMEWORK_SET), 7, 9, false));
    }

    public static List<NapRoom> napRooms() {
        return List.of(new NapRoom("library", NapRoom.Kind.LIBRARY, 1, 20, true),
                new NapRoom("reading", NapRoom.Kind.READING_ROOM, 2, 20, true),
                new NapRoom("gym", NapRoom.Kind.GYM, 3, 100, true),
                new NapRoom("storeroom", NapRoom.Kind.OTHER, 4, 30, false));
    }

    /** {@code perGrade} children in each of grades 1–6, ids like {@code G3-07}. */
    public static List<NapChild> napChildren(int perGrade) {
        var children = new ArrayList<NapChild>();
        for (int grade = 1; grade <= 6; grade++) {
            for (int i = 1; i <= perGrade; i++) {
                children.add(new NapChild("G%d-%02d".formatted(grade, i), grade));
            }
        }
        return children;
    }

    public static ReportDataset dataset(String tenant, LocalDate from, LocalDate to) {
        var services = List.of(
                new ReportDataset.ServiceRecord(urbanPrimary().code(), from, ServiceKind.BASIC_CARE, "自主阅读、完成作业",
                        "行政班", LocalTime.of(15, 40), LocalTime.of(17, 40), Map.of(1, 12, 2, 10),
                        Map.of(PriorityGroup.LEFT_BEHIND, 3)),
                new ReportDataset.ServiceRecord(ruralBoardingJunior().code(), from, ServiceKind.QUALITY_COURSE, "篮球社团",
                        "社团", LocalTime.of(16, 30), LocalTime.of(18, 0), Map.of(8, 15), Map.of()));
        var fees = List.of(
                new ReportDataset.FeeRecord(urbanPrimary().code(), ServiceKind.BASIC_CARE, 22, 440000, 20000, 0, 300000),
                new ReportDataset.FeeRecord(ruralBoardingJunior().code(), ServiceKind.QUALITY_COURSE, 15, 450000, 0, 15000, 400000));
        return new ReportDataset(tenant, from, to, schools(), services, fees);
    }

    private static void addIfWithinDay(List<ServiceSession> sessions, ServiceKind kind, LocalTime start, LocalTime end) {
        if (end.isAfter(start)) {
            sessions.add(new ServiceSession(kind, start, end));
        }
    }

    private Samples() {
    }
}
