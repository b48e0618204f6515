package cn.kehou.server.tenancy;

import cn.kehou.server.identity.Caller;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The admin API for region descriptors: the platform admin loads one (the same format as the
 * files in tenants/), idempotently — an unchanged descriptor writes nothing.
 */
@Path("/api/t/{tenant}/descriptors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DescriptorResource {

    @Inject
    Caller caller;
    @Inject
    DescriptorLoader loader;

    @POST
    public DescriptorLoader.LoadReport load(@NotNull RegionDescriptor descriptor) {
        caller.require("descriptor.load");
        return loader.load(descriptor);
    }
}
