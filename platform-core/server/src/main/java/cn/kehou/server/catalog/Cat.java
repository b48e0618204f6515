package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.ServiceKind;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import java.time.DayOfWeek;

/**
 * The catalog pages' texts: {@code messages/cat.properties} (zh-CN, the default) and
 * {@code messages/cat_en.properties}; templates use {@code {cat:key}}. An enum parameter means one
 * key per constant ({@code kind_$BASIC_CARE}, {@code day_MONDAY}).
 */
@MessageBundle("cat")
public interface Cat {

    // Shared words
    @Message String kind(ServiceKind kind);
    @Message String tag(ContentTag tag);
    @Message String day(DayOfWeek day);
    @Message String status(String status);
    @Message String save();
    @Message String back();
    @Message String saved();
    @Message String refused();
    @Message String citation(String citation);
    @Message String formErrors();
    @Message String fieldMissing();
    @Message String fieldMalformed();
    @Message String none();
    @Message String gradeRange(int from, int to);
    @Message String dateRange(String from, String to);
    @Message String timeRange(String from, String to);

    // School setup (学校：学期、实施方案、服务)
    @Message String setupTitle(String school);
    @Message String setupLink();
    @Message String termsHeading();
    @Message String termsNone();
    @Message String termNew();
    @Message String termName();
    @Message String termStarts();
    @Message String termEnds();
    @Message String termDismissal();
    @Message String termPeriod();
    @Message String termCreate();
    @Message String planLink();
    @Message String planNone();
    @Message String planTitle(String term);
    @Message String planOrganisation();
    @Message String planContent();
    @Message String planTimes();
    @Message String planVenues();
    @Message String planStaffing();
    @Message String planSafeguards();
    @Message String planTimetable();
    @Message String planFile();
    @Message String planFiled(String on);
    @Message String planDecided(String on, String by);
    @Message String planReviewNote(String note);
    @Message String planLocked();
    @Message String servicesHeading();
    @Message String servicesNone();
    @Message String serviceNew();
    @Message String serviceEdit(String title);
    @Message String serviceOpen();
    @Message String serviceDraft();
    @Message String fieldTerm();
    @Message String fieldKind();
    @Message String fieldTitle();
    @Message String fieldTags();
    @Message String fieldGradeFrom();
    @Message String fieldGradeTo();
    @Message String fieldDays();
    @Message String fieldStart();
    @Message String fieldEnd();
    @Message String fieldValidFrom();
    @Message String fieldValidTo();
    @Message String fieldValidHint();
    @Message String fieldCapacity();
    @Message String fieldFee();
    @Message String fieldFeeHint();
    @Message String fieldCostedOn();
    @Message String fieldVenue();
    @Message String fieldContent(int grade);
    @Message String fieldSignupFrom();
    @Message String fieldSignupTo();
    @Message String optional();
    @Message String fieldVillage();
    @Message String providerCourse(String provider);
    @Message String staffHeading();
    @Message String staffNoneVetted();
    @Message String staffAssign();
    @Message String publishHeading();
    @Message String publishHint();
    @Message String publish();
    @Message String published();
    @Message String feeLine(String fee, int capacity);

    // Bureau vetting (教育局：机构审核、人员审核)
    @Message String vettingProvidersTitle();
    @Message String vettingProvidersLink();
    @Message String vettingStaffTitle();
    @Message String vettingStaffLink();
    @Message String providerLicence(String licence);
    @Message String approvalLine(String tenant, String from, String to);
    @Message String approvalStatusLine(String status, String on, String reason);
    @Message String approve();
    @Message String scope();
    @Message String validFrom();
    @Message String validTo();
    @Message String changeStatus();
    @Message String newStatus();
    @Message String reason();
    @Message String statusOn();
    @Message String statusApply();
    @Message String staffOf(String school);
    @Message String staffNone();
    @Message String staffKind(StaffMember.Kind kind);
    @Message String staffValidTo(String on);
    @Message String ethics();
    @Message String recordCheck();
    @Message String health();
    @Message String qualification();
    @Message String vetNote();
    @Message String vet();
    @Message String waitingStaff(String school);

    // Provider offerings (机构：课程)
    @Message String offeringsTitle(String provider);
    @Message String offeringsLink();
    @Message String offeringsNone();
    @Message String courseNew();
    @Message String offCampus();
    @Message String offCampusLine(String fee);
    @Message String courseAdd();
}
