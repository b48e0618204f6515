package cn.kehou.plugins.urumqi;

import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.PolicyContext;
import org.pf4j.Extension;

/** 004 §三(三): only weekday after-school service; the measures provide no weekend or holiday care. */
@Extension
public class UrumqiHolidayCare implements HolidayCarePolicy {

    @Override
    public HolidayCareRules rules(PolicyContext ctx) {
        return new HolidayCareRules(false, false, false,
                "乌鲁木齐办法只规定周一至周五放学后的课后服务，不开展周末和假期托管",
                UrumqiRule.NO_HOLIDAY_OR_WEEKEND_CARE.citation);
    }
}
