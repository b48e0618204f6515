package cn.kehou.plugins.henan;

import cn.kehou.plugins.contract.PackagedPluginContract;

class HenanPackagedJarTest extends PackagedPluginContract {
}
