package cn.kehou.plugins.jiangbei;

import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** 重庆市江北区 Jiangbei district, Chongqing: seed 001 (guidance of 2021, towns 郭家沱/鱼嘴/复盛/五宝). */
@Extension
public class JiangbeiRegion implements RegionDescriptor {

    @Override
    public String pluginId() {
        return "chongqing-jiangbei";
    }

    @Override
    public ConfigSchema configSchema() {
        return JiangbeiConfig.SCHEMA;
    }

    @Override
    public List<RuleInfo> rules() {
        return Arrays.stream(JiangbeiRule.values()).map(JiangbeiRule::info).toList();
    }
}
