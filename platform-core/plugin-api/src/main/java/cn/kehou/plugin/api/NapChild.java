package cn.kehou.plugin.api;

/** A child who naps at school, by grade (1–9). */
public record NapChild(String studentId, int grade) {

    public NapChild {
        Require.text(studentId, "studentId");
        Require.grade(grade, "grade");
    }
}
