package cn.kehou.plugins.jiangbei;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import org.pf4j.ExtensionPoint;

/** The same contract with the seed's defaults only (no rate or period length set: paid fees refuse). */
class JiangbeiDefaultsContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return JiangbeiFixtures.extensions();
    }
}
