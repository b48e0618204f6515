package cn.kehou.server.attendance;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Recomputes this tenant's attendance audit chain and says whether it is intact and, if not, where it breaks. */
@Path("/api/t/{tenant}/attendance-audit/verification")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    Caller caller;
    @Inject
    AttendanceAudit audit;
    @Inject
    TenantContext tenantContext;

    @GET
    @Transactional
    public AttendanceAudit.Verification verify() {
        caller.require("attendance.audit");
        return audit.verify(tenantContext.requireTenantId());
    }
}
