package cn.kehou.plugins.yangjiang;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

class YangjiangContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return YangjiangFixtures.extensions();
    }

    /** With the local basic-care rate set, so fee probes exercise acceptance too. */
    @Override
    protected Map<String, String> tenantConfig() {
        return Map.of(YangjiangConfig.BASIC_CARE_LOCAL_RATE, "300.00");
    }
}
