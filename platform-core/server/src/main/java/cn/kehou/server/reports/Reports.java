package cn.kehou.server.reports;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportFormat;
import cn.kehou.plugin.api.ReportTable;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A region's regulator reports for a tenant (issue 13 §5): which reports its plugin requires, and
 * one of them built for any past period from the term dataset ({@link ReportDatasets}), checked
 * (the host distrusts plugin output: exactly the declared columns, no short rows), written as a
 * file and recorded for audit (report_run: who, when, period, checksums). The policy asked is the
 * one in force on the period's last day, so a report of last term is built by last term's rules.
 */
@ApplicationScoped
public class Reports {

    /** The longest period one report covers: a school year and a bit, as a term may be. */
    static final int MAX_PERIOD_DAYS = 400;

    @Inject
    RegionPolicies policies;
    @Inject
    ReportDatasets datasets;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** A generated file: its bytes, name and type, and the audit row's id. */
    public record GeneratedReport(UUID run, ReportDefinition definition, ReportFiles.Format format, String fileName,
                                  byte[] bytes, int rows, String fileSha256) {
    }

    /** The reports the tenant's region requires, as its plugin lists them today. */
    public List<ReportDefinition> definitions(Tenant tenant) {
        return definitions(tenant, LocalDate.now(clock));
    }

    List<ReportDefinition> definitions(Tenant tenant, LocalDate day) {
        RegionPolicies.Resolution r = policy(tenant, day);
        List<ReportDefinition> defs = policies.ask(r, ReportFormat.class, p -> p.reports(policies.context(r, null, day)));
        if (defs.stream().map(ReportDefinition::code).distinct().count() != defs.size()) {
            throw new ProblemException(500, "PLUGIN_FAILED", r.pluginId(), "two reports share a code");
        }
        return defs;
    }

    public ReportDefinition definition(Tenant tenant, String code) {
        return definitions(tenant).stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("report", code));
    }

    /** Builds the table for {@code [from, to]}, checked against the definition; nothing is recorded. */
    public ReportTable table(Tenant tenant, String code, LocalDate from, LocalDate to) {
        return built(tenant, null, code, from, to).table();
    }

    /** The reports the region publishes (公示), which a school's own staff may build for their school. */
    public List<ReportDefinition> published(Tenant tenant) {
        return definitions(tenant).stream().filter(ReportDefinition::published).toList();
    }

    /** A checked table, its definition and the policy that built it. */
    private record Built(RegionPolicies.Resolution policy, ReportDefinition definition, ReportTable table) {
    }

    /** With a school: only a published report, built from that school's part of the dataset alone. */
    private Built built(Tenant tenant, School school, String code, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        RegionPolicies.Resolution r = policy(tenant, to);
        PolicyContext ctx = policies.context(r, school, to);
        ReportDefinition def = policies.ask(r, ReportFormat.class, p -> p.reports(ctx)).stream()
                .filter(d -> d.code().equals(code) && (school == null || d.published())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("report", code));
        ReportDataset data = school == null ? datasets.build(tenant, from, to) : ofSchool(datasets.build(tenant, from, to), school);
        ReportTable table = policies.ask(r, ReportFormat.class, p -> p.build(ctx, def, data));
        if (!table.reportCode().equals(def.code()) || !table.columns().equals(def.columnKeys())) {
            throw new ProblemException(500, "PLUGIN_FAILED", r.pluginId(), "report " + def.code() + " came back with columns "
                    + table.columns() + " instead of " + def.columnKeys());
        }
        return new Built(r, def, table);
    }

    /** Builds, renders and records one report; {@code format} null means the region's own file type. */
    public GeneratedReport generate(Tenant tenant, School school, String code, LocalDate from, LocalDate to,
                                    ReportFiles.Format format, boolean english, String username) {
        Built built = built(tenant, school, code, from, to);
        RegionPolicies.Resolution r = built.policy();
        ReportDefinition def = built.definition();
        ReportTable table = built.table();
        ReportFiles.Format f = format == null ? ReportFiles.Format.of(def.fileType()) : format;
        List<String> headers = def.columns().stream().map(c -> english ? c.headerEn() : c.headerZh()).toList();
        String title = english ? def.titleEn() : def.titleZh();
        String subtitle = (english ? (tenant.nameEn == null ? tenant.nameZh : tenant.nameEn) : tenant.nameZh)
                + (school == null ? "" : " · " + (english && school.nameEn != null ? school.nameEn : school.nameZh))
                + "  " + from + " – " + to + "  " + def.citation();
        byte[] bytes = ReportFiles.render(f, new ReportFiles.Sheet(title, subtitle, headers, table.rows()));
        UUID run = UUID.randomUUID();
        String fileSha = sha256(bytes);
        em.createNativeQuery("""
                        INSERT INTO report_run (tenant_id, id, report_code, school_id, period_from, period_to, format, row_count,
                                                rows_sha256, file_sha256, plugin_id, plugin_version, generated_by)
                        VALUES (?1, ?2, ?3, CAST(NULLIF(?13, '') AS uuid), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                .setParameter(1, tenant.id).setParameter(2, run).setParameter(3, code).setParameter(4, from)
                .setParameter(5, to).setParameter(6, f.name()).setParameter(7, table.rows().size())
                .setParameter(8, rowsSha256(table)).setParameter(9, fileSha).setParameter(10, r.pluginId())
                .setParameter(11, r.pluginVersion()).setParameter(12, username)
                .setParameter(13, school == null ? "" : school.id.toString()).executeUpdate();
        String fileName = (school == null ? tenant.code : school.code) + "-" + code + "-" + from + "-" + to + "." + f.extension;
        return new GeneratedReport(run, def, f, fileName, bytes, table.rows().size(), fileSha);
    }

    /** The school's own rows of a tenant's dataset: its profile, its sessions, its money. */
    static ReportDataset ofSchool(ReportDataset data, School school) {
        return new ReportDataset(data.tenantCode(), data.from(), data.to(),
                data.schools().stream().filter(s -> s.code().equals(school.code)).toList(),
                data.services().stream().filter(s -> s.schoolCode().equals(school.code)).toList(),
                data.fees().stream().filter(f -> f.schoolCode().equals(school.code)).toList());
    }

    /** The checksum of what a report says, independent of file format: equal rows, equal checksum. */
    static String rowsSha256(ReportTable table) {
        StringBuilder s = new StringBuilder(String.join("\u001f", table.columns()));
        for (List<String> row : table.rows()) {
            s.append('\u001e').append(String.join("\u001f", row));
        }
        return sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A period that has begun, ends by today and is no longer than a school year. */
    void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(LocalDate.now(clock))
                || from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            throw new ProblemException(400, "REPORT_PERIOD_INVALID", MAX_PERIOD_DAYS);
        }
    }

    private RegionPolicies.Resolution policy(Tenant tenant, LocalDate day) {
        RegionPolicies.Resolution r = policies.timeline(tenant, null).on(day);
        if (!r.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", r.tenantCode(), r.problem() + " (on " + day + ")");
        }
        return r;
    }
}
