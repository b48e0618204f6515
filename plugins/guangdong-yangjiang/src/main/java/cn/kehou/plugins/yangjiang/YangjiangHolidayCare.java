package cn.kehou.plugins.yangjiang;

import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ServiceKind;
import org.pf4j.Extension;

/** 000 §三(三): schools may run in-school holiday care, mainly non-academic courses. */
@Extension
public class YangjiangHolidayCare implements HolidayCarePolicy {

    @Override
    public HolidayCareRules rules(PolicyContext ctx) {
        // 000 §三(三): 各学校可根据实际，面向有需求的学生开展假期校内托管服务。服务内容以非学科类素质拓展课程为主
        return new HolidayCareRules(YangjiangServiceWindow.offered(ctx, ServiceKind.HOLIDAY_CARE), false, false,
                "学校可根据实际面向有需求的学生开展假期校内托管，以非学科类素质拓展课程为主",
                YangjiangRule.HOLIDAY_CARE.citation);
    }
}
