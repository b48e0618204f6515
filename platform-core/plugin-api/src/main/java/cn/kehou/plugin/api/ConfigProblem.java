package cn.kehou.plugin.api;

/** Why a tenant's setting was refused: the key and a message in Chinese and English. */
public record ConfigProblem(String field, String messageZh, String messageEn) {

    public ConfigProblem {
        Require.text(field, "field");
        Require.text(messageZh, "messageZh");
        Require.text(messageEn, "messageEn");
    }
}
