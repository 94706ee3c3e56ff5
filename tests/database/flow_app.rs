//! The application domain's flow: an editor creates an app with its model
//! configuration, web site and API token, the API is called with the
//! token, the app is published as an MCP server and traced, and another
//! workspace installs it (a row that names the owner workspace on purpose).

use dify_models::app::*;
use dify_schema::scope::Editing;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error, Page};
use serde_json::json;

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn an_app_with_its_config_site_and_api_token() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let app_id = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            name: "Support bot".into(),
            mode: AppMode::AdvancedChat,
            icon_type: Some(IconType::Emoji),
            icon: Some("🤖".into()),
            enable_site: true,
            enable_api: true,
            ..samples::app()
        })?;
        assert_eq!(
            app.created_by,
            Some(acme.editor),
            "audit: the acting account"
        );
        assert_eq!(app.status, AppStatus::Normal, "server default, typed");

        // The model configuration, then the app points at it: both ids are
        // branded, so neither can name another workspace's row.
        let config = scope.insert::<AppModelConfig>(NewAppModelConfig {
            provider: Some("openai".into()),
            model_id: Some("gpt-4o".into()),
            configs: Some(json!({"temperature": 0.2})),
            opening_statement: Some("How can I help?".into()),
            prompt_type: Some(PromptType::Advanced),
            ..samples::app_model_config(app.id())
        })?;
        let app = scope
            .update(
                app.id(),
                AppChanges {
                    app_model_config_id: Some(Some(config.id())),
                    description: Some("Answers support questions".into()),
                    ..Default::default()
                },
            )?
            .expect("the app is there");
        assert_eq!(app.app_model_config_id, Some(config.id));
        assert_eq!(app.updated_by, Some(acme.editor));

        let site = scope.insert::<Site>(NewSite {
            title: "Acme Support".into(),
            default_language: "en-US".into(),
            code: Some("acme-support".into()),
            custom_disclaimer: String::new(),
            customize_token_strategy: CustomizeTokenStrategy::NotAllow,
            ..samples::site(app.id())
        })?;
        assert!(site.show_workflow_steps, "server default true");
        assert_eq!(site.parent::<App>(), app.id());

        let token = scope.insert::<ApiToken>(NewApiToken {
            app_id: Some(app.id()),
            r#type: ApiTokenType::App,
            token: "app-4f9c2b".into(),
            ..samples::api_token()
        })?;
        assert_eq!(
            token.tenant_id,
            Some(acme.tenant),
            "nullable tenant_id, filled by the scope"
        );

        scope.insert::<AppMCPServer>(NewAppMCPServer {
            name: "support".into(),
            server_code: "mcp-acme-1".into(),
            parameters: "{}".into(),
            ..samples::app_mcp_server(app.id())
        })?;
        scope.insert::<TraceAppConfig>(NewTraceAppConfig {
            tracing_provider: Some("langfuse".into()),
            tracing_config: Some(json!({"public_key": "pk"})),
            ..samples::trace_app_config(app.id())
        })?;

        // The children of the branded app, without a join.
        let page = Page::first(10);
        assert_eq!(
            scope.children::<AppModelConfig, _>(app.id(), page)?.len(),
            1
        );
        assert_eq!(scope.children::<Site, _>(app.id(), page)?.len(), 1);
        assert_eq!(
            scope.children::<TraceAppConfig, _>(app.id(), page)?.len(),
            1
        );
        Ok::<_, Error>(app.id)
    })
    .unwrap();

    // A call through the API is logged by whoever served it (a member-level write).
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let token = scope.list::<ApiToken>(Page::first(1))?.remove(0);
            let request = scope.insert::<ApiRequest>(NewApiRequest {
                path: "/v1/chat-messages".into(),
                request: Some(r#"{"query":"hi"}"#.into()),
                ip: "198.51.100.4".into(),
                ..samples::api_request(token.id())
            })?;
            assert_eq!(request.api_token_id, token.id);
            // A normal member reads the app but may not edit it.
            assert!(scope.lookup::<App>(app_id)?.is_some());
            assert!(scope.require::<Editing>().is_err());
            Ok(())
        },
    )
    .unwrap();

    // Globex installs Acme's app in its explore list: the row is Globex's,
    // and says on purpose which workspace owns the app.
    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            let scope = scope.require::<Editing>()?;
            let installed = scope.insert::<InstalledApp>(NewInstalledApp {
                app_id,
                app_owner_tenant_id: acme.tenant,
                position: 0,
                is_pinned: Some(true),
                ..samples::installed_app()
            })?;
            assert_eq!(installed.tenant_id, globex.tenant);
            assert_eq!(installed.app_owner_tenant_id, acme.tenant);
            // Installing the app does not make it Globex's to read.
            assert!(scope.lookup::<App>(app_id)?.is_none());
            assert!(scope.list::<AppModelConfig>(Page::first(10))?.is_empty());
            assert!(scope.list::<Site>(Page::first(10))?.is_empty());
            Ok(())
        },
    )
    .unwrap();
    // Dify installs an app once per workspace.
    let again = with_tenant(&mut conn, globex.tenant, globex.owner, |scope| {
        scope
            .require::<Editing>()?
            .insert::<InstalledApp>(NewInstalledApp {
                app_id,
                app_owner_tenant_id: acme.tenant,
                ..samples::installed_app()
            })
            .map(|row| row.id)
    });
    assert!(
        matches!(&again, Err(Error::Database(e)) if e.to_string().contains("unique_tenant_app")),
        "{again:?}"
    );

    // The explore catalogue is global; the system lists the app there.
    let mut system = bypass_tenant_isolation(&mut conn, "explore catalogue");
    let app = system.trust::<App>(app_id);
    let recommended: RecommendedApp = system
        .insert(
            None,
            None,
            NewRecommendedApp {
                description: json!({"en-US": "A support bot"}),
                category: "Customer Service".into(),
                ..samples::recommended_app(app)
            },
        )
        .unwrap();
    assert_eq!(recommended.language, "en-US", "server default");
}
