//! Trying apps from Explore (Dify Cloud): the apps open for a trial, how often each account tried
//! one, and the banners Explore shows.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::{App, BannerStatus};

/// Dify's `TrialApp` (`trial_apps`).
///
/// An app of this workspace that accounts of any workspace may try from Explore, a limited
/// number of times; listed by Dify's operators.
#[entity(table = "trial_apps", owner = tenant, primary_key_name = "trial_app_pkey", write = privileged)]
#[index(name = "trial_app_app_id_idx", columns(app_id))]
#[index(name = "trial_app_tenant_id_idx", columns(tenant_id))]
#[unique(name = "unique_trail_app_id", columns(app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct TrialApp {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(integer)]
    pub trial_limit: i32,
}

/// Dify's `AccountTrialAppRecord` (`account_trial_app_records`).
///
/// How many times an account tried a trial app; the app is usually another workspace's, so the
/// row belongs to no workspace and is counted by the system.
#[entity(table = "account_trial_app_records", owner = global, visible = none, primary_key_name = "user_trial_app_pkey")]
#[index(name = "account_trial_app_record_account_id_idx", columns(account_id))]
#[index(name = "account_trial_app_record_app_id_idx", columns(app_id))]
#[unique(name = "unique_account_trial_app_record", columns(account_id, app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct AccountTrialAppRecord {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(integer)]
    pub count: i32,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `ExporleBanner` (`exporle_banners`, Dify's spelling).
///
/// A banner of the Explore page, per language; shared by every workspace.
#[entity(table = "exporle_banners", owner = global, visible = all, primary_key_name = "exporler_banner_pkey")]
#[derive(Debug, Clone, PartialEq)]
pub struct ExporleBanner {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(json)]
    pub content: Json,
    #[column(varchar(255))]
    pub link: String,
    #[column(integer)]
    pub sort: i32,
    #[column(varchar(255), default = "enabled")]
    pub status: BannerStatus,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(varchar(255), default = "en-US")]
    pub language: String,
}
