package cn.kehou.plugins.yangjiang;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import org.pf4j.ExtensionPoint;

/** The same contract with the seed's defaults only (no local rate set: basic-care fees refuse). */
class YangjiangDefaultsContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return YangjiangFixtures.extensions();
    }
}
