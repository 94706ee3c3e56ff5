//! Every declared entity goes into the database and comes back unchanged,
//! enums, json and timestamps included; bad rows are typed errors.

use diesel::connection::SimpleConnection;
use diesel::{PgConnection, RunQueryDsl};
use dify_models::account::*;
use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::dataset::*;
use dify_models::SCHEMA;
use dify_schema::render::postgres;
use dify_schema::system::{bypass_tenant_isolation, SystemAccess};
use dify_schema::types::{BigDecimal, NaiveDateTime, Uuid};
use dify_schema::Error;
use dify_tests::TestDatabase;
use serde_json::json;

fn fresh_schema(db: &TestDatabase) -> PgConnection {
    let mut conn = db.connect();
    conn.batch_execute(&postgres::create_schema(&SCHEMA))
        .unwrap();
    conn
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").unwrap()
}

/// Inserts a row, reads it back by key, and checks both agree.
fn round_trip<'c, E>(
    system: &mut SystemAccess<'c>,
    tenant: Option<Uuid>,
    actor: Option<Uuid>,
    new: E::New<'c>,
) -> E
where
    E: dify_schema::__private::Persist<Key = Uuid> + PartialEq + std::fmt::Debug + HasId,
{
    let inserted: E = system.insert(tenant, actor, new).unwrap();
    let found: E = system
        .find(inserted.id())
        .unwrap()
        .expect("the inserted row is found");
    assert_eq!(found, inserted, "{} did not round-trip", E::TABLE.name);
    inserted
}

trait HasId {
    fn id(&self) -> Uuid;
}

macro_rules! has_id {
    ($($entity:ty),*) => { $(impl HasId for $entity { fn id(&self) -> Uuid { self.id } })* };
}
has_id!(
    Tenant,
    Account,
    TenantAccountJoin,
    App,
    Conversation,
    Message,
    Dataset,
    Document,
    DocumentSegment
);

#[test]
fn every_entity_round_trips_through_insert_and_select() {
    let db = TestDatabase::new();
    let mut conn = fresh_schema(&db);
    let mut system = bypass_tenant_isolation(&mut conn, "round-trip test");

    let tenant: Tenant = round_trip(
        &mut system,
        None,
        None,
        NewTenant {
            id: None,
            name: "Acme".into(),
            encrypt_public_key: Some("-----BEGIN PUBLIC KEY-----".into()),
            plan: None,
            status: Some(TenantStatus::Archive),
            custom_config: None,
        },
    );
    assert_eq!(
        tenant.plan, "basic",
        "the server default fills an omitted column"
    );
    assert_eq!(tenant.status, TenantStatus::Archive);

    let account: Account = round_trip(
        &mut system,
        None,
        None,
        NewAccount {
            id: None,
            name: "Ada".into(),
            email: "ada@example.com".into(),
            password: None,
            password_salt: None,
            avatar: None,
            interface_language: Some("en-US".into()),
            interface_theme: None,
            timezone: Some("Europe/London".into()),
            last_login_at: Some(at("2026-11-25 10:00:00.123456")),
            last_login_ip: None,
            last_active_at: None,
            status: None,
            initialized_at: None,
        },
    );
    assert_eq!(
        account.status,
        AccountStatus::Active,
        "an enum default comes back typed"
    );
    assert_eq!(
        account.last_login_at,
        Some(at("2026-11-25 10:00:00.123456")),
        "microseconds survive"
    );

    let join: TenantAccountJoin = round_trip(
        &mut system,
        Some(tenant.id),
        None,
        NewTenantAccountJoin {
            last_opened_at: None,
            id: None,
            account_id: account.id,
            current: Some(true),
            role: Some(InvitedRole::DatasetOperator),
            invited_by: None,
        },
    );
    assert_eq!(
        join.tenant_id, tenant.id,
        "the tenant comes from the context, not the form"
    );
    assert_eq!(join.role, TenantAccountRole::DatasetOperator);

    let app: App = round_trip(
        &mut system,
        Some(tenant.id),
        Some(account.id),
        NewApp {
            maintainer: None,
            id: None,
            name: "Support bot".into(),
            description: None,
            mode: AppMode::AdvancedChat,
            icon_type: Some(IconType::Emoji),
            icon: Some("🤖".into()),
            icon_background: None,
            app_model_config_id: None,
            workflow_id: None,
            status: None,
            enable_site: true,
            enable_api: false,
            api_rpm: None,
            api_rph: Some(60),
            is_demo: None,
            is_public: None,
            is_universal: None,
            tracing: None,
            max_active_requests: None,
            use_icon_as_answer_icon: None,
        },
    );
    assert_eq!(app.mode, AppMode::AdvancedChat);
    assert_eq!(
        app.created_by,
        Some(account.id),
        "the actor fills created_by"
    );
    assert_eq!(app.description, "", "empty-string default");

    let app_ref = system.trust::<App>(app.id);
    let conversation: Conversation = round_trip(
        &mut system,
        None,
        None,
        NewConversation {
            id: None,
            app_id: app_ref,
            app_model_config_id: None,
            model_provider: Some("openai".into()),
            override_model_configs: None,
            model_id: Some("gpt-4o".into()),
            mode: AppMode::Chat,
            name: "Refund".into(),
            summary: None,
            inputs: json!({"order": 42, "tags": ["a", "b"], "nested": {"ok": true}}),
            introduction: None,
            system_instruction: None,
            system_instruction_tokens: None,
            status: ConversationStatus::Normal,
            invoke_from: Some(InvokeFrom::WebApp),
            from_source: ConversationFromSource::Api,
            from_end_user_id: None,
            from_account_id: Some(account.id),
            read_at: None,
            read_account_id: None,
            dialogue_count: Some(0),
        },
    );
    assert_eq!(
        conversation.inputs["nested"]["ok"],
        json!(true),
        "json round-trips"
    );
    assert!(!conversation.is_deleted);

    let conversation_ref = system.trust::<Conversation>(conversation.id);
    let message: Message = round_trip(
        &mut system,
        None,
        None,
        NewMessage {
            id: None,
            app_id: app_ref,
            model_provider: None,
            model_id: None,
            override_model_configs: None,
            conversation_id: conversation_ref,
            inputs: json!({}),
            query: "Where is my refund?".into(),
            message: json!([{"role": "user", "text": "Where is my refund?"}]),
            message_tokens: Some(7),
            message_unit_price: "0.0010".parse::<BigDecimal>().unwrap(),
            message_price_unit: None,
            answer: "On its way.".into(),
            answer_tokens: None,
            answer_unit_price: "0.0020".parse::<BigDecimal>().unwrap(),
            answer_price_unit: None,
            parent_message_id: None,
            provider_response_latency: Some(0.25),
            total_price: Some("0.0000270".parse().unwrap()),
            currency: "USD".into(),
            status: Some(MessageStatus::Normal),
            error: None,
            message_metadata: None,
            invoke_from: None,
            from_source: "api".into(),
            from_end_user_id: None,
            from_account_id: None,
            agent_based: None,
            workflow_run_id: None,
            app_mode: Some("chat".into()),
        },
    );
    assert_eq!(
        message.message_price_unit,
        "0.001".parse::<BigDecimal>().unwrap(),
        "numeric default"
    );

    let dataset: Dataset = round_trip(
        &mut system,
        Some(tenant.id),
        Some(account.id),
        NewDataset {
            maintainer: None,
            summary_index_setting: None,
            id: None,
            name: "Handbook".into(),
            description: None,
            provider: None,
            permission: Some(DatasetPermissionEnum::AllTeamMembers),
            data_source_type: Some(DataSourceType::UploadFile),
            indexing_technique: Some(IndexingTechnique::HighQuality),
            index_struct: None,
            embedding_model: None,
            embedding_model_provider: None,
            keyword_number: None,
            collection_binding_id: None,
            retrieval_model: Some(json!({"search_method": "semantic_search", "top_k": 4})),
            built_in_field_enabled: None,
            icon_info: None,
            runtime_mode: None,
            pipeline_id: None,
            chunk_structure: None,
            enable_api: None,
            is_multimodal: None,
        },
    );
    assert_eq!(dataset.created_by, account.id);
    assert_eq!(dataset.keyword_number, Some(10));

    let dataset_ref = system.trust::<Dataset>(dataset.id);
    let document: Document = round_trip(
        &mut system,
        Some(tenant.id),
        Some(account.id),
        NewDocument {
            need_summary: None,
            id: None,
            dataset_id: dataset_ref,
            position: 1,
            data_source_type: DataSourceType::UploadFile,
            data_source_info: None,
            dataset_process_rule_id: None,
            batch: "20261125".into(),
            name: "handbook.pdf".into(),
            created_from: DocumentCreatedFrom::Web,
            created_api_request_id: None,
            processing_started_at: None,
            file_id: None,
            word_count: None,
            parsing_completed_at: None,
            cleaning_completed_at: None,
            splitting_completed_at: None,
            tokens: None,
            indexing_latency: None,
            completed_at: None,
            is_paused: None,
            paused_by: None,
            paused_at: None,
            error: None,
            stopped_at: None,
            indexing_status: Some(IndexingStatus::Splitting),
            enabled: None,
            disabled_at: None,
            disabled_by: None,
            archived: None,
            archived_reason: None,
            archived_by: None,
            archived_at: None,
            doc_type: None,
            doc_metadata: Some(json!({"author": "HR"})),
            doc_form: None,
            doc_language: Some("English".into()),
        },
    );
    assert_eq!(document.indexing_status, IndexingStatus::Splitting);

    let document_ref = system.trust::<Document>(document.id);
    let segment: DocumentSegment = round_trip(
        &mut system,
        Some(tenant.id),
        Some(account.id),
        NewDocumentSegment {
            id: None,
            dataset_id: dataset_ref,
            document_id: document_ref,
            position: 1,
            content: "Refunds take five days.".into(),
            answer: None,
            word_count: 4,
            tokens: 6,
            keywords: Some(json!(["refund"])),
            index_node_id: None,
            index_node_hash: None,
            hit_count: 0,
            enabled: None,
            disabled_at: None,
            disabled_by: None,
            status: Some(SegmentStatus::ReSegment),
            indexing_at: None,
            completed_at: None,
            error: None,
            stopped_at: None,
        },
    );
    assert_eq!(segment.status, SegmentStatus::ReSegment);

    // This test checks values in depth for the nine tables it started with;
    // a row in every one of SCHEMA's tables is `every_table`'s to write (and
    // it fails when a declared table has none). The nine must stay declared.
    for table in [
        "tenants",
        "accounts",
        "tenant_account_joins",
        "apps",
        "conversations",
        "messages",
        "datasets",
        "documents",
        "document_segments",
    ] {
        assert!(
            SCHEMA.table(table).is_some(),
            "{table} is no longer declared"
        );
    }
}

#[test]
fn an_unknown_enum_value_in_a_row_is_a_typed_error() {
    let db = TestDatabase::new();
    let mut conn = fresh_schema(&db);
    let mut system = bypass_tenant_isolation(&mut conn, "enum test");
    let tenant: Tenant = system
        .insert(
            None,
            None,
            NewTenant {
                id: None,
                name: "T".into(),
                encrypt_public_key: None,
                plan: None,
                status: None,
                custom_config: None,
            },
        )
        .unwrap();
    // Dify's Python side may write a value this build does not know yet.
    diesel::sql_query(format!(
        "UPDATE tenants SET status = 'frozen' WHERE id = '{}'",
        tenant.id
    ))
    .execute(system.connection())
    .unwrap();
    match system.find::<Tenant>(tenant.id) {
        Err(Error::UnknownEnumValue {
            column,
            value: unknown,
        }) => {
            assert_eq!(column.as_deref(), Some("status"));
            assert_eq!(unknown.enum_name, "TenantStatus");
            assert_eq!(unknown.value, "frozen");
        }
        other => panic!("expected an UnknownEnumValue error, got {other:?}"),
    }
}

#[test]
fn an_over_long_varchar_is_refused_before_anything_is_written() {
    let db = TestDatabase::new();
    let mut conn = fresh_schema(&db);
    let mut system = bypass_tenant_isolation(&mut conn, "length test");
    let result = system.insert::<Tenant>(
        None,
        None,
        NewTenant {
            id: None,
            name: "é".repeat(256),
            encrypt_public_key: None,
            plan: None,
            status: None,
            custom_config: None,
        },
    );
    match result {
        Err(Error::ValueTooLong {
            table: "tenants",
            column: "name",
            max: 255,
            actual: 256,
        }) => {}
        other => panic!("expected ValueTooLong, got {other:?}"),
    }
    // 255 two-byte characters fit: the limit counts characters, not bytes.
    system
        .insert::<Tenant>(
            None,
            None,
            NewTenant {
                id: None,
                name: "é".repeat(255),
                encrypt_public_key: None,
                plan: None,
                status: None,
                custom_config: None,
            },
        )
        .unwrap();
    assert_eq!(system.list::<Tenant>().unwrap().len(), 1);
}

#[test]
fn a_tenant_owned_insert_without_a_tenant_is_refused() {
    let db = TestDatabase::new();
    let mut conn = fresh_schema(&db);
    let mut system = bypass_tenant_isolation(&mut conn, "tenant test");
    let result = system.insert::<TenantAccountJoin>(
        None,
        None,
        NewTenantAccountJoin {
            last_opened_at: None,
            id: None,
            account_id: Uuid::new_v4(),
            current: None,
            role: None,
            invited_by: None,
        },
    );
    assert!(
        matches!(
            result,
            Err(Error::MissingTenant {
                table: "tenant_account_joins"
            })
        ),
        "{result:?}"
    );
}
