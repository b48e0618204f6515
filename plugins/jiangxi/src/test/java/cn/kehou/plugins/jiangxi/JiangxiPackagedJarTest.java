package cn.kehou.plugins.jiangxi;

import cn.kehou.plugins.contract.PackagedPluginContract;

class JiangxiPackagedJarTest extends PackagedPluginContract {
}
