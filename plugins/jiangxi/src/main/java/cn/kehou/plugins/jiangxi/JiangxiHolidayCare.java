package cn.kehou.plugins.jiangxi;

import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ServiceKind;
import org.pf4j.Extension;

/** 003 §三: interest activities at weekends and in the winter and summer holidays. */
@Extension
public class JiangxiHolidayCare implements HolidayCarePolicy {

    @Override
    public HolidayCareRules rules(PolicyContext ctx) {
        // 003 §三: 各地要创造条件在双休日、寒暑假等假日为有需求的学生提供各类兴趣活动 — interest
        // activities, so no academic content; a city that switches HOLIDAY_CARE off offers none
        boolean offered = JiangxiServiceWindow.offered(ctx, ServiceKind.HOLIDAY_CARE);
        return new HolidayCareRules(offered, offered, false,
                offered ? "双休日、寒暑假等假日为有需求的学生提供各类兴趣活动（非学科类）" : "本地未开展双休日和假期兴趣活动",
                JiangxiRule.WEEKEND_AND_HOLIDAY_INTEREST.citation);
    }
}
