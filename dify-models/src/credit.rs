//! A workspace's pools of hosted model credits.

use dify_schema::prelude::*;

use crate::provider::ProviderQuotaType;

/// Dify's `TenantCreditPool` (`tenant_credit_pools`).
///
/// Credits of one quota type (the trial pool is made with the workspace); usage is deducted
/// under a lock by Dify's `CreditPoolService`, not by a member's request.
#[entity(table = "tenant_credit_pools", owner = tenant, primary_key_name = "tenant_credit_pool_pkey", write = privileged)]
#[index(name = "tenant_credit_pool_tenant_id_idx", columns(tenant_id))]
#[index(name = "tenant_credit_pool_pool_type_idx", columns(pool_type))]
#[derive(Debug, Clone, PartialEq)]
pub struct TenantCreditPool {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(40), default = "trial")]
    pub pool_type: ProviderQuotaType,
    #[column(bigint)]
    pub quota_limit: i64,
    #[column(bigint)]
    pub quota_used: i64,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

impl TenantCreditPool {
    /// The credits left (Dify's `remaining_credits`), never negative.
    pub fn remaining_credits(&self) -> i64 {
        (self.quota_limit - self.quota_used).max(0)
    }
}
