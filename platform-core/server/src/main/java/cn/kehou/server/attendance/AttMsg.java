package cn.kehou.server.attendance;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the attendance pages ({@code messages/att.properties}, zh-CN default, and {@code att_en}). */
@MessageBundle("att")
public interface AttMsg {

    @Message String sessionsTitle();
    @Message String sessionsNone();
    @Message String sessionLine(String start, String end, String venue);
    @Message String rosterTitle();
    @Message String rosterCounts(long expected, long present, long absent, long departed);
    @Message String rosterEmpty();
    @Message String allPresent();
    @Message String checkIn();
    @Message String markAbsent();
    @Message String absenceReason();
    @Message String status(Rosters.Status status);
    @Message String custody(Rosters.Custody custody);
    @Message String responsibleNow(String adult);
    @Message String handOverTitle();
    @Message String handOverTo();
    @Message String handOver();
    @Message String departureTitle();
    @Message String authorisedPersons();
    @Message String noAuthorisedPersons();
    @Message String otherPerson();
    @Message String personName();
    @Message String personPhone();
    @Message String release();
    @Message String leavesAlone();
    @Message String delegateFor(String date);
    @Message String departedWith(String adult);
    @Message String done();
}
