package cn.kehou.plugin.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * What the core knows for a report period, filled by the host: schools, the services held
 * (head-count by grade and by priority group) and the money per school and service.
 */
public record ReportDataset(
        String tenantCode, LocalDate from, LocalDate to,
        List<SchoolProfile> schools, List<ServiceRecord> services, List<FeeRecord> fees) {

    /** One service held on one day: what, how, when, and who came. */
    public record ServiceRecord(
            String schoolCode, LocalDate date, ServiceKind kind, String contentZh, String formZh,
            LocalTime start, LocalTime end,
            Map<Integer, Integer> participantsByGrade, Map<PriorityGroup, Integer> participantsByGroup) {
        public ServiceRecord {
            Require.text(schoolCode, "schoolCode");
            Require.present(date, "date");
            Require.present(kind, "kind");
            Require.text(contentZh, "contentZh");
            Require.text(formZh, "formZh");
            Require.present(start, "start");
            Require.present(end, "end");
            participantsByGrade = Map.copyOf(participantsByGrade);
            participantsByGroup = Map.copyOf(participantsByGroup);
        }

        public int participants() {
            return participantsByGrade.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Money for one school and service over the period, in fen. */
    public record FeeRecord(
            String schoolCode, ServiceKind kind, int students,
            long collectedFen, long waivedFen, long refundedFen, long expenditureFen) {
        public FeeRecord {
            Require.text(schoolCode, "schoolCode");
            Require.present(kind, "kind");
            Require.notNegative(students, "students");
            Require.notNegative(collectedFen, "collectedFen");
            Require.notNegative(waivedFen, "waivedFen");
            Require.notNegative(refundedFen, "refundedFen");
            Require.notNegative(expenditureFen, "expenditureFen");
        }
    }

    public ReportDataset {
        Require.text(tenantCode, "tenantCode");
        Require.present(from, "from");
        Require.present(to, "to");
        schools = List.copyOf(Require.noNulls(schools, "schools"));
        services = List.copyOf(Require.noNulls(services, "services"));
        fees = List.copyOf(Require.noNulls(fees, "fees"));
    }
}
