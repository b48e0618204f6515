package cn.kehou.server.tenancy;

/** A level of the tenant tree: platform → province (省) → city (市) → district or county (区/县). */
public enum TenantKind {
    PLATFORM, PROVINCE, CITY, DISTRICT;

    /** Whether a tenant of this kind may sit directly under {@code parent}. */
    public boolean mayHaveParent(TenantKind parent) {
        return parent != null && parent.ordinal() < ordinal();
    }
}
