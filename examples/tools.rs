//! Tool providers of each kind: an editor adds built-in tool credentials,
//! an OpenAPI tool, an app published as a workflow tool and an MCP server;
//! the workspace's OAuth client for a tool is an admin's to set, and the
//! editor is refused it.
//!
//! Run with `cargo run --example tools`.

mod support;

use dify_models::app::{App, AppMode, NewApp};
use dify_models::tool::*;
use dify_schema::scope::{Editing, Privileged};
use dify_schema::with_tenant;
use support::Result;

fn main() -> Result<()> {
    let mut example = support::setup("tools")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<()> {
        let scope = scope.require::<Editing>()?;
        let builtin = scope.insert::<BuiltinToolProvider>(NewBuiltinToolProvider {
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
        println!(
            "built-in: {} as \"{}\" ({})",
            builtin.provider, builtin.name, builtin.credential_type
        );

        let api = scope.insert::<ApiToolProvider>(NewApiToolProvider {
            id: None,
            name: "Weather".into(),
            icon: r#"{"content": "🌤"}"#.into(),
            schema: "openapi: 3.1.0\ninfo: {title: Weather, version: '1'}\npaths: {}".into(),
            schema_type_str: "openapi".into(),
            user_id: acme.editor,
            description: "Today's forecast".into(),
            tools_str: "[]".into(),
            credentials_str: r#"{"auth_type": "none"}"#.into(),
            privacy_policy: None,
            custom_disclaimer: String::new(),
        })?;
        println!("OpenAPI: {} ({})", api.name, api.schema_type_str);

        // An app published as a tool other apps can call.
        let app = scope.insert::<App>(NewApp {
            maintainer: None,
            id: None,
            name: "Summarise".into(),
            description: None,
            mode: AppMode::Workflow,
            icon_type: None,
            icon: None,
            icon_background: None,
            app_model_config_id: None,
            workflow_id: None,
            status: None,
            enable_site: false,
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
        let workflow_tool = scope.insert::<WorkflowToolProvider>(NewWorkflowToolProvider {
            id: None,
            name: "summarise".into(),
            label: Some("Summarise".into()),
            icon: r#"{"content": "📝"}"#.into(),
            app_id: app.id(),
            version: Some("1".into()),
            user_id: acme.editor,
            description: "Summarises a text".into(),
            parameter_configuration: Some(r#"[{"name": "text", "form": "llm"}]"#.into()),
            privacy_policy: None,
        })?;
        println!("workflow: {} (app \"{}\")", workflow_tool.name, app.name);

        let mcp = scope.insert::<MCPToolProvider>(NewMCPToolProvider {
            identity_mode: None,
            id: None,
            name: "Linear".into(),
            server_identifier: "linear".into(),
            server_url: "https://mcp.example.com/sse".into(),
            server_url_hash: "9f86d081884c7d65".into(),
            icon: None,
            user_id: acme.editor,
            encrypted_credentials: None,
            authed: false,
            tools: "[]".into(),
            timeout: None,
            sse_read_timeout: None,
            encrypted_headers: None,
        })?;
        println!(
            "MCP: {} at {} (timeout {} s)",
            mcp.name, mcp.server_url, mcp.timeout
        );

        match scope.require::<Privileged>() {
            Err(error) => println!("the editor setting the OAuth client: refused ({error})"),
            Ok(_) => unreachable!("an editor is not privileged"),
        }
        Ok(())
    })?;

    with_tenant(conn, acme.tenant, acme.admin, |scope| -> Result<()> {
        let scope = scope.require::<Privileged>()?;
        let client = scope.insert::<ToolOAuthTenantClient>(NewToolOAuthTenantClient {
            id: None,
            plugin_id: "langgenius/github".into(),
            provider: "github".into(),
            enabled: None,
            encrypted_oauth_params: "***".into(),
        })?;
        println!(
            "the admin's OAuth client for {} (enabled: {})",
            client.provider, client.enabled
        );
        println!(
            "Acme's tools: {} built-in, {} OpenAPI, {} workflow, {} MCP",
            scope.count::<BuiltinToolProvider>()?,
            scope.count::<ApiToolProvider>()?,
            scope.count::<WorkflowToolProvider>()?,
            scope.count::<MCPToolProvider>()?
        );
        Ok(())
    })?;
    Ok(())
}
