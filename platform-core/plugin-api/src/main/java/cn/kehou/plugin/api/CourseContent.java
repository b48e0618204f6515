package cn.kehou.plugin.api;

import java.util.Set;

/** A course or activity offered in service time, for content checks: tags and the grades it serves. */
public record CourseContent(
        ServiceKind kind, String title, Set<ContentTag> tags, int gradeFrom, int gradeTo, boolean providerCourse) {

    public CourseContent {
        Require.present(kind, "kind");
        Require.text(title, "title");
        tags = Set.copyOf(Require.noNulls(tags, "tags"));
        Require.grade(gradeFrom, "gradeFrom");
        Require.grade(gradeTo, "gradeTo");
        if (gradeTo < gradeFrom) {
            throw new IllegalArgumentException("gradeTo before gradeFrom");
        }
    }
}
