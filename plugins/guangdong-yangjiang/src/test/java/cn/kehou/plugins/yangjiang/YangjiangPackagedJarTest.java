package cn.kehou.plugins.yangjiang;

import cn.kehou.plugins.contract.PackagedPluginContract;

class YangjiangPackagedJarTest extends PackagedPluginContract {
}
