package cn.kehou.plugin.api;

import org.pf4j.ExtensionPoint;

/** Whether and how holiday and weekend care runs in this region. */
public interface HolidayCarePolicy extends ExtensionPoint {

    /** The school may be null. */
    HolidayCareRules rules(PolicyContext ctx);
}
