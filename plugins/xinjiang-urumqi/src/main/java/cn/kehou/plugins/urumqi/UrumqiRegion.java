package cn.kehou.plugins.urumqi;

import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** 乌鲁木齐市 Urumqi, Xinjiang: seed 004 (trial measures, 2019). */
@Extension
public class UrumqiRegion implements RegionDescriptor {

    @Override
    public String pluginId() {
        return "xinjiang-urumqi";
    }

    @Override
    public ConfigSchema configSchema() {
        return UrumqiConfig.SCHEMA;
    }

    @Override
    public List<RuleInfo> rules() {
        return Arrays.stream(UrumqiRule.values()).map(UrumqiRule::info).toList();
    }
}
