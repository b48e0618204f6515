package cn.kehou.plugins.yangjiang;

import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugins.contract.RulesDocContract;
import java.util.List;

class YangjiangRulesDocTest extends RulesDocContract {

    @Override
    protected RegionDescriptor descriptor() {
        return new YangjiangRegion();
    }

    @Override
    protected List<Class<?>> testClasses() {
        return List.of(YangjiangRulesTest.class);
    }
}
