package cn.kehou.plugin.api;

import java.util.Set;

/** What enrollment rules may know about a student: grade 1–9, boarding (住校) or day (走读), groups. */
public record StudentProfile(String studentId, int grade, boolean boarding, Set<PriorityGroup> priorityGroups) {

    public StudentProfile {
        Require.text(studentId, "studentId");
        Require.grade(grade, "grade");
        priorityGroups = Set.copyOf(Require.noNulls(priorityGroups, "priorityGroups"));
    }
}
