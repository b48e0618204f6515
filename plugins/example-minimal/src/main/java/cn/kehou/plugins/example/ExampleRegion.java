package cn.kehou.plugins.example;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import java.util.List;
import org.pf4j.Extension;

/** Names the example region, its one setting and its one rule. */
@Extension
public class ExampleRegion implements RegionDescriptor {

    static final String EARLIEST_END = "window.earliestEnd";
    static final String CITATION = "example §1";

    @Override
    public String pluginId() {
        return "example-minimal";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(new ConfigKey(EARLIEST_END, ConfigType.TIME, "17:30", "课后服务最早结束时间", CITATION));
    }

    @Override
    public List<RuleInfo> rules() {
        return List.of(new RuleInfo("window.earliest-end", "课后服务不早于 17:30 结束",
                "After-school service ends no earlier than 17:30", CITATION, List.of(EARLIEST_END)));
    }
}
