package cn.kehou.plugins.henan;

import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ServiceKind;
import org.pf4j.Extension;

/**
 * 002 §三(二): at weekends and on holidays schools open their library, reading rooms and
 * playground to their own students. API 1.0 has no kind for "open facilities", so they run as
 * HOLIDAY_CARE, which a county switches off by leaving it out of {@code services.offered}.
 */
@Extension
public class HenanHolidayCare implements HolidayCarePolicy {

    @Override
    public HolidayCareRules rules(PolicyContext ctx) {
        // 002 §三(二): 鼓励…利用周六、日及节假日时间开放校园图书馆、阅览室、操场等场所设施，在确保
        // 安全的前提下，为本校学生提供阅读学习、体育活动场所; §三(三) forbids 补课 at any time
        boolean open = HenanServiceWindow.offered(ctx, ServiceKind.HOLIDAY_CARE);
        return new HolidayCareRules(open, open, false,
                "周六、日及节假日开放图书馆、阅览室、操场等场所设施，在确保安全的前提下为本校学生提供阅读学习、体育活动场所",
                HenanRule.WEEKEND_HOLIDAY_FACILITIES.citation);
    }
}
