//! The OAuth access token domain's flow: the device flow issues a token to an account's CLI,
//! rotates it (one live token per subject, client and device), issues one to an external SSO
//! subject; the tokens belong to no workspace and a scope reads none of them.

use diesel::connection::SimpleConnection;
use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel::RunQueryDsl;
use dify_models::oauth_token::*;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::Error;
use dify_tests::TestRole;

use crate::fixtures::{database_with_schema, team};
use crate::samples;

fn token<'t>(account: Option<dify_schema::types::Uuid>, hash: char) -> NewOAuthAccessToken<'t> {
    NewOAuthAccessToken {
        id: None,
        subject_email: "acme-editor@example.com".into(),
        subject_issuer: Some("dify:account".into()),
        account_id: account,
        client_id: "dify-cli".into(),
        device_label: "work laptop".into(),
        prefix: "dfoa_".into(),
        token_hash: Some(hash.to_string().repeat(64)),
        last_used_at: None,
        expires_at: samples::noon().and_utc(),
        revoked_at: None,
    }
}

#[test]
pub(crate) fn device_tokens_rotate_and_stay_out_of_every_scope() {
    let (db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");

    let mut system = bypass_tenant_isolation(&mut conn, "OAuth device flow");
    let first: OAuthAccessToken = system
        .insert(None, None, token(Some(acme.editor), 'a'))
        .unwrap();
    assert_eq!(first.account_id, Some(acme.editor));

    // A second live token for the same device is refused until the first is revoked.
    let twice = system.insert::<OAuthAccessToken>(None, None, token(Some(acme.editor), 'b'));
    assert!(
        matches!(&twice, Err(Error::Database(e)) if e.to_string().contains("uq_oauth_active_per_device")),
        "{twice:?}"
    );
    diesel::sql_query("UPDATE oauth_access_tokens SET revoked_at = now() WHERE id = $1")
        .bind::<SqlUuid, _>(first.id)
        .execute(system.connection())
        .unwrap();
    let rotated: OAuthAccessToken = system
        .insert(None, None, token(Some(acme.editor), 'b'))
        .unwrap();
    assert!(rotated.revoked_at.is_none());
    // The hash of a revoked token is never reissued.
    let reused = system.insert::<OAuthAccessToken>(
        None,
        None,
        NewOAuthAccessToken {
            device_label: "home laptop".into(),
            ..token(Some(acme.editor), 'a')
        },
    );
    assert!(
        matches!(&reused, Err(Error::Database(e)) if e.to_string().contains("oauth_access_tokens_token_hash_key")),
        "{reused:?}"
    );

    // An external SSO subject has no account (enterprise only).
    system
        .insert::<OAuthAccessToken>(
            None,
            None,
            NewOAuthAccessToken {
                subject_email: "contractor@partner.example".into(),
                subject_issuer: Some("https://idp.partner.example".into()),
                prefix: "dfoe_".into(),
                ..token(None, 'c')
            },
        )
        .unwrap();
    let live: Vec<_> = system
        .list::<OAuthAccessToken>()
        .unwrap()
        .into_iter()
        .filter(|t| t.revoked_at.is_none())
        .collect();
    assert_eq!(live.len(), 2);
    // The bearer presented is found by its hash among live tokens.
    let presented = "b".repeat(64);
    assert!(live
        .iter()
        .any(|t| t.token_hash.as_deref() == Some(presented.as_str())));

    // The service role, inside a scope of the token's own account, reads none of it.
    let role = TestRole::create(&db);
    let mut service = role.connect();
    service
        .batch_execute("BEGIN; SELECT set_config('dify.begun', statement_timestamp()::text, true)")
        .unwrap();
    diesel::sql_query("SELECT dify_scope_enter($1, $2)::text AS value")
        .bind::<SqlUuid, _>(acme.tenant)
        .bind::<SqlUuid, _>(acme.editor)
        .execute(&mut service)
        .unwrap();
    let read = diesel::sql_query("SELECT subject_email FROM oauth_access_tokens WHERE prefix = $1")
        .bind::<Text, _>("dfoa_")
        .execute(&mut service);
    assert!(
        matches!(&read, Err(e) if e.to_string().contains("permission denied")),
        "tokens are the system path's alone: {read:?}"
    );
    service.batch_execute("ROLLBACK").unwrap();
}
