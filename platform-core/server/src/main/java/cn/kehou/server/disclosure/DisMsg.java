package cn.kehou.server.disclosure;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the disclosure pages ({@code messages/dis.properties}, zh-CN default, and {@code dis_en}). */
@MessageBundle("dis")
public interface DisMsg {

    @Message String indexTitle();
    @Message String indexIntro();
    @Message String schoolsTitle();
    @Message String noSchools();
    @Message String schoolLinkHint();
    @Message String moreTitle();
    @Message String blacklistTitle(int year);
    @Message String complaintTitle();
    @Message String complaintHint();
    @Message String asOfLabel();
    @Message String asOfShow();
    @Message String asOfShowing(String on);
    @Message String back();
    @Message String guideTitle();
    @Message String stamp(int version, String when, String by);
    @Message String kind(String kind);
    @Message String serviceTime(String start, String end);
    @Message String day(String day);
    @Message String grades(int from, int to);
    @Message String feePerTerm();
    @Message String provider(String name);
    @Message String gradeContent(String grade, String content);
    @Message String noServices();
    @Message String staffKinds();
    @Message String staffKind(String kind);
    @Message String safety();
    @Message String complaintPhone();
    @Message String note();
    @Message String noGuide();
    @Message String feesTitle();
    @Message String noFees();
    @Message String legalBasis(String text);
    @Message String complaintPhoneLine(String phone);
    @Message String feeChannel(String channel, String reference);
    @Message String feeApproved(String authority, String on);
    @Message String ledgersTitle();
    @Message String noLedgers();
    @Message String ledgerLine(int orders, String charged, String waived);
    @Message String ledgerPaid(String paid, String refunded);
    @Message String agreementsTitle();
    @Message String noAgreements();
    @Message String blacklistIntro();
    @Message String blacklistEmpty();
    @Message String blacklistReason(String reason);
    @Message String blacklistSince(String since, String bureau);
    @Message String complaintFiled(String id);
    @Message String complaintIntro();
    @Message String complaintAbout();
    @Message String about(String about);
    @Message String complaintSchool();
    @Message String complaintNoSchool();
    @Message String complaintSubject();
    @Message String complaintBody();
    @Message String complaintName();
    @Message String complaintPhoneField();
    @Message String complaintSubmit();
}
