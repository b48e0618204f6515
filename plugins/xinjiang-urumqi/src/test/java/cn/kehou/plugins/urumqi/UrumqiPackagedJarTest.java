package cn.kehou.plugins.urumqi;

import cn.kehou.plugins.contract.PackagedPluginContract;

class UrumqiPackagedJarTest extends PackagedPluginContract {
}
