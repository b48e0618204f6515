package cn.kehou.server.portal;

import cn.kehou.server.guardians.Guardianship;
import cn.kehou.server.identity.Role;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the portal, in {@code messages/msg.properties} (zh-CN, the default) and
 * {@code messages/msg_en.properties}. Templates use {@code {msg:key}}; the build fails on a key a
 * template uses but this interface lacks, and {@code TranslationsTest} fails on a key missing in
 * either language. An enum parameter means one key per constant ({@code role_$PARENT}).
 */
@MessageBundle("msg")
public interface Msg {

    // The page frame
    @Message String appName();
    @Message String skipToContent();
    @Message String mainNav();
    @Message String languageNav();
    @Message String signIn();
    @Message String signOut();
    @Message String signedInAs(String name);
    @Message String navHome();
    @Message String navChildren();
    @Message String navEnrollment();
    @Message String navFront();
    @Message String footer();
    @Message String problemFallback();

    // A tenant's front page (no login)
    @Message String frontIntro();
    @Message String frontSignInHint();
    @Message String frontNoLogin();
    @Message String frontSchools();
    @Message String frontSchoolCount(int count);
    @Message String frontNoSchools();
    @Message String level(School.SchoolLevel level);

    // Homes
    @Message String homeTitle();
    @Message String today(String date);
    @Message String role(Role role);
    @Message String waiting(Waiting.Kind kind);
    @Message String nothingWaiting();
    @Message String seeAll();
    @Message String chooseTitle();
    @Message String chooseIntro();
    @Message String listSeparator();
    @Message String reviewItem(String relation, int grade, String className);

    // A parent's children
    @Message String childrenTitle();
    @Message String childrenNone();
    @Message String childClass(String school, int grade, String className);
    @Message String consentOnFile();
    @Message String consentMissing();
    @Message String linkChild();
    @Message String linkRequested();

    // Link a child (a guardianship request)
    @Message String linkTitle();
    @Message String linkIntro();
    @Message String fieldSchool();
    @Message String fieldChildName();
    @Message String fieldGrade();
    @Message String fieldClassName();
    @Message String fieldClassNameHint();
    @Message String fieldRelation();
    @Message String chooseOne();
    @Message String grade(int grade);
    @Message String relation(Guardianship.Relation relation);
    @Message String required();
    @Message String fieldMissing();
    @Message String submitLink();
    @Message String cancel();
    @Message String formErrors();
    @Message String fieldError(String field, String message);

    // A refusal shown as a page
    @Message String errorCode(String code);
    @Message String errorFront();
    @Message String errorSignIn();
}
