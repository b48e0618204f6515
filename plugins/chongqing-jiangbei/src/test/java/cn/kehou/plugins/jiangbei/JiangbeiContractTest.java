package cn.kehou.plugins.jiangbei;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

class JiangbeiContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return JiangbeiFixtures.extensions();
    }

    /** With the period lengths and a rate set, so fee probes exercise acceptance too. */
    @Override
    protected Map<String, String> tenantConfig() {
        return JiangbeiFixtures.DISTRICT_SETTINGS;
    }
}
