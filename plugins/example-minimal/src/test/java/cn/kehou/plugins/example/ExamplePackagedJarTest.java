package cn.kehou.plugins.example;

import cn.kehou.plugins.contract.PackagedPluginContract;

class ExamplePackagedJarTest extends PackagedPluginContract {
}
