package cn.kehou.plugin.api;

/** Something that must be made public (公示) before a school charges or starts service. */
public enum PublicationItem {
    SERVICE_TIME("服务时间"),
    SERVICE_CONTENT("服务内容"),
    SERVICE_METHOD("服务方式"),
    SAFETY_MEASURES("安全保障措施"),
    FEE_ITEM("收费项目"),
    FEE_AMOUNT("收费标准"),
    LEGAL_BASIS("政策依据"),
    COMPLAINT_PHONE("监督举报电话");

    public final String zh;

    PublicationItem(String zh) {
        this.zh = zh;
    }
}
