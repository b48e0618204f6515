package cn.kehou.plugins.urumqi;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import org.pf4j.ExtensionPoint;

class UrumqiContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return UrumqiFixtures.extensions();
    }
}
