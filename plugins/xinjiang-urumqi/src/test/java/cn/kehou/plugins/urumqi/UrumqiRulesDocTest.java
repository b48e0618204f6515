package cn.kehou.plugins.urumqi;

import cn.kehou.plugins.contract.RulesDocContract;
import java.nio.file.Path;
import java.util.List;

class UrumqiRulesDocTest extends RulesDocContract {

    @Override
    protected cn.kehou.plugin.api.RegionDescriptor descriptor() {
        return new UrumqiRegion();
    }

    @Override
    protected Path rulesDoc() {
        return Path.of("RULES.md");
    }

    @Override
    protected List<Class<?>> testClasses() {
        return List.of(UrumqiRulesTest.class);
    }
}
