package cn.kehou.plugins.jiangbei;

import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugins.contract.RulesDocContract;
import java.util.List;

class JiangbeiRulesDocTest extends RulesDocContract {

    @Override
    protected RegionDescriptor descriptor() {
        return new JiangbeiRegion();
    }

    @Override
    protected List<Class<?>> testClasses() {
        return List.of(JiangbeiRulesTest.class);
    }
}
