//! Integration tests against a real PostgreSQL server, one binary for all
//! (one link, one build). Each test creates its own database.

mod bulk;
mod catalogue;
mod composable;
mod ddl;
mod diesel_harness;
mod dify_catalogue;
mod every_table;
mod fixtures;
mod flow_account;
mod flow_agent;
mod flow_app;
mod flow_comment;
mod flow_conversation;
mod flow_credential;
mod flow_credit;
mod flow_dataset;
mod flow_file;
mod flow_human_input;
mod flow_oauth_token;
mod flow_snippet;
mod flow_summary;
mod flow_tag;
mod flow_tool;
mod flow_trial;
mod flow_workflow;
mod flow_workspace_settings;
mod isolation;
mod migrations;
mod panic;
mod pool;
mod prepared;
mod rls;
mod round_trip;
mod samples;
mod scoped_sql;
