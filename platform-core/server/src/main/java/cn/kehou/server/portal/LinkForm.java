package cn.kehou.server.portal;

import cn.kehou.server.guardians.Guardianship;
import cn.kehou.server.tenancy.PublicTenantResource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The "link a child" form as the parent filled it in, with what is wrong: per field, next to the
 * field, and a refusal of the whole request (a problem) above it.
 */
public record LinkForm(String school, String childName, String grade, String className, String relation,
                       Map<String, String> errors, String problemTitle, String problemDetail,
                       List<PublicTenantResource.SchoolSummary> schools) {

    public static final List<Integer> GRADES = IntStream.rangeClosed(1, 9).boxed().toList();

    public static LinkForm blank(List<PublicTenantResource.SchoolSummary> schools) {
        return new LinkForm("", "", "", "", "", Map.of(), null, null, schools);
    }

    public LinkForm withErrors(Map<String, String> errors) {
        return new LinkForm(school, childName, grade, className, relation, errors, problemTitle, problemDetail, schools);
    }

    public LinkForm withProblem(String title, String detail) {
        return new LinkForm(school, childName, grade, className, relation, errors, title, detail, schools);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || problemTitle != null;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public List<Integer> grades() {
        return GRADES;
    }

    public List<Guardianship.Relation> relations() {
        return Arrays.asList(Guardianship.Relation.values());
    }

    public boolean schoolIs(String code) {
        return code.equals(school);
    }

    public boolean gradeIs(Integer g) {
        return String.valueOf(g).equals(grade);
    }

    public boolean relationIs(Guardianship.Relation r) {
        return r.name().equals(relation);
    }
}
