package cn.kehou.server.payments;

import cn.kehou.server.ledger.Account;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A school's fee books for its finance office (学校财务): {@link SchoolBooksResource}, as a page. */
@Path("/t/{tenant}/schools/{school}/books")
@Produces(MediaType.TEXT_HTML)
public class BooksPages {

    @Inject
    PortalSession session;
    @Inject
    SchoolBooksResource books;

    /** The books with what the template needs to name an account's kind. */
    public record View(SchoolBooks.Books books) {
        public Account kind(SchoolBooks.AccountView a) {
            return Account.valueOf(a.kind());
        }

        public Payment.Status paymentStatus(SchoolBooks.PaymentRow p) {
            return Payment.Status.valueOf(p.status());
        }

        public PaymentRefund.Status refundStatus(SchoolBooks.RefundRow r) {
            return PaymentRefund.Status.valueOf(r.status());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance books(Shell shell, View view);
    }

    @GET
    public TemplateInstance books(@PathParam("tenant") String code, @PathParam("school") String school) {
        Shell shell = session.enter(code);
        return Templates.books(shell, new View(books.books(school))).setLocale(shell.lang().locale());
    }
}
