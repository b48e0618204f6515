package cn.kehou.plugins.yangjiang;

import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** 阳江市 Yangjiang, Guangdong: seed 000 (implementation plan, draft for comment). */
@Extension
public class YangjiangRegion implements RegionDescriptor {

    @Override
    public String pluginId() {
        return "guangdong-yangjiang";
    }

    @Override
    public ConfigSchema configSchema() {
        return YangjiangConfig.SCHEMA;
    }

    @Override
    public List<RuleInfo> rules() {
        return Arrays.stream(YangjiangRule.values()).map(YangjiangRule::info).toList();
    }
}
