//! The tools domain's flow: an editor adds built-in tool credentials, an
//! OpenAPI tool, a workflow published as a tool, and an MCP server; an
//! admin adds the workspace's own OAuth client; tools run and leave files
//! and model invocations; labels are global.

use dify_models::app::{App, AppMode, NewApp};
use dify_models::conversation::Conversation;
use dify_models::tool::*;
use dify_schema::scope::{Editing, Privileged};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::BigDecimal;
use dify_schema::{with_tenant, Error, Page};

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn tool_providers_of_every_kind_and_what_tools_leave_behind() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let (app_id, workflow_tool_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        // Two named credentials of one built-in provider.
        for name in ["API KEY 1", "Team key"] {
            let provider = scope.insert::<BuiltinToolProvider>(NewBuiltinToolProvider {
                name: (name != "API KEY 1").then(|| name.into()),
                user_id: acme.editor,
                provider: "langgenius/google/google".into(),
                encrypted_credentials: Some(r#"{"serpapi_api_key":"***"}"#.into()),
                ..samples::builtin_tool_provider()
            })?;
            assert_eq!(provider.name, name, "'API KEY 1' is the server default");
            assert_eq!(provider.credential_type, "api-key");
            assert_eq!(provider.expires_at, -1);
            assert_eq!(provider.tenant_id, Some(acme.tenant));
        }
        let api = scope.insert::<ApiToolProvider>(NewApiToolProvider {
            name: "Weather".into(),
            schema: "openapi: 3.1.0".into(),
            schema_type_str: "openapi".into(),
            user_id: acme.editor,
            tools_str: "[]".into(),
            credentials_str: r#"{"auth_type":"none"}"#.into(),
            custom_disclaimer: String::new(),
            ..samples::api_tool_provider()
        })?;
        assert_eq!(api.name, "Weather");

        let app = scope.insert::<App>(NewApp {
            name: "Summarise".into(),
            mode: AppMode::Workflow,
            ..samples::app()
        })?;
        let workflow_tool = scope.insert::<WorkflowToolProvider>(NewWorkflowToolProvider {
            name: "summarise".into(),
            label: Some("Summarise".into()),
            user_id: acme.editor,
            parameter_configuration: Some("[]".into()),
            ..samples::workflow_tool_provider(app.id())
        })?;
        assert_eq!(workflow_tool.version, "", "server default");
        let mcp = scope.insert::<MCPToolProvider>(NewMCPToolProvider {
            name: "linear".into(),
            server_identifier: "linear".into(),
            server_url: "https://mcp.example.com/sse".into(),
            server_url_hash: "9f86d081884c7d65".into(),
            user_id: acme.editor,
            tools: "[]".into(),
            ..samples::mcp_tool_provider()
        })?;
        assert_eq!(
            (mcp.timeout, mcp.sse_read_timeout),
            (30.0, 300.0),
            "server defaults"
        );
        scope.insert::<DeprecatedPublishedAppTool>(NewDeprecatedPublishedAppTool {
            user_id: acme.editor,
            ..samples::deprecated_published_app_tool(app.id())
        })?;
        assert_eq!(scope.count::<BuiltinToolProvider>()?, 2);
        // The workspace's OAuth client is an admin's to set.
        assert!(scope.require::<Privileged>().is_err());
        Ok::<_, Error>((app.id, workflow_tool.id))
    })
    .unwrap();

    with_tenant(
        &mut conn,
        acme.tenant,
        acme.admin,
        |scope| -> Result<(), Error> {
            let scope = scope.require::<Privileged>()?;
            let client = scope.insert::<ToolOAuthTenantClient>(NewToolOAuthTenantClient {
                plugin_id: "langgenius/github".into(),
                provider: "github".into(),
                encrypted_oauth_params: "***".into(),
                ..samples::tool_oauth_tenant_client()
            })?;
            assert!(client.enabled, "server default");
            Ok(())
        },
    )
    .unwrap();

    // A run of the app uses tools: files and model invocations are runtime rows.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let app = scope.lookup::<App>(app_id)?.unwrap();
            let conversation = scope.insert::<Conversation>(samples::conversation(app.id()))?;
            let file = scope.insert::<ToolFile>(NewToolFile {
                user_id: acme.normal,
                conversation_id: Some(conversation.id()),
                file_key: "tools/acme/chart.png".into(),
                mimetype: "image/png".into(),
                name: "chart.png".into(),
                size: 5120,
                ..samples::tool_file()
            })?;
            assert_eq!(file.tenant_id, acme.tenant);
            scope.insert::<ToolModelInvoke>(NewToolModelInvoke {
                user_id: acme.normal,
                provider: "openai".into(),
                tool_type: "builtin".into(),
                tool_name: "summarise".into(),
                answer_unit_price: "0.0020".parse::<BigDecimal>().unwrap(),
                currency: "USD".into(),
                ..samples::tool_model_invoke()
            })?;
            scope.insert::<ToolConversationVariables>(NewToolConversationVariables {
                user_id: acme.normal,
                variables_str: "[]".into(),
                ..samples::tool_conversation_variables(conversation.id())
            })?;
            assert_eq!(scope.list::<ToolFile>(Page::first(5))?.len(), 1);
            // Editing the providers is not a normal member's to do.
            assert!(scope.require::<Editing>().is_err());
            Ok(())
        },
    )
    .unwrap();

    // Globex sees none of Acme's tools; labels and system clients are global.
    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope
                .lookup::<WorkflowToolProvider>(workflow_tool_id)?
                .is_none());
            assert_eq!(scope.count::<BuiltinToolProvider>()?, 0);
            assert_eq!(scope.count::<MCPToolProvider>()?, 0);
            assert_eq!(scope.count::<ToolFile>()?, 0);
            Ok(())
        },
    )
    .unwrap();
    let mut system = bypass_tenant_isolation(&mut conn, "global tool rows");
    let label: ToolLabelBinding = system
        .insert(
            None,
            None,
            NewToolLabelBinding {
                tool_id: workflow_tool_id.to_string()[..32].into(),
                tool_type: "workflow".into(),
                label_name: "productivity".into(),
                ..samples::tool_label_binding()
            },
        )
        .unwrap();
    assert_eq!(label.label_name, "productivity");
    system
        .insert::<ToolOAuthSystemClient>(
            None,
            None,
            NewToolOAuthSystemClient {
                plugin_id: "langgenius/github".into(),
                provider: "github".into(),
                ..samples::tool_oauth_system_client()
            },
        )
        .unwrap();
}
