package cn.kehou.server.notices;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** The signed-in user's own inbox in this tenant: every role has one. */
@Path("/api/t/{tenant}/me/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    static final int PAGE = 100;

    @Inject
    Caller caller;
    @Inject
    Notices notices;

    @GET
    public List<Notices.Received> mine() {
        caller.require("me.notices");
        return notices.inbox(caller.username(), PAGE);
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    public List<Notices.Received> read(@PathParam("id") UUID id) {
        caller.require("me.notices");
        if (!notices.markRead(id, caller.username())) {
            throw ProblemException.notFound("notice", id.toString());
        }
        return notices.inbox(caller.username(), PAGE);
    }
}
