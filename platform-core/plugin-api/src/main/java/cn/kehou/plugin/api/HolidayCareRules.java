package cn.kehou.plugin.api;

/** Whether schools may run care in holidays and at weekends, and what it is mainly about. */
public record HolidayCareRules(
        boolean holidays, boolean weekends, boolean academicContentAllowed, String contentZh, String citation) {

    public HolidayCareRules {
        Require.text(contentZh, "contentZh");
        Require.text(citation, "citation");
    }
}
