package cn.kehou.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/** The reports a region requires and how each is laid out. */
public interface ReportFormat extends ExtensionPoint {

    /** The school may be null (a tenant-wide report). */
    List<ReportDefinition> reports(PolicyContext ctx);

    /** Builds one of {@link #reports}: exactly its declared columns, rows in a stable order. */
    ReportTable build(PolicyContext ctx, ReportDefinition report, ReportDataset data);
}
