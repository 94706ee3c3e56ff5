//! The credit pool domain's flow: the system gives a new workspace its trial pool, as Dify's
//! `CreditPoolService.create_default_pool` does; members read what is left; usage is deducted
//! under a row lock by a privileged writer, never past the limit; pools are the workspace's own.

use diesel::PgConnection;
use dify_models::credit::*;
use dify_models::provider::ProviderQuotaType;
use dify_schema::scope::Privileged;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error};

use crate::fixtures::{database_with_schema, team};

#[test]
pub(crate) fn a_trial_credit_pool_is_deducted_under_a_lock() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let mut system = bypass_tenant_isolation(&mut conn, "default credit pool of a new workspace");
    let pool: TenantCreditPool = system
        .insert(
            Some(acme.tenant),
            None,
            NewTenantCreditPool {
                id: None,
                pool_type: None,
                quota_limit: 200,
                quota_used: 0,
            },
        )
        .unwrap();
    assert_eq!(pool.pool_type, ProviderQuotaType::Trial, "server default");
    assert_eq!(pool.remaining_credits(), 200);

    // Any member sees what is left (Dify's `check_credits_available`) but may not change it.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let trial = scope
                .query::<TenantCreditPool>()
                .filter(|p| p.pool_type.eq(ProviderQuotaType::Trial))
                .first()?
                .unwrap();
            assert!(trial.remaining_credits() >= 30);
            assert!(scope.require::<Privileged>().is_err());
            Ok(())
        },
    )
    .unwrap();

    // Deduct 150, then refuse 80 more: the check and the write hold the row's lock.
    let pool_id = pool.id;
    let deduct = |conn: &mut PgConnection, credits: i64| {
        with_tenant(
            conn,
            acme.tenant,
            acme.admin,
            |scope| -> Result<bool, Error> {
                let pool = scope.lookup::<TenantCreditPool>(pool_id)?.unwrap();
                let scope = scope.require::<Privileged>()?;
                let pool = scope.lock(pool.id())?.unwrap();
                if pool.remaining_credits() < credits {
                    return Ok(false);
                }
                let used = pool.quota_used + credits;
                let pool = scope
                    .update(
                        pool.id(),
                        TenantCreditPoolChanges {
                            quota_used: Some(used),
                            ..Default::default()
                        },
                    )?
                    .unwrap();
                assert_eq!(pool.quota_used, used);
                Ok(true)
            },
        )
        .unwrap()
    };
    assert!(deduct(&mut conn, 150));
    assert!(!deduct(&mut conn, 80), "insufficient credits remaining");
    let left = with_tenant(&mut conn, acme.tenant, acme.owner, |scope| {
        scope
            .lookup::<TenantCreditPool>(pool.id)
            .map(|pool| pool.unwrap().remaining_credits())
    })
    .unwrap();
    assert_eq!(left, 50);

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<TenantCreditPool>(pool.id)?.is_none());
            assert_eq!(scope.count::<TenantCreditPool>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
