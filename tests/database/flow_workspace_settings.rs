//! The remaining domains, as the workspace settings and integrations an
//! admin manages: model providers (credentials, models, load balancing,
//! defaults, a quota order), plugin permissions, data sources, and the
//! triggers of a workflow app with their log; plus the global rows of the
//! OAuth and system domains.

use dify_models::app::{App, AppMode, NewApp};
use dify_models::datasource::*;
use dify_models::enums::CreatorUserRole;
use dify_models::oauth::*;
use dify_models::plugin::*;
use dify_models::provider::*;
use dify_models::system::*;
use dify_models::trigger::*;
use dify_models::workflow::Workflow;
use dify_schema::scope::{Editing, Privileged};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error, Page, StringEnum};
use serde_json::json;

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn an_admin_configures_providers_plugins_data_sources_and_triggers() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    // Model providers are a privileged setting: an editor is refused.
    let refused = with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            scope.require::<Privileged>()?;
            Ok(())
        },
    );
    assert!(matches!(
        refused,
        Err(Error::Forbidden {
            need: "Privileged",
            ..
        })
    ));

    with_tenant(
        &mut conn,
        acme.tenant,
        acme.admin,
        |scope| -> Result<(), Error> {
            let scope = scope.require::<Privileged>()?;
            let credential = scope.insert::<ProviderCredential>(NewProviderCredential {
                provider_name: "langgenius/openai/openai".into(),
                credential_name: "Production".into(),
                encrypted_config: r#"{"openai_api_key":"***"}"#.into(),
                ..samples::provider_credential()
            })?;
            let provider = scope.insert::<Provider>(NewProvider {
                provider_name: "langgenius/openai/openai".into(),
                is_valid: Some(true),
                credential_id: Some(credential.id()),
                quota_type: Some(ProviderQuotaType::Paid.as_str().into()),
                ..samples::provider()
            })?;
            assert_eq!(
                provider.provider_type,
                ProviderType::Custom,
                "typed server default"
            );
            let model_credential =
                scope.insert::<ProviderModelCredential>(NewProviderModelCredential {
                    provider_name: "langgenius/openai/openai".into(),
                    model_name: "gpt-4o".into(),
                    model_type: "llm".into(),
                    ..samples::provider_model_credential()
                })?;
            scope.insert::<ProviderModel>(NewProviderModel {
                provider_name: "langgenius/openai/openai".into(),
                model_name: "gpt-4o".into(),
                model_type: "llm".into(),
                credential_id: Some(model_credential.id()),
                ..samples::provider_model()
            })?;
            let setting = scope.insert::<ProviderModelSetting>(NewProviderModelSetting {
                load_balancing_enabled: Some(true),
                ..samples::provider_model_setting()
            })?;
            assert!(setting.enabled && setting.load_balancing_enabled);
            scope.insert::<LoadBalancingModelConfig>(NewLoadBalancingModelConfig {
                name: "__inherit__".into(),
                credential_id: Some(credential.id().into()),
                credential_source_type: Some(CredentialSourceType::Provider),
                ..samples::load_balancing_model_config()
            })?;
            scope.insert::<TenantDefaultModel>(NewTenantDefaultModel {
                model_name: "gpt-4o".into(),
                model_type: "llm".into(),
                ..samples::tenant_default_model()
            })?;
            scope.insert::<TenantPreferredModelProvider>(NewTenantPreferredModelProvider {
                preferred_provider_type: ProviderType::System,
                ..samples::tenant_preferred_model_provider()
            })?;
            let order = scope.insert::<ProviderOrder>(NewProviderOrder {
                payment_product_id: "gpt-4o-credits".into(),
                total_amount: Some(2000),
                ..samples::provider_order(acme.admin)
            })?;
            assert_eq!(
                order.payment_status,
                PaymentStatus::WaitPay,
                "typed server default"
            );
            assert_eq!(order.quantity, 1);
            scope.update(
                order.id(),
                ProviderOrderChanges {
                    payment_status: Some(PaymentStatus::Paid),
                    paid_at: Some(Some(samples::noon())),
                    ..Default::default()
                },
            )?;

            // Plugins: who may install and debug, how they upgrade (one row per workspace).
            let permission =
                scope.insert::<TenantPluginPermission>(samples::tenant_plugin_permission())?;
            assert_eq!(
                (permission.install_permission, permission.debug_permission),
                (InstallPermission::Everyone, DebugPermission::Noone),
                "typed server defaults"
            );
            let strategy = scope.insert::<TenantPluginAutoUpgradeStrategy>(
                NewTenantPluginAutoUpgradeStrategy {
                    strategy_setting: Some(StrategySetting::Latest),
                    exclude_plugins: json!([]),
                    include_plugins: json!([]),
                    upgrade_time_of_day: 0,
                    ..samples::tenant_plugin_auto_upgrade_strategy()
                },
            )?;
            assert_eq!(strategy.upgrade_mode, UpgradeMode::Exclude);

            // Data sources: a Notion binding, a web crawler key, a pipeline datasource.
            scope.insert::<DataSourceOauthBinding>(NewDataSourceOauthBinding {
                provider: "notion".into(),
                source_info: json!({"workspace_name": "Acme", "pages": []}),
                ..samples::data_source_oauth_binding()
            })?;
            let crawler =
                scope.insert::<DataSourceApiKeyAuthBinding>(NewDataSourceApiKeyAuthBinding {
                    category: "website".into(),
                    provider: "firecrawl".into(),
                    ..samples::data_source_api_key_auth_binding()
                })?;
            assert_eq!(crawler.disabled, Some(false));
            let datasource = scope.insert::<DatasourceProvider>(NewDatasourceProvider {
                name: "Drive".into(),
                provider: "google_drive".into(),
                plugin_id: "langgenius/google_drive".into(),
                auth_type: "oauth2".into(),
                encrypted_credentials: json!({"token": "***"}),
                ..samples::datasource_provider()
            })?;
            assert_eq!(datasource.expires_at, -1, "server default");
            scope.insert::<DatasourceOauthTenantParamConfig>(
                samples::datasource_oauth_tenant_param_config(),
            )?;
            scope.insert::<TriggerOAuthTenantClient>(samples::trigger_oauth_tenant_client())?;
            assert_eq!(scope.count::<Provider>()?, 1);
            Ok(())
        },
    )
    .unwrap();

    // An editor wires triggers into a workflow app; the runtime logs a firing.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                mode: AppMode::Workflow,
                ..samples::app()
            })?;
            let workflow = scope.insert::<Workflow>(samples::workflow(app.id()))?;
            let subscription = scope.insert::<TriggerSubscription>(NewTriggerSubscription {
                name: "GitHub pushes".into(),
                user_id: acme.editor,
                provider_id: "langgenius/github/github".into(),
                endpoint_id: "ep-7f3a".into(),
                credential_type: "oauth".into(),
                credential_expires_at: -1,
                expires_at: -1,
                ..samples::trigger_subscription()
            })?;
            scope.insert::<AppTrigger>(NewAppTrigger {
                node_id: "webhook".into(),
                trigger_type: AppTriggerType::TriggerWebhook,
                title: "On push".into(),
                status: AppTriggerStatus::Enabled,
                updated_at: Some(samples::noon()),
                ..samples::app_trigger(app.id())
            })?;
            let webhook = scope.insert::<WorkflowWebhookTrigger>(NewWorkflowWebhookTrigger {
                node_id: "webhook".into(),
                webhook_id: "wh_24charsxxxxxxxxxxxxxx".into(),
                ..samples::workflow_webhook_trigger(app.id())
            })?;
            assert_eq!(webhook.created_by, acme.editor, "audit");
            scope.insert::<WorkflowPluginTrigger>(NewWorkflowPluginTrigger {
                node_id: "plugin".into(),
                provider_id: subscription.provider_id.clone(),
                event_name: "push".into(),
                subscription_id: subscription.id.to_string(),
                ..samples::workflow_plugin_trigger(app.id())
            })?;
            scope.insert::<WorkflowSchedulePlan>(NewWorkflowSchedulePlan {
                node_id: "schedule".into(),
                cron_expression: "0 9 * * 1-5".into(),
                timezone: "Europe/Berlin".into(),
                next_run_at: Some(samples::noon()),
                ..samples::workflow_schedule_plan(app.id())
            })?;
            let log = scope.insert::<WorkflowTriggerLog>(NewWorkflowTriggerLog {
                trigger_type: AppTriggerType::TriggerWebhook,
                status: WorkflowTriggerStatus::Queued,
                queue_name: "workflow_professional".into(),
                created_by_role: CreatorUserRole::Account,
                created_by: acme.editor.to_string(),
                retry_count: 0,
                ..samples::workflow_trigger_log(app.id(), workflow.id())
            })?;
            scope.update(
                log.id(),
                WorkflowTriggerLogChanges {
                    status: Some(WorkflowTriggerStatus::Succeeded),
                    finished_at: Some(Some(samples::noon())),
                    ..Default::default()
                },
            )?;
            assert_eq!(scope.list::<AppTrigger>(Page::first(5))?.len(), 1);
            Ok(())
        },
    )
    .unwrap();

    // None of it is Globex's.
    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert_eq!(scope.count::<Provider>()?, 0);
            assert_eq!(scope.count::<ProviderCredential>()?, 0);
            assert_eq!(scope.count::<TenantPluginPermission>()?, 0);
            assert_eq!(scope.count::<DatasourceProvider>()?, 0);
            assert_eq!(scope.count::<TriggerSubscription>()?, 0);
            assert_eq!(scope.count::<WorkflowTriggerLog>()?, 0);
            Ok(())
        },
    )
    .unwrap();

    // Global rows: Dify's own OAuth app, the setup record, a Celery result.
    let mut system = bypass_tenant_isolation(&mut conn, "global rows");
    let oauth_app: OAuthProviderApp = system
        .insert(None, None, samples::oauth_provider_app())
        .unwrap();
    // The server's `uuidv7()` made the id: the migrations' real version-7
    // uuid, or whatever the function of a database Dify created returns
    // (the reference dump's is a stand-in).
    #[derive(diesel::QueryableByName)]
    struct Version {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        version: i32,
    }
    let server: Version = diesel::RunQueryDsl::get_result(
        diesel::sql_query("SELECT substr(uuidv7()::text, 15, 1)::int AS version"),
        system.connection(),
    )
    .unwrap();
    assert_eq!(
        oauth_app.id.get_version_num() as i32,
        server.version,
        "the id comes from the server's uuidv7()"
    );
    assert_eq!(oauth_app.redirect_uris, json!([]), "json server default");
    let setup: DifySetup = system
        .insert(
            None,
            None,
            NewDifySetup {
                version: "1.11.0".into(),
                ..samples::dify_setup()
            },
        )
        .unwrap();
    assert_eq!(setup.version, "1.11.0");
    let task: CeleryTask = system
        .insert(
            None,
            None,
            NewCeleryTask {
                id: Some(1),
                task_id: "c0ffee".into(),
                status: "SUCCESS".into(),
                result: Some(vec![0x80, 0x04]),
                ..samples::celery_task()
            },
        )
        .unwrap();
    assert!(
        task.date_done.is_some(),
        "filled by the insert, as Dify's default does"
    );
}
