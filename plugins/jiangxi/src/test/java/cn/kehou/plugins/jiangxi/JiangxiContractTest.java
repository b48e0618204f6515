package cn.kehou.plugins.jiangxi;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/** As 赣州 runs it: its own off-work time and a local fee standard set, so fee probes exercise acceptance too. */
class JiangxiContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return JiangxiFixtures.extensions();
    }

    @Override
    protected Map<String, String> tenantConfig() {
        return JiangxiFixtures.with(JiangxiFixtures.GANZHOU, JiangxiConfig.FEE_LOCAL_STANDARD, JiangxiFixtures.CITY_FEE_STANDARD);
    }
}
