package cn.kehou.server.stipends;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the stipend pages ({@code messages/stp.properties}, zh-CN default, and {@code stp_en}). */
@MessageBundle("stp")
public interface StpMsg {

    @Message String mineTitle();
    @Message String mineIntro();
    @Message String mineNone();
    @Message String hoursTitle();
    @Message String termLine(String school, String term, int sessions, int periods, int minutes);
    @Message String certificate();
    @Message String paidTitle();
    @Message String paidLine(String period, int periods, String rate, String amount);
    @Message String category(StipendRuns.Category category);
    @Message String homeMine();
    @Message String homeMineDetail(int periods);
    @Message String schoolTitle();
    @Message String homeSchoolDetail();
    @Message String month();
    @Message String show();
    @Message String rateTitle();
    @Message String stipendRate();
    @Message String labourFeeRate();
    @Message String rateHint();
    @Message String saveRate();
    @Message String rateNotSet();
    @Message String yuanInvalid();
    @Message String runTitle(String period);
    @Message String status(StipendRuns.RunStatus status);
    @Message String compute();
    @Message String publish();
    @Message String publishHint();
    @Message String publishedBy(String who, String when);
    @Message String pay();
    @Message String payHint();
    @Message String paidBy(String who);
    @Message String noLines();
    @Message String lineDetail(String term, int sessions, int periods, int minutes, String rate);
    @Message String totals(String stipend, String labourFee, String total);
    @Message String downloadCsv();
    @Message String downloadXlsx();
    @Message String payeesTitle();
    @Message String payeesHint();
    @Message String account();
    @Message String bankName();
    @Message String cardLast4();
    @Message String savePayee();
    @Message String noCard();
    @Message String saved();
}
