package cn.kehou.plugins.jiangxi;

import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** 江西省 Jiangxi province: seed 003 (赣教基字〔2021〕38号), bound at the province, inherited by its cities. */
@Extension
public class JiangxiRegion implements RegionDescriptor {

    @Override
    public String pluginId() {
        return "jiangxi";
    }

    @Override
    public ConfigSchema configSchema() {
        return JiangxiConfig.SCHEMA;
    }

    @Override
    public List<RuleInfo> rules() {
        return Arrays.stream(JiangxiRule.values()).map(JiangxiRule::info).toList();
    }
}
