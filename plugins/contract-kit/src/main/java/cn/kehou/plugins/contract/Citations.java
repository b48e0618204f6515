package cn.kehou.plugins.contract;

import cn.kehou.plugin.api.AgreementDocument;
import cn.kehou.plugin.api.ComplianceDuty;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.MealOffer;
import cn.kehou.plugin.api.NapAssignment;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.Waiver;
import cn.kehou.plugin.api.WindowRules;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Every seed citation a plugin's answer mentions, so the contract can check each is explained. */
final class Citations {

    private Citations() {
    }

    static void collect(Object answer, Set<String> out) {
        if (answer instanceof Collection<?> items) {
            items.forEach(item -> collect(item, out));
        } else if (answer instanceof Optional<?> optional) {
            optional.ifPresent(value -> collect(value, out));
        } else if (answer instanceof Reason reason) {
            out.add(reason.citation());
        } else if (answer instanceof Decision decision) {
            collect(decision.reasons(), out);
        } else if (answer instanceof FeeDecision fee) {
            collect(fee.reasons(), out);
            collect(fee.waivers(), out);
        } else if (answer instanceof Waiver waiver) {
            out.add(waiver.citation());
        } else if (answer instanceof NapAssignment nap && nap.reason() != null) {
            out.add(nap.reason().citation());
        } else if (answer instanceof WindowRules rules) {
            out.addAll(rules.citations());
        } else if (answer instanceof FundsRoute route) {
            out.add(route.citation());
        } else if (answer instanceof MealOffer meal) {
            out.add(meal.citation());
        } else if (answer instanceof HolidayCareRules holidays) {
            out.add(holidays.citation());
        } else if (answer instanceof EnrollmentTerms terms) {
            out.addAll(terms.citations());
            collect(terms.documents(), out);
        } else if (answer instanceof AgreementDocument document) {
            out.add(document.citation());
        } else if (answer instanceof PublicationRequirement requirement) {
            out.add(requirement.citation());
        } else if (answer instanceof ComplianceDuty duty) {
            out.add(duty.citation());
        } else if (answer instanceof ReportDefinition report) {
            out.add(report.citation());
        }
    }
}
