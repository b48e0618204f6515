-- WeChat Pay (微信支付 API v3) settings of a tenant's merchant account, used while payment_merchant
-- names gateway 'wechatpay' (merchant_id = mchid, secret_ref = the API v3 key's reference); they may
-- be set before the tenant switches its gateway, so there is no key to payment_merchant. Only public
-- data lives here; the merchant's API private key is config kehou.payments.secret.<private_key_ref>.
-- The WeChat Pay public key (微信支付公钥) and its id are what WeChat publishes to the merchant.
CREATE TABLE wechatpay_merchant (
    tenant_id          uuid NOT NULL REFERENCES tenant (id),
    app_id             text NOT NULL CHECK (app_id ~ '^[A-Za-z0-9_]{1,32}$'),
    merchant_serial_no text NOT NULL CHECK (merchant_serial_no ~ '^[A-Fa-f0-9]{1,64}$'),
    private_key_ref    text NOT NULL CHECK (private_key_ref ~ '^[a-z0-9][a-z0-9.-]{0,62}$'),
    public_key_id      text NOT NULL CHECK (length(public_key_id) BETWEEN 1 AND 64),
    public_key_pem     text NOT NULL CHECK (public_key_pem LIKE '-----BEGIN PUBLIC KEY-----%'),
    updated_by         text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);

ALTER TABLE wechatpay_merchant ENABLE ROW LEVEL SECURITY;
ALTER TABLE wechatpay_merchant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON wechatpay_merchant USING (tenant_id = kehou_current_tenant())
    WITH CHECK (tenant_id = kehou_current_tenant());
CREATE POLICY bureau_reads_descendants ON wechatpay_merchant FOR SELECT USING (kehou_reads_subtree()
    AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()));
REVOKE UPDATE, DELETE, TRUNCATE ON wechatpay_merchant FROM ${app_role};
-- Replaced in place, as payment_merchant is (rotating the key pair or WeChat's public key).
GRANT UPDATE (app_id, merchant_serial_no, private_key_ref, public_key_id, public_key_pem, updated_by, updated_at)
    ON wechatpay_merchant TO ${app_role};
