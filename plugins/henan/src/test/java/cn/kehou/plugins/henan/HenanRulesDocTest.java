package cn.kehou.plugins.henan;

import cn.kehou.plugins.contract.RulesDocContract;
import java.nio.file.Path;
import java.util.List;

class HenanRulesDocTest extends RulesDocContract {

    @Override
    protected cn.kehou.plugin.api.RegionDescriptor descriptor() {
        return new HenanRegion();
    }

    @Override
    protected Path rulesDoc() {
        return Path.of("RULES.md");
    }

    @Override
    protected List<Class<?>> testClasses() {
        return List.of(HenanRulesTest.class);
    }
}
