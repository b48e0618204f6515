package cn.kehou.plugin.api;

import java.util.List;

/**
 * One rule a plugin decides, for the host's "explain the rules" page: a stable {@code id}, a
 * summary in Chinese and English, the seed section it implements and the config keys it reads.
 */
public record RuleInfo(String id, String summaryZh, String summaryEn, String citation, List<String> configKeys) {

    public RuleInfo {
        Require.text(id, "id");
        Require.text(summaryZh, "summaryZh");
        Require.text(summaryEn, "summaryEn");
        Require.text(citation, "citation");
        configKeys = List.copyOf(Require.noNulls(configKeys, "configKeys"));
    }
}
