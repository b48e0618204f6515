package cn.kehou.server.portal;

import java.util.List;

/**
 * One list on a home page of what waits for someone (待办). A list whose feature does not exist yet
 * is empty; the feature fills it (see {@link Homes}).
 */
public record Waiting(Kind kind, List<Item> items, String moreUrl) {

    public enum Kind {
        /** A parent's confirmed children. */
        CHILDREN,
        /** The services the children are in or may join. */
        SERVICES,
        MESSAGES,
        /** A family's orders with something still to pay (or a payment in flight). */
        ORDERS,
        /** Parents asking to be linked to a child (监护关系审核). */
        REVIEWS,
        /** Service applications to review. */
        APPLICATIONS,
        /** Today's service sessions: attendance and hand-over. */
        SESSIONS,
        /** Payments and refunds to reconcile. */
        PAYMENTS,
        /** Fee and service plans waiting for a bureau's decision. */
        APPROVALS,
        /** Reports and disclosures to read or file. */
        REPORTS,
        /** A provider's contracts with schools. */
        CONTRACTS,
        /** Tenants being onboarded. */
        TENANTS,
        /** Terms, plans, services and courses to set up (catalog). */
        SETUP,
        /** Teacher stipends and service hours: one's own, or the school's to compute and publish. */
        STIPENDS
    }

    /** One waiting thing: what it is, a line about it, and where to act on it. */
    public record Item(String title, String detail, String url) {
    }

    /** Two features' lists of the same kind shown as one (e.g. settlements and published reports under 报表). */
    public Waiting and(Waiting other) {
        if (other.kind != kind) {
            throw new IllegalArgumentException("cannot join a " + other.kind + " list to a " + kind + " list");
        }
        List<Item> all = new java.util.ArrayList<>(items);
        all.addAll(other.items);
        return new Waiting(kind, List.copyOf(all), moreUrl != null ? moreUrl : other.moreUrl);
    }

    public static Waiting empty(Kind kind) {
        return new Waiting(kind, List.of(), null);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
