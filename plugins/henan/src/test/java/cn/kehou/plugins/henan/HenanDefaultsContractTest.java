package cn.kehou.plugins.henan;

import cn.kehou.plugins.contract.RegionPluginContract;
import java.util.List;
import org.pf4j.ExtensionPoint;

/** The same contract with the seed's defaults only (no seasons, no guidance range: those refuse). */
class HenanDefaultsContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return HenanFixtures.extensions();
    }
}
