package cn.kehou.plugins.jiangbei;

import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.PolicyContext;
import java.time.DayOfWeek;
import org.pf4j.Extension;

/** 001 §三(一): "5+2" is five school days a week; 001 provides no holiday care. */
@Extension
public class JiangbeiHolidayCare implements HolidayCarePolicy {

    @Override
    public HolidayCareRules rules(PolicyContext ctx) {
        // 001 §三(一): 学校每周5天都要开展课后服务 — weekends only if a district adds them to window.days
        var days = JiangbeiServiceWindow.days(ctx);
        boolean weekends = days.contains(DayOfWeek.SATURDAY) || days.contains(DayOfWeek.SUNDAY);
        return new HolidayCareRules(false, weekends, false,
                "江北区课后服务实行“5+2”模式（每周5天、每天至少2小时），不开展假期托管",
                JiangbeiRule.WEEKDAYS.citation);
    }
}
