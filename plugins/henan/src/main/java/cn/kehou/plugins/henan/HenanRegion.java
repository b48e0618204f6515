package cn.kehou.plugins.henan;

import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * Henan 河南: seed 002, a city's implementing opinions whose counties (县/市/区) each run the
 * service; bound in the demo to 许昌市, whose counties set their own seasonal times.
 */
@Extension
public class HenanRegion implements RegionDescriptor {

    @Override
    public String pluginId() {
        return "henan";
    }

    @Override
    public ConfigSchema configSchema() {
        return HenanConfig.SCHEMA;
    }

    @Override
    public List<RuleInfo> rules() {
        return Arrays.stream(HenanRule.values()).map(HenanRule::info).toList();
    }
}
