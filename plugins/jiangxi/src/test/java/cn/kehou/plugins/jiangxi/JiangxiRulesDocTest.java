package cn.kehou.plugins.jiangxi;

import cn.kehou.plugins.contract.RulesDocContract;
import java.nio.file.Path;
import java.util.List;

class JiangxiRulesDocTest extends RulesDocContract {

    @Override
    protected cn.kehou.plugin.api.RegionDescriptor descriptor() {
        return new JiangxiRegion();
    }

    @Override
    protected Path rulesDoc() {
        return Path.of("RULES.md");
    }

    @Override
    protected List<Class<?>> testClasses() {
        return List.of(JiangxiRulesTest.class);
    }
}
