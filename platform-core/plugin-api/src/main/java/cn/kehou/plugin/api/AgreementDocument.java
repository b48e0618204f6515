package cn.kehou.plugin.api;

/**
 * A document a family signs to enroll, e.g. {@code SERVICE_CONTRACT} 课后服务合同书;
 * {@code signedOnline} when the region's text requires it to be signed on the platform.
 */
public record AgreementDocument(String code, String titleZh, String titleEn, boolean signedOnline, String citation) {

    public AgreementDocument {
        Require.text(code, "code");
        Require.text(titleZh, "titleZh");
        Require.text(titleEn, "titleEn");
        Require.text(citation, "citation");
    }
}
