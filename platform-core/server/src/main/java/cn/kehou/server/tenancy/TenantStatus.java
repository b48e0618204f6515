package cn.kehou.server.tenancy;

/** Onboarding tenants are set up but not open; suspended tenants' users are refused at once. */
public enum TenantStatus {
    ONBOARDING, ACTIVE, SUSPENDED
}
