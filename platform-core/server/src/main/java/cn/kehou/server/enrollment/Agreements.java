package cn.kehou.server.enrollment;

import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.tenancy.School;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The documents a family signs online (000: 申请书, 安全责任承诺书, 合同书; 004: voluntary agreement),
 * rendered from the region's list and the service's own facts. The signature binds the exact text:
 * when the service's times, fee or pickup change, the text and its hash change and the family signs
 * again.
 */
final class Agreements {

    record Document(String code, String titleZh, String titleEn, String text, String sha256, String citation) {
    }

    static List<Document> render(EnrollmentTerms terms, OfferedService service, School school, String childName,
                                 Application app) {
        // Every document the region names is signed here; where the region expects paper (004 lists
        // signedOnline=false), the platform's signature is the record the school prints and keeps.
        return terms.documents().stream().map(d -> {
            String text = d.titleZh() + " / " + d.titleEn() + "\n"
                    + "学校 School: " + school.nameZh + "\n"
                    + "学生 Pupil: " + childName + "\n"
                    + "服务 Service: " + service.titleZh + " (" + service.kind + ")\n"
                    + "时间 Time: " + String.join(",", service.days) + " " + service.start + "–" + service.end
                    + ", " + service.validFrom + " – " + service.validTo + "\n"
                    + "费用 Fee per term: ¥" + Money.ofFen(service.feeFen).yuan() + "\n"
                    + "接送 Pickup: " + (app.pickup == null ? "家长接 collected by a guardian" : app.pickup) + "\n"
                    + "参加课后服务完全自愿，可随时退出，不影响学生的任何权益。"
                    + " Taking part is voluntary; the family may withdraw at any time without any consequence.\n"
                    + "依据 Basis: " + d.citation();
            return new Document(d.code(), d.titleZh(), d.titleEn(), text, sha256(text), d.citation());
        }).toList();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Agreements() {
    }
}
