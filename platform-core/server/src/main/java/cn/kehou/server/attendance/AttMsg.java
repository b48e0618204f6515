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

    // The guardian's pickup page (PickupPages).
    @Message String pickupTitle();
    @Message String pickupLink();
    @Message String pickupNoChildren();
    @Message String todayStatus();
    @Message String noSessionToday();
    @Message String checkedInAt(String time);
    @Message String departedAt(String adult, String time);
    @Message String absentBecause(String reason);
    @Message String notYetCheckedIn();
    @Message String noPersonsYet();
    @Message String delegatesTitle();
    @Message String noDelegatesYet();
    @Message String revoke();
    @Message String revokeNamed(String name);
    @Message String addPerson();
    @Message String personRelation();
    @Message String delegateDate();
    @Message String register();
    @Message String fieldMissing();
    @Message String phoneInvalid();
    @Message String tooLong();
    @Message String dateInvalid();

    // The school's end-of-day exceptions (ExceptionPages).
    @Message String exceptionsTitle();
    @Message String exceptionsCounts(long present, long expected);
    @Message String exceptionsDate();
    @Message String show();
    @Message String stillPresentTitle();
    @Message String neverArrivedTitle();
    @Message String nobody();
    @Message String openRoster();
}
