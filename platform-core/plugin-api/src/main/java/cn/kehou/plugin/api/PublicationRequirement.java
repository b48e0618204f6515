package cn.kehou.plugin.api;

/** One item that must be public before the first charge, and where (e.g. 学校公示栏). */
public record PublicationRequirement(PublicationItem item, String channelZh, String citation) {

    public PublicationRequirement {
        Require.present(item, "item");
        Require.text(channelZh, "channelZh");
        Require.text(citation, "citation");
    }
}
