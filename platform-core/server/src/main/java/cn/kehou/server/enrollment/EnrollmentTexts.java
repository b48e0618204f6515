package cn.kehou.server.enrollment;

import cn.kehou.plugin.api.EnrollmentStep;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import java.time.DayOfWeek;

/**
 * The enrollment pages' texts: {@code messages/enr.properties} (zh-CN, the default) and
 * {@code messages/enr_en.properties}; templates use {@code {enr:key}}. An enum parameter means one
 * key per constant ({@code status_ARRANGED}, {@code step_$CLASS_REVIEW}).
 */
@MessageBundle("enr")
public interface EnrollmentTexts {

    // Shared by the pages
    @Message String status(Application.Status status);
    @Message String statusHelp(Application.Status status);
    @Message String step(EnrollmentStep step);
    @Message String waitingFor(EnrollmentStep step);
    @Message String day(DayOfWeek day);
    @Message String pickup(EnrollmentPages.Pickup pickup);
    @Message String gradeClass(int grade, String className);
    @Message String voluntary();
    @Message String noApplications();
    @Message String offerUntil(String deadline);
    @Message String lotterySeed();
    @Message String lotteryPlaced();
    @Message String lotteryWaitlisted();
    @Message String lotterySiblings(int familySize);
    @Message String lotteryPending();
    @Message String groupPriority();
    @Message String groupGeneral();

    // Browse and apply (parent)
    @Message String servicesTitle();
    @Message String myApplications();
    @Message String servicesFor(String child);
    @Message String noOpenServices();
    @Message String noChildren();
    @Message String linkChildFirst();
    @Message String when(String start, String end, String from, String to);
    @Message String fee(String amount);
    @Message String byLottery(String signupTo);
    @Message String seatsLeft(int left, int capacity);
    @Message String seeApplication();
    @Message String applyFor();
    @Message String applyTitle();
    @Message String child();
    @Message String service();
    @Message String timeSlot();
    @Message String days();
    @Message String feeLabel();
    @Message String allocationLabel();
    @Message String firstCome();
    @Message String pickupLabel();
    @Message String pickupNote();
    @Message String pickupNoteHint();
    @Message String submitApplication();

    // One application (parent)
    @Message String doneApplied();
    @Message String doneSigned();
    @Message String doneConfirmed();
    @Message String doneAccepted();
    @Message String doneWithdrawn();
    @Message String statusTitle();
    @Message String waitlistPosition(int position);
    @Message String acceptOffer();
    @Message String confirmHelp();
    @Message String confirm();
    @Message String stepsTitle();
    @Message String stepDone();
    @Message String stepNow();
    @Message String allocationTitle();
    @Message String lotteryPosition();
    @Message String lotteryGroup();
    @Message String lotteryOutcome();
    @Message String lotteryPriorityExplained();
    @Message String lotteryGeneralExplained();
    @Message String lotteryReproducible();
    @Message String firstComeExplained();
    @Message String lotteryNotYet(String signupTo);
    @Message String documentsTitle();
    @Message String signHelp();
    @Message String readHelp();
    @Message String textVersion(String version);
    @Message String textHash();
    @Message String signedAt(String at, String signer);
    @Message String sign();
    @Message String trailTitle();
    @Message String withdraw();
    @Message String backToServices();

    // Withdrawal (parent)
    @Message String withdrawTitle();
    @Message String withdrawVoluntary();
    @Message String refundTitle();
    @Message String charged();
    @Message String paid();
    @Message String sessions();
    @Message String sessionsDelivered(int delivered, int total);
    @Message String refund();
    @Message String noLongerDue();
    @Message String refundRule(String plugin);
    @Message String nothingBilled();
    @Message String confirmWithdraw();

    // The school's review queue
    @Message String queueTitle();
    @Message String doneApproved();
    @Message String doneRefused();
    @Message String awaitingReview();
    @Message String queueHelp();
    @Message String reviewNote();
    @Message String approve();
    @Message String refuse();
    @Message String notYourStep();
    @Message String nothingToReview();
    @Message String lotteriesTitle();
    @Message String signupEnds(String date);
    @Message String otherApplications();

    // A lottery's runs
    @Message String lotteryTitle();
    @Message String capacity();
    @Message String seatsFree();
    @Message String pendingCount();
    @Message String signupEndsLabel();
    @Message String lotteryHow();
    @Message String signupStillOpen();
    @Message String seedHint();
    @Message String draw();
    @Message String runTitle(String at);
    @Message String runBy();
    @Message String runOutcome();
    @Message String runCounts(int placed, int waitlisted);
    @Message String whyPriority();
    @Message String whyPlaced();
    @Message String whyWaitlisted();
    @Message String noRuns();
    @Message String backToQueue();

    // Home page lists (Homes)
    @Message String homeApplication(String status);
    @Message String homeOpenServices(int count);
    @Message String homeReview(String service, String className, String step);
}
