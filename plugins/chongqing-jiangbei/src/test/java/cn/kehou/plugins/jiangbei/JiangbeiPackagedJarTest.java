package cn.kehou.plugins.jiangbei;

import cn.kehou.plugins.contract.PackagedPluginContract;

class JiangbeiPackagedJarTest extends PackagedPluginContract {
}
