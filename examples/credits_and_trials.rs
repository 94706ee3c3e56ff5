//! Credits, trials and credentials: the system gives each new workspace its
//! trial credit pool; a member reads what is left and is refused changing
//! it, an admin deducts under the row's lock and is refused going past the
//! limit. The admin opens an app for trials from Explore; a Globex member
//! tries it (counted by the system: the record belongs to no workspace)
//! and Explore shows a banner. An editor shares a tool credential with some
//! members, the admin a model credential; the device flow issues an OAuth
//! token to the editor's CLI, refuses a second live one for the same
//! device and rotates it. Globex looks up Acme's rows and finds none.
//!
//! Run with `cargo run --example credits_and_trials`.

mod support;

use std::time::{Duration, SystemTime};

use diesel::sql_types::Uuid as SqlUuid;
use diesel::RunQueryDsl;
use dify_models::app::{App, AppMode, NewApp};
use dify_models::credential::*;
use dify_models::credit::*;
use dify_models::oauth_token::*;
use dify_models::provider::{NewProviderCredential, ProviderCredential, ProviderQuotaType};
use dify_models::tool::{BuiltinToolProvider, NewBuiltinToolProvider};
use dify_models::trial::*;
use dify_schema::scope::{Editing, Privileged};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::{UtcDateTime, Uuid};
use dify_schema::with_tenant;
use serde_json::json;
use support::Result;

fn main() -> Result<()> {
    let mut example = support::setup("credits_and_trials")?;
    let globex = example.workspace("Globex")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    // Credits. A new workspace's trial pool is system work (Dify's
    // `CreditPoolService.create_default_pool`).
    let pool_id = {
        let mut system = bypass_tenant_isolation(conn, "default credit pools of new workspaces");
        let mut pools = Vec::new();
        for tenant in [acme.tenant, globex.tenant] {
            pools.push(system.insert::<TenantCreditPool>(
                Some(tenant),
                None,
                NewTenantCreditPool {
                    id: None,
                    pool_type: None,
                    quota_limit: 200,
                    quota_used: 0,
                },
            )?);
        }
        println!(
            "\nthe system: Acme and Globex each get a {} credit pool of {} credits",
            pools[0].pool_type,
            pools[0].remaining_credits()
        );
        pools[0].id
    };

    // Any member sees what is left (Dify's `check_credits_available`).
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let trial = scope
            .query::<TenantCreditPool>()
            .filter(|p| p.pool_type.eq(ProviderQuotaType::Trial))
            .first()?
            .ok_or("no trial pool")?;
        println!(
            "the member: {} of {} credits left",
            trial.remaining_credits(),
            trial.quota_limit
        );
        match scope.require::<Privileged>() {
            Err(error) => println!("  and changing the pool: refused ({error})"),
            Ok(_) => unreachable!("a normal member is not privileged"),
        }
        Ok(())
    })?;

    // Usage is deducted under the row's lock: the check and the write
    // cannot interleave with another deduction.
    for credits in [150, 80] {
        with_tenant(conn, acme.tenant, acme.admin, |scope| -> Result<()> {
            let pool = scope
                .lookup::<TenantCreditPool>(pool_id)?
                .ok_or("the pool is gone")?;
            let scope = scope.require::<Privileged>()?;
            let pool = scope.lock(pool.id())?.ok_or("the pool is gone")?;
            if pool.remaining_credits() < credits {
                println!(
                    "the admin deducting {credits} more: refused (only {} left)",
                    pool.remaining_credits()
                );
                return Ok(());
            }
            let pool = scope
                .update(
                    pool.id(),
                    TenantCreditPoolChanges {
                        quota_used: Some(pool.quota_used + credits),
                        ..Default::default()
                    },
                )?
                .ok_or("the pool is gone")?;
            println!(
                "the admin deducts {credits}: {} used, {} left",
                pool.quota_used,
                pool.remaining_credits()
            );
            Ok(())
        })?;
    }

    // Trials. Listing an app for trials from Explore is privileged.
    let (app_id, trial_id) = with_tenant(conn, acme.tenant, acme.admin, |scope| -> Result<_> {
        let app = scope.require::<Editing>()?.insert::<App>(NewApp {
            maintainer: None,
            id: None,
            name: "Support bot".into(),
            description: Some("Answers refund questions".into()),
            mode: AppMode::AdvancedChat,
            icon_type: None,
            icon: None,
            icon_background: None,
            app_model_config_id: None,
            workflow_id: None,
            status: None,
            enable_site: true,
            enable_api: false,
            api_rpm: None,
            api_rph: None,
            is_demo: None,
            is_public: None,
            is_universal: None,
            tracing: None,
            max_active_requests: None,
            use_icon_as_answer_icon: None,
        })?;
        let scope = scope.require::<Privileged>()?;
        let trial = scope.insert::<TrialApp>(NewTrialApp {
            id: None,
            app_id: app.id(),
            trial_limit: 3,
        })?;
        let trial = scope
            .update(
                trial.id(),
                TrialAppChanges {
                    trial_limit: Some(5),
                    ..Default::default()
                },
            )?
            .ok_or("the trial listing is gone")?;
        println!(
            "\nthe admin opens \"{}\" for trials from Explore: {} tries per account",
            app.name, trial.trial_limit
        );
        Ok((app.id, trial.id))
    })?;

    // A Globex member tries Acme's app twice. The record is the account's,
    // not a workspace's: the system writes and counts it, as Dify's
    // `RecommendedAppService.add_trial_app_record` does. The system path
    // has no update, so the count goes up in SQL.
    {
        let mut system = bypass_tenant_isolation(conn, "trial app records and Explore banners");
        let app = system.trust::<App>(app_id);
        let record: AccountTrialAppRecord = system.insert(
            None,
            None,
            NewAccountTrialAppRecord {
                id: None,
                account_id: globex.normal,
                app_id: app,
                count: 1,
            },
        )?;
        diesel::sql_query(
            "UPDATE account_trial_app_records SET count = count + 1 WHERE account_id = $1 AND app_id = $2",
        )
        .bind::<SqlUuid, _>(globex.normal)
        .bind::<SqlUuid, _>(app_id)
        .execute(system.connection())?;
        let record = system
            .find::<AccountTrialAppRecord>(record.id)?
            .ok_or("the record is gone")?;
        println!(
            "the system: Globex's member tried it {} times",
            record.count
        );
        let again = system.insert::<AccountTrialAppRecord>(
            None,
            None,
            NewAccountTrialAppRecord {
                id: None,
                account_id: globex.normal,
                app_id: app,
                count: 1,
            },
        );
        match again {
            Err(error) => {
                println!("  a second record for the same account and app: refused ({error})")
            }
            Ok(_) => unreachable!("one record per account and app"),
        }

        // Explore's banners are shared by every workspace.
        let banner: ExporleBanner = system.insert(
            None,
            None,
            NewExporleBanner {
                id: None,
                content: json!({"title": "Try the support bot"}),
                link: "https://example.com/explore/support-bot".into(),
                sort: 1,
                status: None,
                language: None,
            },
        )?;
        println!(
            "  Explore shows banner \"{}\" ({}, {}), {} in all",
            banner.content["title"].as_str().unwrap_or_default(),
            banner.status,
            banner.language,
            system.list::<ExporleBanner>()?.len()
        );
    }

    // Credentials shared with some members only. A tool credential is an
    // editor's to add and share.
    let (tool_id, permission_id) =
        with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<_> {
            let scope = scope.require::<Editing>()?;
            let tool = scope.insert::<BuiltinToolProvider>(NewBuiltinToolProvider {
                visibility: None,
                id: None,
                name: None,
                user_id: acme.editor,
                provider: "langgenius/google/google".into(),
                encrypted_credentials: Some(r#"{"serpapi_api_key": "***"}"#.into()),
                is_default: Some(true),
                credential_type: None,
                expires_at: None,
            })?;
            let mut granted = Vec::new();
            for account in [acme.normal, acme.dataset_operator] {
                let permission = scope.insert::<CredentialPermission>(NewCredentialPermission {
                    id: None,
                    credential_id: tool.id().into(),
                    credential_type: CredentialType::BuiltinToolProvider,
                    account_id: account,
                    has_permission: None,
                })?;
                granted.push(permission.id);
            }
            println!(
                "\nthe editor shares the {} credential \"{}\" with {} members",
                tool.provider,
                tool.name,
                granted.len()
            );
            Ok((tool.id, granted[1]))
        })?;

    // A model provider credential is an admin's to add, and to share.
    with_tenant(conn, acme.tenant, acme.admin, |scope| -> Result<()> {
        let scope = scope.require::<Privileged>()?;
        let credential = scope.insert::<ProviderCredential>(NewProviderCredential {
            user_id: Some(acme.admin),
            visibility: None,
            id: None,
            provider_name: "langgenius/openai/openai".into(),
            credential_name: "Team key".into(),
            encrypted_config: r#"{"openai_api_key": "***"}"#.into(),
        })?;
        scope.insert::<CredentialPermission>(NewCredentialPermission {
            id: None,
            credential_id: credential.id().into(),
            credential_type: CredentialType::ProviderCredential,
            account_id: acme.editor,
            has_permission: None,
        })?;
        println!(
            "the admin shares the {} credential \"{}\" with the editor",
            credential.provider_name, credential.credential_name
        );
        Ok(())
    })?;

    // The tool's partial members (Dify's `get_partial_member_list`); the
    // dataset operator's access is withdrawn.
    with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<()> {
        let members = |scope: &mut dify_schema::Scope<'_, _>| -> Result<i64> {
            Ok(scope
                .query::<CredentialPermission>()
                .filter(|p| {
                    p.credential_id
                        .eq(tool_id)
                        .and(p.credential_type.eq(CredentialType::BuiltinToolProvider))
                        .and(p.has_permission.eq(true))
                })
                .count()?)
        };
        let before = members(scope)?;
        let permission = scope
            .lookup::<CredentialPermission>(permission_id)?
            .ok_or("the permission is gone")?;
        scope.require::<Editing>()?.delete(permission.id())?;
        println!(
            "the editor withdraws the dataset operator's access: the tool credential's members {} -> {}",
            before,
            members(scope)?
        );
        Ok(())
    })?;

    // OAuth device flow. The tokens belong to no workspace: only system work
    // reads or writes them (a tenant scope cannot name the table), and only
    // a hash of each token is kept.
    {
        let mut system = bypass_tenant_isolation(conn, "OAuth device flow");
        let expires = UtcDateTime::from(SystemTime::now()) + Duration::from_secs(30 * 24 * 3600);
        let token = |hash: &str| NewOAuthAccessToken {
            id: None,
            subject_email: "editor@acme.example".into(),
            subject_issuer: Some("dify:account".into()),
            account_id: Some(acme.editor),
            client_id: "dify-cli".into(),
            device_label: "work laptop".into(),
            prefix: "dfoa_".into(),
            token_hash: Some(hash.repeat(32)),
            last_used_at: None,
            expires_at: expires,
            revoked_at: None,
        };
        let first: OAuthAccessToken = system.insert(None, None, token("a1"))?;
        println!(
            "\nthe system issues {}… to the editor's {} on \"{}\"",
            first.prefix, first.client_id, first.device_label
        );
        match system.insert::<OAuthAccessToken>(None, None, token("b2")) {
            Err(error) => println!("  a second live token for the same device: refused ({error})"),
            Ok(_) => unreachable!("one live token per subject, client and device"),
        }
        // Rotation: the old token is revoked (its row kept), then reissued.
        // The system path has no update, so the revocation is SQL.
        diesel::sql_query("UPDATE oauth_access_tokens SET revoked_at = now() WHERE id = $1")
            .bind::<SqlUuid, _>(first.id)
            .execute(system.connection())?;
        let rotated: OAuthAccessToken = system.insert(None, None, token("b2"))?;
        let tokens = system.list::<OAuthAccessToken>()?;
        let live: Vec<&OAuthAccessToken> =
            tokens.iter().filter(|t| t.revoked_at.is_none()).collect();
        println!(
            "  rotated: {} token(s) kept, {} live (expires {})",
            tokens.len(),
            live.len(),
            rotated.expires_at.format("%Y-%m-%d")
        );
        let presented = "b2".repeat(32);
        let bearer = live
            .iter()
            .find(|t| t.token_hash.as_deref() == Some(presented.as_str()))
            .ok_or("the presented token is not live")?;
        println!(
            "  a bearer presented by the CLI is the account's: {}",
            bearer.account_id == Some(acme.editor)
        );
    }

    // Globex sees its own pool, and none of Acme's rows.
    with_tenant(conn, globex.tenant, globex.owner, |scope| -> Result<()> {
        println!("\nin workspace Globex as {:?}", scope.role());
        let lookups: [(&str, Uuid, bool); 3] = [
            (
                "credit pool",
                pool_id,
                scope.lookup::<TenantCreditPool>(pool_id)?.is_some(),
            ),
            (
                "trial listing",
                trial_id,
                scope.lookup::<TrialApp>(trial_id)?.is_some(),
            ),
            (
                "credential permission",
                permission_id,
                scope
                    .lookup::<CredentialPermission>(permission_id)?
                    .is_some(),
            ),
        ];
        for (what, id, found) in lookups {
            support::report_lookup(&format!("{what} {id}"), found);
        }
        println!(
            "  Globex sees {} credit pool (its own), {} trial apps, {} credential permissions, {} tool credentials",
            scope.count::<TenantCreditPool>()?,
            scope.count::<TrialApp>()?,
            scope.count::<CredentialPermission>()?,
            scope.count::<BuiltinToolProvider>()?
        );
        Ok(())
    })?;
    Ok(())
}
