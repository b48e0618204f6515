package cn.kehou.plugins.henan;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

class HenanContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return HenanFixtures.extensions();
    }

    /** 鄢陵县 under 许昌市: seasons, guidance range, noon service and lunch set, so every probe can accept too. */
    @Override
    protected Map<String, String> tenantConfig() {
        return HenanFixtures.merged(HenanFixtures.YANLING);
    }
}
