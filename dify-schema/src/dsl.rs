//! The declaration language: `#[entity]`, `#[column]`, `#[index]`,
//! `#[unique]`, `#[derive(StringEnum)]` and [`schema!`](macro@crate::schema).
//!
//! This module has no items; it is the reference for every key the macros
//! accept, what each one generates (DDL, the insert and update forms, what a
//! tenant scope does with the table) and the rules `#[entity]` checks. Every
//! example below is compiled by `cargo test --doc -p dify-schema`; the
//! `compile_fail` ones show a rule at work.
//!
//! # A declaration
//!
//! An entity is a struct with named fields, one per column, under
//! `#[entity(...)]`; it cannot be generic. Each field has exactly one
//! `#[column(...)]`; the struct may carry
//! `#[index(...)]` and `#[unique(...)]`. Other attributes (docs, derives,
//! serde) stay on the row struct as written. Every entity must be listed in
//! its crate's [`schema!`](macro@crate::schema), together with the
//! entities it references:
//!
//! ```rust
//! use dify_schema::prelude::*;
//!
//! dify_schema::schema! {
//!     /// The crate's schema: the DDL, the migrations and row-level security come from it.
//!     pub static SCHEMA = [Tenant, App];
//! }
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
//! pub enum AppMode {
//!     Completion,
//!     Chat,
//!     #[value = "advanced-chat"]
//!     AdvancedChat,
//! }
//!
//! #[entity(table = "tenants", owner = global, visible = rows("id = {tenant}"), primary_key_name = "tenant_pkey")]
//! pub struct Tenant {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//! }
//!
//! /// Dify's `App` (`apps`).
//! #[entity(table = "apps", owner = tenant, primary_key_name = "app_pkey")]
//! #[index(name = "app_tenant_id_idx", columns(tenant_id))]
//! #[derive(Debug, Clone, PartialEq)]
//! pub struct App {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid, references = Tenant)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//!     #[column(varchar(255))]
//!     pub mode: AppMode,
//!     #[column(text, default = "")]
//!     pub description: String,
//!     #[column(uuid, audit = created_by)]
//!     pub created_by: Option<Uuid>,
//!     #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
//!     pub created_at: NaiveDateTime,
//! }
//!
//! fn main() {
//!     use dify_schema::render::postgres;
//!
//!     assert_eq!(<App as Entity>::TABLE.name, "apps");
//!     assert_eq!(SCHEMA.table("apps"), Some(<App as Entity>::TABLE));
//!     assert_eq!(
//!         postgres::create_table(<App as Entity>::TABLE),
//!         "CREATE TABLE apps (
//!     id uuid DEFAULT uuid_generate_v4() NOT NULL,
//!     tenant_id uuid NOT NULL,
//!     name varchar(255) NOT NULL,
//!     mode varchar(255) NOT NULL,
//!     description text DEFAULT '' NOT NULL,
//!     created_by uuid,
//!     created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
//!     CONSTRAINT app_pkey PRIMARY KEY (id)
//! );"
//!     );
//!
//!     // The insert form: no tenant (the scope sets it), no audit columns (the
//!     // scope's account and the server's clock); a column with a default is
//!     // an `Option`, `None` letting the default decide.
//!     let new = NewApp {
//!         id: None,
//!         name: "Support bot".into(),
//!         mode: AppMode::Chat,
//!         description: None,
//!     };
//!     // The update form: each `Some` is written; no key, tenant or audit column.
//!     let changes = AppChanges {
//!         name: Some("Renamed".into()),
//!         ..Default::default()
//!     };
//!     # let _ = (new, changes);
//! }
//! ```
//!
//! What a standalone declaration needs:
//!
//! * `use dify_schema::prelude::*;` brings the attributes, the
//!   `StringEnum` derive and the column types (`Uuid`, `NaiveDateTime`,
//!   `UtcDateTime`, `Json`, `BigDecimal`).
//! * The crate depends on `dify-schema` and on `diesel`: Diesel's `table!`,
//!   which `#[entity]` expands to, names `::diesel`.
//! * `dify_schema::schema! { pub static SCHEMA = [...]; }` at the crate
//!   root lists every entity; a declaration missing from it does not
//!   compile (see [`schema!`](#schema)).
//! * `schema!` goes at the crate root: each entity's registration check and
//!   the generated joins name `crate::...`. (Each example here is a crate
//!   of its own, with its own `schema!` and an explicit `fn main`.)
//!
//! From one declaration `#[entity]` generates the row struct (as declared,
//! without the DSL's attributes), the Diesel table, the insert form
//! (`New<Entity>`) and the update form (`<Entity>Changes`), the
//! [`Entity`](crate::Entity) impl with the static
//! [`Table`](crate::schema::Table) description that
//! [`render::postgres`](crate::render::postgres), the migrations and
//! [`rls`](crate::rls) read, and the scoped accessors. Every mistake is a
//! compile error at the offending token that says how to fix it, all of
//! them in one compile (`tests/ui/declaration/` has one case per rule).
//!
//! # `#[entity(...)]`
//!
//! | key | required | what it does |
//! | --- | --- | --- |
//! | `table = "apps"` | yes | the SQL table name (lower-case ASCII letters, digits and `_`, at most 63 bytes, not starting with a digit; the same holds for every name below) |
//! | `owner = tenant` | one `owner` | the row belongs to the tenant in its `tenant_id` column, which must exist and be `uuid` |
//! | `owner = via(app_id)` | | the row belongs to the tenant of the parent `app_id` references; the column needs `references = Parent`, must be NOT NULL, and the parent must be tenant-owned itself (`owner = tenant` or `via`) |
//! | `owner = global` | | the row belongs to no tenant (accounts, tenants, embeddings); needs `visible` |
//! | `primary_key_name = "app_pkey"` | no | the primary key constraint's name (default `<table>_pkey`; Dify names most of them by hand) |
//! | `soft_delete = is_deleted` | no | a NOT NULL `boolean` set to true, or a nullable `timestamp` set to now, by `scope.soft_delete`; scoped reads skip such rows; the column is in neither form |
//! | `write = editing` | no | the capability an update or delete needs: `member`, `dataset_editing`, `editing` (the default), `privileged` or `owner` |
//! | `create = privileged` | no | the capability an insert needs, when it differs from `write` |
//! | `visible = all` / `none` / `rows("...")` | for `global` | which rows of a global table a tenant scope may read (row-level security on the service role): `all` (shared reference data), `none` (only the system path: secrets, other workspaces' data), `rows("id = {tenant}")` (an SQL condition on the scope's tenant, written `{tenant}`); refused on a tenant-owned entity |
//! | `insert = NewApp` | no | the insert form's name (default `New<Entity>`) |
//! | `changes = AppChanges` | no | the update form's name (default `<Entity>Changes`) |
//!
//! ## Ownership
//!
//! The owner decides the tenant predicate every scoped query carries and
//! the row-level security policies of the migrations:
//!
//! * `owner = tenant`: `tenant_id = $1`; the insert sets `tenant_id` from
//!   the scope, and neither form has the field. A column named `tenant_id`
//!   (or `*_tenant_id`) that is not the owner must say `cross_tenant`.
//! * `owner = via(column)`: the parent chain, `app_id = ANY(SELECT apps.id
//!   FROM apps WHERE apps.tenant_id = $1)` (Dify's conversations and
//!   messages have no `tenant_id`). The insert form takes the parent as an
//!   [`Id`](crate::Id) of the scope; the update form has no such field, so
//!   a row never moves to another parent.
//! * `owner = global`: no tenant predicate, and none of a scope's typed
//!   accessors (`find`, `list`, `insert`, ... need a tenant-owned entity).
//!   Row-level security lets a scope's connection read what `visible`
//!   allows and write nothing; system work goes through [`crate::system`].
//!
//! Dify's conversations are owned through their app, soft-deleted with
//! `is_deleted`, and written by any member:
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! use dify_schema::schema::{Capability, Ownership, SoftDelete, Visibility};
//!
//! dify_schema::schema! { pub static SCHEMA = [Tenant, App, Conversation]; }
//!
//! #[entity(table = "tenants", owner = global, visible = rows("id = {tenant}"), primary_key_name = "tenant_pkey")]
//! pub struct Tenant {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//! }
//!
//! #[entity(table = "apps", owner = tenant, primary_key_name = "app_pkey")]
//! pub struct App {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid, references = Tenant)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//! }
//!
//! #[entity(table = "conversations", owner = via(app_id), soft_delete = is_deleted, write = member)]
//! pub struct Conversation {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid, references = App)]
//!     pub app_id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//!     #[column(boolean, default = false)]
//!     pub is_deleted: bool,
//! }
//!
//! // The parent is an `Id` read in the scope `'t`: a conversation cannot be
//! // attached to another workspace's app. `is_deleted` is in no form.
//! fn new_conversation<'t>(app: Id<'t, App>) -> NewConversation<'t> {
//!     NewConversation { id: None, app_id: app, name: "New chat".into() }
//! }
//!
//! fn main() {
//!     let apps = <App as Entity>::TABLE;
//!     let conversations = <Conversation as Entity>::TABLE;
//!     let tenants = <Tenant as Entity>::TABLE;
//!
//!     assert_eq!(apps.ownership, Ownership::Tenant { column: "tenant_id".into() });
//!     assert_eq!(
//!         conversations.ownership,
//!         Ownership::Via { column: "app_id".into(), parent_table: "apps".into() }
//!     );
//!     assert_eq!(tenants.ownership, Ownership::Global);
//!     assert_eq!(tenants.visibility, Visibility::Rows("id = {tenant}".into()));
//!
//!     assert_eq!(apps.primary_key.name, "app_pkey");
//!     assert_eq!(conversations.primary_key.name, "conversations_pkey");
//!     assert_eq!(conversations.soft_delete, Some(SoftDelete::Flag("is_deleted".into())));
//!     assert_eq!(apps.write_capability, Capability::Editing);
//!     assert_eq!(conversations.write_capability, Capability::Member);
//!
//!     // Row-level security: tenant-owned tables get ENABLE + FORCE and
//!     // policies; a via table's policy goes up to its parent.
//!     let security = dify_schema::rls::security_for(&SCHEMA, conversations);
//!     assert!(security.contains("ALTER TABLE conversations FORCE ROW LEVEL SECURITY;"));
//!     assert!(security.contains("FROM apps"));
//!
//!     // The update form has neither the parent nor the soft-delete mark.
//!     let rename = ConversationChanges { name: Some("Renamed".into()) };
//!     # let _ = (rename, new_conversation);
//! }
//! ```
//!
//! ## Capabilities, visibility and the forms' names
//!
//! `write` and `create` name the capability a scope must hold
//! ([`Scope::require`](crate::Scope::require)) for a write: Dify's roles
//! map to `Member` (every member), `DatasetEditing` (dataset operators and
//! up), `Editing` (editors and up), `Privileged` (admins and the owner) and
//! `Owner`. Row-level security checks the same capability. Dify's
//! `tenant_account_joins` lets admins invite (`create = privileged`) but
//! only the owner change or remove a membership (`write = owner`).
//!
//! A global table says what a tenant scope may read of it: Dify's
//! `accounts` are visible to a workspace's members only where they are
//! members too; `recommended_apps` are everyone's; secrets are no scope's.
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! use dify_schema::schema::{Capability, Visibility};
//!
//! dify_schema::schema! { pub static SCHEMA = [Account, RecommendedApp, ProviderSecret, Membership]; }
//!
//! #[entity(
//!     table = "accounts",
//!     owner = global,
//!     visible = rows("id IN (SELECT account_id FROM tenant_account_joins WHERE tenant_id = {tenant})")
//! )]
//! pub struct Account {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(varchar(255))]
//!     pub email: String,
//! }
//!
//! #[entity(table = "recommended_apps", owner = global, visible = all)]
//! pub struct RecommendedApp {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(varchar(255))]
//!     pub language: String,
//! }
//!
//! #[entity(table = "provider_secrets", owner = global, visible = none)]
//! pub struct ProviderSecret {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(text)]
//!     pub encrypted_config: String,
//! }
//!
//! #[entity(
//!     table = "tenant_account_joins",
//!     owner = tenant,
//!     write = owner,
//!     create = privileged,
//!     insert = Invitation,
//!     changes = MembershipChanges
//! )]
//! pub struct Membership {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(uuid, references = Account, fixed)]
//!     pub account_id: Uuid,
//!     #[column(boolean, default = false)]
//!     pub current: bool,
//! }
//!
//! fn main() {
//!     let memberships = <Membership as Entity>::TABLE;
//!     assert_eq!(memberships.create_capability(), Capability::Privileged);
//!     assert_eq!(memberships.write_capability, Capability::Owner);
//!
//!     // `create` defaults to `write`, `write` to `editing`.
//!     assert_eq!(<Account as Entity>::TABLE.create_capability(), Capability::Editing);
//!
//!     assert_eq!(<RecommendedApp as Entity>::TABLE.visibility, Visibility::All);
//!     assert_eq!(<ProviderSecret as Entity>::TABLE.visibility, Visibility::None);
//!     // A table no scope may read is not granted to the service role at all.
//!     let secrets = dify_schema::rls::security_for(&SCHEMA, <ProviderSecret as Entity>::TABLE);
//!     assert!(!secrets.contains("TO dify_service"));
//!
//!     // The renamed forms. A reference to a global entity is a plain `Uuid`.
//!     let invitation = Invitation { id: None, account_id: Uuid::nil(), current: Some(false) };
//!     // `account_id` is `fixed`: set by the insert, in no update.
//!     let changes = MembershipChanges { current: Some(true) };
//!     # let _ = (invitation, changes);
//! }
//! ```
//!
//! The insert form has no `tenant_id`: a row cannot be written into another
//! workspace. Setting it does not compile (`tests/ui/isolation/` has the
//! same for the update form):
//!
//! ```compile_fail,E0560
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [App]; }
//!
//! #[entity(table = "apps", owner = tenant)]
//! pub struct App {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//! }
//!
//! fn main() {
//!     let other_tenant = Uuid::new_v4();
//!     // error[E0560]: struct `NewApp` has no field named `tenant_id`
//!     let new = NewApp { id: None, tenant_id: other_tenant, name: "Mine now".into() };
//! }
//! ```
//!
//! # `#[column(...)]`
//!
//! The SQL type comes first, then the keys in any order:
//! `#[column(varchar(255), default = "normal")]`.
//!
//! ## Types and nullability
//!
//! | SQL type | PostgreSQL | Rust field |
//! | --- | --- | --- |
//! | `uuid` | `uuid` | `Uuid` |
//! | `varchar(n)` (1 to 10485760), `varchar(unbounded)` | `varchar(n)`, `varchar` | `String`, or a [`StringEnum`](crate::StringEnum) |
//! | `text` | `text` | `String`, or a string enum |
//! | `json`, `jsonb` | `json`, `jsonb` | `Json` (`serde_json::Value`) |
//! | `timestamp` | `timestamp without time zone` | `NaiveDateTime` |
//! | `timestamptz` | `timestamp with time zone` | `UtcDateTime` (`DateTime<Utc>`) |
//! | `integer` | `integer` | `i32` |
//! | `bigint` | `bigint` | `i64` |
//! | `boolean` | `boolean` | `bool` |
//! | `float` | `double precision` | `f64` |
//! | `numeric`, `numeric(p, s)` (1 ≤ p ≤ 1000, 0 ≤ s ≤ p) | `numeric`, `numeric(p, s)` | `BigDecimal` |
//! | `bytea` | `bytea` | `Vec<u8>` |
//!
//! A column is nullable exactly when its field is an `Option`. A type of
//! your own (neither of the above) holds only a varchar or text column and
//! must be a string enum; rustc checks that, and that every value of the
//! enum fits the varchar's length.
//!
//! `name = "type"` gives the SQL name when it differs from the field; a raw
//! identifier needs none (`r#type` is the column `type`). A field is one
//! column; two fields with one SQL name are refused.
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [Sample]; }
//!
//! #[entity(table = "samples", owner = global, visible = all)]
//! pub struct Sample {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(varchar(40))]
//!     pub r#type: String,
//!     #[column(varchar(unbounded), name = "provider_name")]
//!     pub provider: Option<String>,
//!     #[column(text)]
//!     pub body: Option<String>,
//!     #[column(json)]
//!     pub inputs: Json,
//!     #[column(jsonb)]
//!     pub retrieval_model: Option<Json>,
//!     #[column(timestamp)]
//!     pub read_at: Option<NaiveDateTime>,
//!     #[column(timestamptz)]
//!     pub expires_at: UtcDateTime,
//!     #[column(integer)]
//!     pub position: i32,
//!     #[column(bigint)]
//!     pub total_tokens: i64,
//!     #[column(boolean)]
//!     pub enabled: bool,
//!     #[column(float)]
//!     pub latency: f64,
//!     #[column(numeric(10, 7))]
//!     pub unit_price: BigDecimal,
//!     #[column(numeric)]
//!     pub total_price: Option<BigDecimal>,
//!     #[column(bytea)]
//!     pub embedding: Vec<u8>,
//! }
//!
//! fn main() {
//!     assert_eq!(
//!         dify_schema::render::postgres::create_table(<Sample as Entity>::TABLE),
//!         "CREATE TABLE samples (
//!     id uuid NOT NULL,
//!     type varchar(40) NOT NULL,
//!     provider_name varchar,
//!     body text,
//!     inputs json NOT NULL,
//!     retrieval_model jsonb,
//!     read_at timestamp without time zone,
//!     expires_at timestamp with time zone NOT NULL,
//!     position integer NOT NULL,
//!     total_tokens bigint NOT NULL,
//!     enabled boolean NOT NULL,
//!     latency double precision NOT NULL,
//!     unit_price numeric(10, 7) NOT NULL,
//!     total_price numeric,
//!     embedding bytea NOT NULL,
//!     CONSTRAINT samples_pkey PRIMARY KEY (id)
//! );"
//!     );
//! }
//! ```
//!
//! ## Keys
//!
//! | key | what it does |
//! | --- | --- |
//! | `name = "type"` | the SQL column name, when it differs from the field |
//! | `primary_key` | part of the primary key; several columns make a composite key (`Entity::Key` is then a tuple); never an `Option` |
//! | `default = ...` | a server default, in the DDL (see [Defaults](#defaults)); the insert form's field is an `Option`, and `None` lets the default decide (`COALESCE($n, <default>)`) |
//! | `client_default = uuid4` / `uuid7` / `now` | filled in by the insert when the form leaves it `None`, as Dify's newer models do in Python; not in the DDL. `uuid4`/`uuid7` fill a `uuid`, `now` a `timestamp`; a reference cannot have one |
//! | `audit = created_by` / `updated_by` | a `uuid` set from the scope's account on insert (and, for `updated_by`, on update); in no form |
//! | `audit = created_at` / `updated_at` | a `timestamp` or `timestamptz` from its default (which it must have: `default = CURRENT_TIMESTAMP`, or `client_default = now` where the table has none); `updated_at` is set again by every update, at the default's precision; in no form |
//! | `references = App` | the column points at `App`'s key: a Diesel join (unless `join = false`), the relation in the IR, and in the forms a [`Ref<'t, App>`](crate::Ref) (an [`Id`](crate::Id) of the scope when `App` is tenant-owned, a `Uuid` when it is global); the column must be `uuid` |
//! | `references = any(App, Dataset)` | one of several tenant-owned entities (`tag_bindings.target_id`, told apart by another column); forms take an [`AnyId<'t>`](crate::AnyId), made from an `Id` of the scope; no join, no foreign key |
//! | `join = false` | keep the relation but emit no Diesel join: Diesel joins two tables on one key only, so a second column to the same parent needs it (a column that references its own entity gets none by itself) |
//! | `foreign_key = "messages_conversation_id_fkey"` | also render a real `FOREIGN KEY` constraint with this name (most of Dify's relations have none) |
//! | `on_delete = cascade` / `set_null` / `restrict` | with `foreign_key`: the constraint's `ON DELETE` action |
//! | `cross_tenant` | a `uuid` that holds another tenant's id on purpose (`installed_apps.app_owner_tenant_id`); scopes neither fill nor check it |
//! | `no_reference = "why"` | a `uuid` that names no one row (an account or an end user, told apart by `created_by_role`); the reason is required |
//! | `insert_as = InvitedRole` | the insert form takes this narrower string enum instead of the column's (values an insert may not set, like `owner`); its values must be some of the column's, and row-level security checks them too |
//! | `generated = "CASE ... END"` | a stored generated column (`GENERATED ALWAYS AS (...) STORED`); in no form; no default, client default, key or audit role; needs `mysql_generated` |
//! | `mysql_type`, `mysql_default`, `mysql_generated`, `mysql_foreign_key` | what MySQL gets where its type does not settle it; see [MySQL](#mysql) |
//! | `fixed` | set by the insert, never by an update: the update form has no such field (a membership's account) |
//!
//! A `uuid` column whose name ends in `_id` or `_by` and that is not the
//! key, an audit column or the owning `tenant_id` must say where it points:
//! `references`, `references = any(...)`, `cross_tenant` or `no_reference`.
//! A plain uuid in a form would take any workspace's id.
//!
//! ## Defaults
//!
//! A default is checked against the column's type (a string also against
//! a varchar's length and, for a string enum, against the enum's values):
//!
//! | `default = ...` | for | PostgreSQL |
//! | --- | --- | --- |
//! | `"normal"` | varchar, text, json(b) (a JSON string: `"{}"`) | `'normal'` |
//! | `0`, `-1` | integer (32 bits), bigint; also float and numeric | `0`, `-1` |
//! | `0.001` | float, numeric | `0.001` |
//! | `true`, `false` | boolean | `true`, `false` |
//! | `uuid_generate_v4()` | uuid | the same; the migrations create the `uuid-ossp` extension |
//! | `gen_random_uuid()` | uuid | the same |
//! | `uuidv7()` | uuid | the same; the migrations install `uuidv7()` and `uuidv7_boundary(timestamptz)`, as Dify's do |
//! | `CURRENT_TIMESTAMP`, `CURRENT_TIMESTAMP(0)` (precision 0 to 6), `now()` | timestamp, timestamptz | the same |
//! | `serial` | integer, bigint | `nextval('<table>_<column>_seq'::regclass)`, a sequence owned by the column |
//! | `nextval("task_id_sequence")` | integer, bigint | `nextval('task_id_sequence'::regclass)`, a bigint sequence of its own |
//! | `sql("''::character varying")` | any | the SQL as written, unchecked |
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! use dify_schema::render::postgres;
//!
//! dify_schema::schema! { pub static SCHEMA = [Task, InvitationCode, Workflow]; }
//!
//! // Dify's `celery_taskmeta`: a key from a sequence of its own, a time
//! // filled in by the client.
//! #[entity(table = "celery_taskmeta", owner = global, visible = none)]
//! pub struct Task {
//!     #[column(integer, primary_key, default = nextval("task_id_sequence"))]
//!     pub id: i32,
//!     #[column(varchar(155))]
//!     pub task_id: String,
//!     #[column(varchar(50), default = "PENDING")]
//!     pub status: Option<String>,
//!     #[column(timestamp, client_default = now)]
//!     pub date_done: Option<NaiveDateTime>,
//! }
//!
//! // Dify's `invitation_codes`: a serial key.
//! #[entity(table = "invitation_codes", owner = global, visible = none)]
//! pub struct InvitationCode {
//!     #[column(integer, primary_key, default = serial)]
//!     pub id: i32,
//!     #[column(varchar(32))]
//!     pub code: String,
//! }
//!
//! #[entity(table = "workflows", owner = tenant)]
//! pub struct Workflow {
//!     #[column(uuid, primary_key, default = uuidv7())]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(uuid, client_default = uuid4)]
//!     pub run_key: Uuid,
//!     #[column(json, default = sql("'{}'::json"))]
//!     pub graph: Json,
//!     #[column(integer, default = -1)]
//!     pub max_retries: i32,
//!     #[column(numeric(10, 7), default = 0.001)]
//!     pub price_unit: BigDecimal,
//!     #[column(boolean, default = true)]
//!     pub enabled: bool,
//!     #[column(uuid, audit = created_by)]
//!     pub created_by: Uuid,
//!     #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
//!     pub created_at: NaiveDateTime,
//!     #[column(uuid, audit = updated_by)]
//!     pub updated_by: Option<Uuid>,
//!     // Dify fills `workflows.updated_at` in Python: no server default.
//!     #[column(timestamp, audit = updated_at, client_default = now)]
//!     pub updated_at: NaiveDateTime,
//! }
//!
//! fn main() {
//!     assert_eq!(
//!         postgres::create_table(<Workflow as Entity>::TABLE),
//!         "CREATE TABLE workflows (
//!     id uuid DEFAULT uuidv7() NOT NULL,
//!     tenant_id uuid NOT NULL,
//!     run_key uuid NOT NULL,
//!     graph json DEFAULT '{}'::json NOT NULL,
//!     max_retries integer DEFAULT -1 NOT NULL,
//!     price_unit numeric(10, 7) DEFAULT 0.001 NOT NULL,
//!     enabled boolean DEFAULT true NOT NULL,
//!     created_by uuid NOT NULL,
//!     created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
//!     updated_by uuid,
//!     updated_at timestamp without time zone NOT NULL,
//!     CONSTRAINT workflows_pkey PRIMARY KEY (id)
//! );"
//!     );
//!     let ddl = postgres::create_schema(&SCHEMA);
//!     assert!(ddl.contains("CREATE OR REPLACE FUNCTION uuidv7() RETURNS uuid"));
//!     assert!(ddl.contains("CREATE SEQUENCE task_id_sequence AS bigint;"));
//!     assert!(ddl.contains("id integer DEFAULT nextval('task_id_sequence'::regclass) NOT NULL"));
//!     assert!(ddl.contains("CREATE SEQUENCE invitation_codes_id_seq AS integer;"));
//!     assert!(ddl.contains("id integer DEFAULT nextval('invitation_codes_id_seq'::regclass) NOT NULL"));
//!     assert!(ddl.contains("ALTER SEQUENCE invitation_codes_id_seq OWNED BY invitation_codes.id;"));
//!
//!     // Every column with a default (server or client) is optional on insert;
//!     // a nullable one is an `Option` already. The audit columns are not there.
//!     let new = NewWorkflow {
//!         id: None,
//!         run_key: None,
//!         graph: None,
//!         max_retries: Some(3),
//!         price_unit: None,
//!         enabled: None,
//!     };
//!     # let _ = new;
//! }
//! ```
//!
//! ## References
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [Account, App, Dataset, Conversation, Message, TagBinding, InstalledApp]; }
//! #
//! # #[entity(table = "accounts", owner = global, visible = all)]
//! # pub struct Account {
//! #     #[column(uuid, primary_key)]
//! #     pub id: Uuid,
//! # }
//! #
//! # #[entity(table = "apps", owner = tenant)]
//! # pub struct App {
//! #     #[column(uuid, primary_key)]
//! #     pub id: Uuid,
//! #     #[column(uuid)]
//! #     pub tenant_id: Uuid,
//! # }
//! #
//! # #[entity(table = "datasets", owner = tenant)]
//! # pub struct Dataset {
//! #     #[column(uuid, primary_key)]
//! #     pub id: Uuid,
//! #     #[column(uuid)]
//! #     pub tenant_id: Uuid,
//! # }
//! #
//! # #[entity(table = "conversations", owner = via(app_id))]
//! # pub struct Conversation {
//! #     #[column(uuid, primary_key)]
//! #     pub id: Uuid,
//! #     #[column(uuid, references = App)]
//! #     pub app_id: Uuid,
//! # }
//!
//! // (`Account`, `App`, `Dataset` and `Conversation` are declared as above.)
//! #[entity(table = "messages", owner = via(app_id))]
//! pub struct Message {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid, references = App)]
//!     pub app_id: Uuid,
//!     // A real foreign key; deleting the conversation deletes its messages.
//!     #[column(
//!         uuid,
//!         references = Conversation,
//!         foreign_key = "messages_conversation_id_fkey",
//!         on_delete = cascade
//!     )]
//!     pub conversation_id: Uuid,
//!     // A relation to its own entity gets no Diesel join by itself.
//!     #[column(uuid, references = Message)]
//!     pub parent_message_id: Option<Uuid>,
//!     #[column(uuid, references = Account)]
//!     pub from_account_id: Option<Uuid>,
//!     // A second relation to `accounts`: Diesel joins a pair of tables on one key.
//!     #[column(uuid, references = Account, join = false)]
//!     pub read_account_id: Option<Uuid>,
//!     #[column(uuid, no_reference = "an account or an end user, told apart by created_by_role")]
//!     pub created_by: Uuid,
//! }
//!
//! // Dify's `tag_bindings.target_id`: an app or a knowledge base.
//! #[entity(table = "tag_bindings", owner = tenant)]
//! pub struct TagBinding {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(uuid, references = any(App, Dataset))]
//!     pub target_id: Uuid,
//! }
//!
//! // Dify's `installed_apps`: an app of another workspace, installed from Explore.
//! #[entity(table = "installed_apps", owner = tenant)]
//! pub struct InstalledApp {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(uuid, no_reference = "may be an app of another workspace, installed from Explore")]
//!     pub app_id: Uuid,
//!     #[column(uuid, cross_tenant)]
//!     pub app_owner_tenant_id: Uuid,
//! }
//!
//! // Forms take references as ids of the scope `'t`; `AnyId` comes from any `Id`
//! // of a tenant-owned entity of the same scope. A global parent is a `Uuid`.
//! fn new_message<'t>(app: Id<'t, App>, conversation: Id<'t, Conversation>, author: Uuid) -> NewMessage<'t> {
//!     NewMessage {
//!         id: None,
//!         app_id: app,
//!         conversation_id: conversation,
//!         parent_message_id: None,
//!         from_account_id: Some(author),
//!         read_account_id: None,
//!         created_by: author,
//!     }
//! }
//!
//! fn tag<'t>(dataset: Id<'t, Dataset>) -> NewTagBinding<'t> {
//!     NewTagBinding { id: None, target_id: AnyId::from(dataset) }
//! }
//!
//! fn main() {
//!     let messages = <Message as Entity>::TABLE;
//!     let foreign_key = messages.relations.iter().find(|r| r.column == "conversation_id").unwrap();
//!     assert_eq!(
//!         dify_schema::render::postgres::add_foreign_key(messages, foreign_key),
//!         "ALTER TABLE messages ADD CONSTRAINT messages_conversation_id_fkey \
//!          FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE;"
//!     );
//!     assert!(<InstalledApp as Entity>::TABLE.column("app_owner_tenant_id").unwrap().cross_tenant);
//!     # let _ = (new_message, tag);
//! }
//! ```
//!
//! A uuid column that looks like a reference and says nothing does not
//! compile: "`app_id` is a uuid that does not say what it points at; write
//! `references = Parent` (...), `references = any(App, Dataset)` for one of
//! several entities, or `no_reference = "why"` when it names no one row".
//!
//! ```compile_fail
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [App, Workflow]; }
//!
//! #[entity(table = "apps", owner = tenant)]
//! pub struct App {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//! }
//!
//! #[entity(table = "workflows", owner = tenant)]
//! pub struct Workflow {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(uuid)]
//!     pub app_id: Uuid,
//! }
//! # fn main() {}
//! ```
//!
//! ## `insert_as`, `fixed` and `generated`
//!
//! Dify's memberships: an admin invites with any role but `owner`
//! (`insert_as = InvitedRole`), the account of a membership never changes
//! (`fixed`); Dify's agents keep a stored generated column for a unique
//! index on active roster names.
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [Account, TenantAccountJoin, Agent]; }
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
//! pub enum TenantAccountRole { Owner, Admin, Editor, Normal, DatasetOperator }
//!
//! /// The roles an insert may set.
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
//! pub enum InvitedRole { Admin, Editor, Normal, DatasetOperator }
//!
//! # #[entity(table = "accounts", owner = global, visible = all)]
//! # pub struct Account {
//! #     #[column(uuid, primary_key)]
//! #     pub id: Uuid,
//! # }
//! #[entity(table = "tenant_account_joins", owner = tenant, write = owner, create = privileged)]
//! pub struct TenantAccountJoin {
//!     #[column(uuid, primary_key, default = uuid_generate_v4())]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(uuid, references = Account, fixed)]
//!     pub account_id: Uuid,
//!     #[column(varchar(16), default = "normal", insert_as = InvitedRole)]
//!     pub role: TenantAccountRole,
//! }
//!
//! #[entity(table = "agents", owner = tenant)]
//! #[unique(name = "agents_tenant_id_key", columns(tenant_id, roster_unique_name))]
//! pub struct Agent {
//!     #[column(uuid, primary_key, default = uuidv7())]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//!     #[column(varchar(16))]
//!     pub status: String,
//!     #[column(
//!         varchar(255),
//!         generated = "CASE WHEN status = 'active' THEN name END",
//!         mysql_generated = "case when `status` = 'active' then `name` end"
//!     )]
//!     pub roster_unique_name: Option<String>,
//! }
//!
//! fn main() {
//!     let joins = <TenantAccountJoin as Entity>::TABLE;
//!     assert_eq!(
//!         joins.column("role").unwrap().insert_values.as_deref(),
//!         Some(&["admin", "editor", "normal", "dataset_operator"].map(Into::into)[..])
//!     );
//!     let invite = NewTenantAccountJoin { id: None, account_id: Uuid::nil(), role: Some(InvitedRole::Editor) };
//!     // The update form takes the column's own enum, and has no `account_id`.
//!     let promote = TenantAccountJoinChanges { role: Some(TenantAccountRole::Admin) };
//!
//!     let roster_name = <Agent as Entity>::TABLE.column("roster_unique_name").unwrap();
//!     assert_eq!(
//!         dify_schema::render::postgres::column_definition(roster_name),
//!         "roster_unique_name varchar(255) GENERATED ALWAYS AS \
//!          (CASE WHEN status = 'active' THEN name END) STORED"
//!     );
//!     // Neither form writes a generated column.
//!     let new_agent = NewAgent { id: None, name: "Helper".into(), status: "active".into() };
//!     # let _ = (invite, promote, new_agent);
//! }
//! ```
//!
//! # `#[index(...)]` and `#[unique(...)]`
//!
//! | key | what it does |
//! | --- | --- |
//! | `name = "app_tenant_id_idx"` | required: the index's or constraint's name, as Dify names it; names of indexes, constraints and the primary key may not repeat |
//! | `columns(tenant_id, created_at desc)` | required: the columns (by field or SQL name), each optionally `asc` or `desc`, none twice |
//! | `unique` | `#[index]` only: `CREATE UNIQUE INDEX` |
//! | `using = gin` | `#[index]` only: `btree` (the default) or `gin`, which needs `jsonb` columns and cannot be unique |
//! | `where = "status = 'active'"` | `#[index]` only: a partial index's predicate, as SQL |
//! | `mysql = "skip"` / `mysql = "whole"` | `#[index]` only: how MySQL builds an index it lacks; required on a GIN index (`"skip"`: not built) and on a partial one (`"whole"`: built over every row, without its `WHERE`; or `"skip"`); see [MySQL](#mysql) |
//! | `mysql_prefix(subject_email = 191, ...)` | `#[index]` only: the columns MySQL indexes by a prefix of so many characters; required where the key would pass InnoDB's 3072 bytes or holds a `text` column |
//! | `mysql_name = "task_id"` | `#[unique]` only: the constraint's name on MySQL; required on a one-column constraint named `<table>_<column>_key` |
//!
//! `#[index]` is `CREATE [UNIQUE] INDEX ... ON table [USING gin] (...) [WHERE
//! ...]`, rendered after the table (and `CONCURRENTLY` by the migrations
//! for a table that exists). `#[unique]` is a `CONSTRAINT name UNIQUE
//! (...)` inside `CREATE TABLE`, as Dify's `UniqueConstraint`s are; it
//! takes only `name` and `columns`.
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! use dify_schema::render::postgres;
//!
//! dify_schema::schema! { pub static SCHEMA = [Document]; }
//!
//! #[entity(table = "documents", owner = tenant)]
//! #[index(name = "document_tenant_created_idx", columns(tenant_id, created_at desc))]
//! #[index(name = "document_metadata_idx", columns(doc_metadata), using = gin, mysql = "skip")]
//! #[index(
//!     name = "document_active_name_idx",
//!     columns(tenant_id, name),
//!     unique,
//!     where = "is_archived IS false",
//!     mysql = "whole"
//! )]
//! #[unique(name = "unique_document_batch_position", columns(batch, position))]
//! pub struct Document {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//!     #[column(varchar(255))]
//!     pub batch: String,
//!     #[column(integer)]
//!     pub position: i32,
//!     #[column(jsonb)]
//!     pub doc_metadata: Option<Json>,
//!     #[column(boolean, default = false)]
//!     pub is_archived: bool,
//!     #[column(timestamp, default = CURRENT_TIMESTAMP(0))]
//!     pub created_at: NaiveDateTime,
//! }
//!
//! fn main() {
//!     let documents = <Document as Entity>::TABLE;
//!     let indexes: Vec<String> = postgres::sorted_indexes(documents)
//!         .into_iter()
//!         .map(|index| postgres::create_index(documents, index))
//!         .collect();
//!     assert_eq!(
//!         indexes,
//!         [
//!             "CREATE UNIQUE INDEX document_active_name_idx ON documents (tenant_id, name) \
//!              WHERE is_archived IS false;",
//!             "CREATE INDEX document_metadata_idx ON documents USING gin (doc_metadata);",
//!             "CREATE INDEX document_tenant_created_idx ON documents (tenant_id, created_at DESC);",
//!         ]
//!     );
//!     assert!(postgres::create_table(documents)
//!         .contains("CONSTRAINT unique_document_batch_position UNIQUE (batch, position)"));
//! }
//! ```
//!
//! A GIN index on a column that is not `jsonb` is refused: "a GIN index
//! needs jsonb columns, and `name` is `varchar(255)`".
//!
//! ```compile_fail
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [Dataset]; }
//!
//! #[entity(table = "datasets", owner = tenant)]
//! #[index(name = "dataset_name_idx", columns(name), using = gin, mysql = "skip")]
//! pub struct Dataset {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255))]
//!     pub name: String,
//! }
//! # fn main() {}
//! ```
//!
//! # MySQL
//!
//! The same declarations render for MySQL and MariaDB
//! ([`crate::render::mysql`], `migrations-mysql/`), with Dify's mapping:
//! uuid → `char(36)`, text → `longtext`, json and jsonb → `json`,
//! timestamps → `datetime`, boolean → `tinyint(1)`, float → `float`,
//! numeric → `decimal(10,0)`, `varchar(unbounded)` → `varchar(255)`,
//! bytea → `longblob`; no uuid defaults (the application fills ids),
//! sequences become `AUTO_INCREMENT`, text and json columns get no
//! default, primary keys are `PRIMARY`. Where MySQL's schema depends on
//! the column or the index, the declaration says what it is, and leaving
//! it unsaid is a compile error naming the key to add:
//!
//! | key | on | what it says |
//! | --- | --- | --- |
//! | `mysql_type = "text"` | `#[column]` of type `text` | the MySQL text type, where it is not `longtext` (Dify's plain `sa.Text` columns): `tinytext`, `text`, `mediumtext` or `longtext` |
//! | `mysql_default = -1` | `#[column]` with `default = sql(...)` | the default on MySQL, which cannot read PostgreSQL's SQL; required unless the column is text or json (which get none) |
//! | `mysql_generated = "case when ... end"` | `#[column]` with `generated` | the expression in MySQL's dialect (built `VIRTUAL`, as Dify's is); required |
//! | `mysql_foreign_key = "tool_published_apps_ibfk_1"` | `#[column]` with `foreign_key` | the constraint's name on MySQL, where Dify's differs (one SQLAlchemy left unnamed: `<table>_ibfk_<n>`) |
//! | `mysql = "skip"` / `"whole"` | `#[index]` | not built on MySQL / built over every row without its `WHERE`; required on a GIN index (`"skip"`) and on a partial one |
//! | `mysql_prefix(column = n, ...)` | `#[index]` | index a prefix of `n` characters of these varchar or text columns; required where the key would pass 3072 bytes (utf8mb4: 4 a character) or holds a text column |
//! | `mysql_name = "token_hash"` | `#[unique]` | the name on MySQL; required on a one-column constraint named `<table>_<column>_key`, which is PostgreSQL's name for a constraint SQLAlchemy left unnamed (MySQL names it after the column: `mysql_name = "token_hash"`) or a name Dify chose (`mysql_name` repeats it) |
//!
//! PostgreSQL ignores every one of them, and its snapshot
//! (`migrations/schema.json`) does not record them; MySQL's
//! (`migrations-mysql/schema.json`) does.
//!
//! ```rust
//! # use dify_schema::prelude::*;
//! use dify_schema::render::mysql;
//!
//! dify_schema::schema! { pub static SCHEMA = [Token]; }
//!
//! #[entity(table = "oauth_access_tokens", owner = global, visible = none)]
//! #[index(name = "idx_oauth_meta", columns(meta), using = gin, mysql = "skip")]
//! #[index(
//!     name = "uq_oauth_active_per_device",
//!     columns(subject_email, subject_issuer, client_id, device_label),
//!     unique,
//!     where = "revoked_at IS NULL",
//!     mysql = "whole",
//!     mysql_prefix(subject_email = 191, subject_issuer = 191, device_label = 191)
//! )]
//! #[unique(name = "oauth_access_tokens_token_hash_key", columns(token_hash), mysql_name = "token_hash")]
//! pub struct Token {
//!     #[column(uuid, primary_key, default = uuidv7())]
//!     pub id: Uuid,
//!     #[column(varchar(255))]
//!     pub subject_email: String,
//!     #[column(varchar(255))]
//!     pub subject_issuer: String,
//!     #[column(varchar(64))]
//!     pub client_id: String,
//!     #[column(varchar(255))]
//!     pub device_label: String,
//!     #[column(varchar(64))]
//!     pub token_hash: String,
//!     #[column(text, mysql_type = "text")]
//!     pub note: String,
//!     #[column(bigint, default = sql("'-1'::integer"), mysql_default = -1)]
//!     pub expires_at: i64,
//!     #[column(jsonb)]
//!     pub meta: Option<Json>,
//!     #[column(timestamptz)]
//!     pub revoked_at: Option<UtcDateTime>,
//! }
//!
//! fn main() {
//!     let ddl = mysql::create_table(<Token as Entity>::TABLE);
//!     assert!(ddl.contains("`id` char(36) NOT NULL,"), "no uuid default: {ddl}");
//!     assert!(ddl.contains("`note` text NOT NULL,"));
//!     assert!(ddl.contains("`expires_at` bigint NOT NULL DEFAULT -1,"));
//!     assert!(ddl.contains("`meta` json,"));
//!     assert!(ddl.contains("  PRIMARY KEY (`id`),"));
//!     assert!(ddl.contains("UNIQUE KEY `token_hash` (`token_hash`)"));
//!     assert!(ddl.contains(
//!         "UNIQUE KEY `uq_oauth_active_per_device` (`subject_email`(191), `subject_issuer`(191), \
//!          `client_id`, `device_label`(191))"
//!     ));
//!     assert!(!ddl.contains("idx_oauth_meta"), "no GIN index on MySQL");
//!     assert!(ddl.ends_with(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;"));
//! }
//! ```
//!
//! A partial index that does not say what MySQL builds is refused: "MySQL
//! has no partial index: add `mysql = \"whole\"` (built over every row,
//! without the WHERE) or `mysql = \"skip\"` (not built on MySQL)".
//!
//! ```compile_fail
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [Conversation]; }
//!
//! #[entity(table = "conversations", owner = tenant)]
//! #[index(name = "conversation_live_idx", columns(tenant_id), where = "is_deleted IS false")]
//! pub struct Conversation {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(boolean)]
//!     pub is_deleted: bool,
//! }
//! # fn main() {}
//! ```
//!
//! # `#[retention(...)]` and `#[partition(...)]`
//!
//! `#[retention(on = created_at, days = 30)]` makes a tenant-owned table a
//! retention root: its rows expire `days` after the timestamp in `on`
//! (per workspace, overrides can say longer, shorter or forever; see
//! [`crate::retention`]). A purge walks expired rows in `(on, key)` order,
//! so the declaration must carry an index on exactly those columns.
//! `#[retention(with = run_id)]` says a table's rows go with the row that
//! `run_id` references (declared with `references`), which needs an index
//! starting with `run_id`. Children nest (a run's node executions, their
//! offloads). Neither is DDL: the migrations' snapshot does not record it.
//!
//! `#[partition(by = created_at, interval = month)]` puts a table in the
//! partitioned layout: `PARTITION BY RANGE (created_at)`, one partition
//! per month named `<table>_pYYYY_MM`, created four months ahead by the
//! `CREATE TABLE` and kept ahead by `dify-db partitions` (and every
//! purge). PostgreSQL needs the partition column in every unique
//! constraint, so the stored primary key becomes `(id, created_at)`: that
//! differs from Dify's tables, so Dify's models do not use it; `check`
//! names the difference and a migration that would convert an existing
//! table is flagged for a hand-written one.
//!
//! ```
//! # use dify_schema::prelude::*;
//! use dify_schema::render::postgres;
//! use dify_schema::schema::Retention;
//! dify_schema::schema! { pub static SCHEMA = [Run, Step]; }
//!
//! #[entity(table = "runs", owner = tenant)]
//! #[retention(on = created_at, days = 30)]
//! #[partition(by = created_at, interval = month)]
//! #[index(name = "run_created_at_id_idx", columns(created_at, id))]
//! pub struct Run {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(timestamp)]
//!     pub created_at: NaiveDateTime,
//! }
//!
//! #[entity(table = "steps", owner = tenant)]
//! #[retention(with = run_id)]
//! #[index(name = "step_run_id_idx", columns(run_id))]
//! pub struct Step {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(uuid, references = Run)]
//!     pub run_id: Uuid,
//! }
//!
//! fn main() {
//!     let runs = <Run as Entity>::TABLE;
//!     assert_eq!(
//!         runs.retention,
//!         Some(Retention::Expires { column: "created_at".into(), days: 30 })
//!     );
//!     let ddl = postgres::create_table(runs);
//!     assert!(ddl.contains("PRIMARY KEY (id, created_at)"));
//!     assert!(ddl.contains(") PARTITION BY RANGE (created_at);"));
//! }
//! ```
//!
//! # `#[derive(StringEnum)]`
//!
//! An enum of unit variants stored as strings in a varchar or text column
//! (Dify's `EnumText`). A variant is stored as its name in snake_case
//! (`DatasetOperator` as `dataset_operator`) unless `#[value = "..."]` says
//! otherwise (`#[value = "advanced-chat"]`). Values must be distinct and
//! not empty; the enum needs at least one variant and no generics. It
//! implements [`StringEnum`](crate::StringEnum) and Diesel's conversions;
//! a stored value the enum does not know is an
//! [`UnknownEnumValue`](crate::UnknownEnumValue) (through
//! [`Error::UnknownEnumValue`](crate::Error::UnknownEnumValue) when read in
//! a scope), never a panic.
//!
//! At compile time, every column of the enum checks that its longest value
//! fits the varchar, that a string default is one of the values, and that
//! an `insert_as` enum's values are the column's.
//!
//! ```rust
//! use dify_schema::prelude::*;
//!
//! dify_schema::schema! { pub static SCHEMA = [App]; }
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
//! pub enum AppMode {
//!     Completion,
//!     Workflow,
//!     Chat,
//!     #[value = "advanced-chat"]
//!     AdvancedChat,
//!     #[value = "agent-chat"]
//!     AgentChat,
//! }
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
//! pub enum IconType {
//!     Image,
//!     Emoji,
//! }
//!
//! #[entity(table = "apps", owner = tenant)]
//! pub struct App {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255), default = "chat")]
//!     pub mode: AppMode,
//!     #[column(varchar(255))]
//!     pub icon_type: Option<IconType>,
//! }
//!
//! fn main() {
//!     assert_eq!(AppMode::AdvancedChat.as_str(), "advanced-chat");
//!     assert_eq!(
//!         <AppMode as StringEnum>::VALUES,
//!         ["completion", "workflow", "chat", "advanced-chat", "agent-chat"]
//!     );
//!     assert_eq!(AppMode::from_db_str("agent-chat"), Ok(AppMode::AgentChat));
//!     let unknown = AppMode::from_db_str("channel").unwrap_err();
//!     assert_eq!(
//!         unknown.to_string(),
//!         "the database holds `channel`, which is not a value of `AppMode`"
//!     );
//!     // The schema records the enum's values (the migrations and the drift
//!     // check read them).
//!     let mode = <App as Entity>::TABLE.column("mode").unwrap();
//!     assert_eq!(mode.string_enum.as_ref().unwrap().name, "AppMode");
//! }
//! ```
//!
//! A default that is not one of the enum's values is a compile error:
//! "the default `advanced_chat` of column `mode` is not a value of
//! `AppMode`; use one of its stored values (...)".
//!
//! ```compile_fail,E0080
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [App]; }
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
//! pub enum AppMode {
//!     Chat,
//!     #[value = "advanced-chat"]
//!     AdvancedChat,
//! }
//!
//! #[entity(table = "apps", owner = tenant)]
//! pub struct App {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//!     #[column(varchar(255), default = "advanced_chat")]
//!     pub mode: AppMode,
//! }
//! # fn main() {}
//! ```
//!
//! # `schema!`
//!
//! [`dify_schema::schema!`](macro@crate::schema) gathers a crate's entities
//! into a [`Schema`](crate::schema::Schema) static, from which
//! [`render::postgres::create_schema`](crate::render::postgres::create_schema),
//! the migration generator and the drift check work. It also defines, at
//! the crate root, what the generated joins and the registration check
//! name, so there is one `schema!` per crate, at its root. The list takes
//! paths (`account::Tenant`) in any order, and doc comments and a
//! visibility for the static.
//!
//! Every entity checks at compile time that it is listed, so a table cannot
//! silently go missing from the DDL and the migrations. Listing `App` but
//! not `Site`:
//!
//! ```compile_fail,E0080
//! # use dify_schema::prelude::*;
//! dify_schema::schema! { pub static SCHEMA = [App]; }
//!
//! #[entity(table = "apps", owner = tenant)]
//! pub struct App {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//! }
//!
//! // error[E0080]: evaluation panicked: entity `Site` (table `sites`) is not
//! // listed in this crate's `dify_schema::schema!`; add it to the list
//! #[entity(table = "sites", owner = tenant)]
//! pub struct Site {
//!     #[column(uuid, primary_key)]
//!     pub id: Uuid,
//!     #[column(uuid)]
//!     pub tenant_id: Uuid,
//! }
//! # fn main() {}
//! ```
