package cn.kehou.plugins.jiangxi;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import org.pf4j.ExtensionPoint;

/** The same contract with the seed's defaults only, as the province tenant runs it (no fee standard: fees refuse). */
class JiangxiDefaultsContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return JiangxiFixtures.extensions();
    }
}
