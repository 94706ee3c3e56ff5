//! Stage 1: tokens to a syntax tree of the declaration.
//!
//! Parsing only checks the *form* of each attribute (which keys exist, what
//! shape their values have). Whether the declaration makes sense (columns
//! exist, types fit, names are unique) is `validate.rs`'s job, so this tree
//! keeps everything as written, with spans.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr, Path, Type, Visibility};

use crate::ctxt::Ctxt;
use crate::meta::{first_span, parse_meta_list, unknown_key, MetaItem, MetaValue};

/// A struct carrying `#[entity(...)]`.
pub struct EntityDecl {
    /// Attributes the DSL does not own (docs, derives, serde): kept on the row struct.
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub args: EntityArgs,
    pub indexes: Vec<IndexDecl>,
    /// `#[retention(...)]`, if the rows expire or go with a parent's.
    pub retention: Option<RetentionDecl>,
    /// `#[partition(by = created_at, interval = month)]`.
    pub partition: Option<PartitionDecl>,
    pub fields: Vec<FieldDecl>,
}

/// `#[retention(on = created_at, days = 30)]` (the rows expire) or
/// `#[retention(with = workflow_run_id)]` (they go with the row that
/// column references).
pub struct RetentionDecl {
    /// The `retention` path, for errors about the attribute as a whole.
    pub attribute: Ident,
    pub on: Option<Ident>,
    pub days: Option<syn::LitInt>,
    pub with: Option<Ident>,
}

/// `#[partition(by = created_at, interval = month)]`.
pub struct PartitionDecl {
    pub attribute: Ident,
    pub by: Option<Ident>,
    pub interval: Option<Ident>,
}

/// `#[entity(table = "apps", owner = tenant, ...)]`
#[derive(Default)]
pub struct EntityArgs {
    /// The span of the whole argument list, for "missing key" errors.
    pub span: Option<Span>,
    pub table: Option<LitStr>,
    pub owner: Option<OwnerDecl>,
    pub primary_key_name: Option<LitStr>,
    pub soft_delete: Option<Ident>,
    pub write: Option<Ident>,
    /// `create = privileged`: what an insert needs, when it differs from `write`.
    pub create: Option<Ident>,
    pub visible: Option<VisibleDecl>,
    pub insert_name: Option<Ident>,
    pub changes_name: Option<Ident>,
}

impl EntityArgs {
    /// The column named by `owner = via(column)`, if that is the owner.
    pub fn owner_via(&self) -> Option<String> {
        match &self.owner {
            Some(OwnerDecl::Via { column }) => Some(syn::ext::IdentExt::unraw(column).to_string()),
            _ => None,
        }
    }
}

/// `visible = all | none | rows("...")`: which rows of a global table a
/// tenant scope may read (row-level security on the service role).
pub enum VisibleDecl {
    All(Ident),
    None(Ident),
    Rows { keyword: Ident, condition: LitStr },
}

pub enum OwnerDecl {
    /// `owner = tenant`
    Tenant(Ident),
    /// `owner = global`
    Global,
    /// `owner = via(app_id)`
    Via { column: Ident },
}

/// `#[index(name = "...", columns(a, b desc), unique, using = gin, where = "...")]`
/// or `#[unique(name = "...", columns(a, b))]` (a constraint).
pub struct IndexDecl {
    /// `index` or `unique`: the attribute's own name, for spans.
    pub attribute: Ident,
    pub is_constraint: bool,
    pub name: Option<LitStr>,
    pub columns: Vec<IndexColumnDecl>,
    pub unique: Option<Ident>,
    pub using: Option<Ident>,
    pub predicate: Option<LitStr>,
    /// `mysql = "skip"` or `mysql = "whole"`: how MySQL builds an index
    /// it cannot build as declared (GIN, partial).
    pub mysql: Option<LitStr>,
    /// `mysql_prefix(subject_email = 191, ...)`: columns MySQL indexes by
    /// a prefix of so many characters.
    pub mysql_prefix: Option<(Ident, Vec<(Ident, syn::LitInt)>)>,
    /// `#[unique(mysql_name = "task_id")]`: the constraint's name on MySQL.
    pub mysql_name: Option<LitStr>,
}

pub struct IndexColumnDecl {
    pub column: Ident,
    pub descending: bool,
}

/// One field and its `#[column(...)]`.
pub struct FieldDecl {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub ty: Type,
    pub column: Option<ColumnDecl>,
}

/// `#[column(varchar(255), name = "...", primary_key, default = ..., ...)]`
pub struct ColumnDecl {
    /// The span of the `column` path, for errors about the attribute as a whole.
    pub span: Span,
    pub sql_type: Option<SqlTypeDecl>,
    pub name: Option<LitStr>,
    pub primary_key: Option<Ident>,
    pub default: Option<DefaultDecl>,
    pub client_default: Option<Ident>,
    pub references: Option<ReferencesDecl>,
    pub join: Option<syn::LitBool>,
    pub foreign_key: Option<LitStr>,
    pub audit: Option<Ident>,
    pub cross_tenant: Option<Ident>,
    pub no_reference: Option<LitStr>,
    /// `insert_as = InvitedRole`: the string enum an insert form takes,
    /// narrower than the column's (values an insert may not set).
    pub insert_as: Option<Path>,
    /// `generated = "CASE ... END"`: a stored generated column.
    pub generated: Option<LitStr>,
    /// `fixed`: set on insert, never changed by an update.
    pub fixed: Option<Ident>,
    /// `on_delete = cascade | set_null`: the foreign key's action.
    pub on_delete: Option<Ident>,
    /// `mysql_type = "text"`: the MySQL type instead of the mapped one.
    pub mysql_type: Option<LitStr>,
    /// `mysql_default = -1`: the default on MySQL, for a `sql(...)` one.
    pub mysql_default: Option<DefaultDecl>,
    /// `mysql_generated = "case when ... end"`: the generated column's
    /// expression in MySQL's dialect.
    pub mysql_generated: Option<LitStr>,
    /// `mysql_foreign_key = "tool_published_apps_ibfk_1"`: the foreign
    /// key's name on MySQL.
    pub mysql_foreign_key: Option<LitStr>,
}

/// What `references = ...` names.
pub enum ReferencesDecl {
    /// `references = App`
    One(Path),
    /// `references = any(App, Dataset)`: one of several tenant-owned
    /// entities, told apart by another column (`tag_bindings.target_id`).
    Any { keyword: Ident, parents: Vec<Path> },
}

/// A SQL type as written: `uuid`, `varchar(255)`, `numeric(10, 7)`.
pub struct SqlTypeDecl {
    pub name: Ident,
    pub args: Option<(Span, Vec<SqlTypeArg>)>,
}

pub enum SqlTypeArg {
    Int(syn::LitInt),
    Ident(Ident),
}

/// A default as written.
pub enum DefaultDecl {
    /// `"normal"`, `0`, `-1`, `0.001`, `true`
    Literal {
        lit: syn::Lit,
        negative: bool,
        span: Span,
    },
    /// `uuid_generate_v4()`, `CURRENT_TIMESTAMP(0)`, `CURRENT_TIMESTAMP`, `now()`
    Function {
        name: Ident,
        args: Option<Vec<syn::LitInt>>,
    },
    /// `sql("'{}'::json")`: passed through as written.
    Sql { keyword: Ident, sql: LitStr },
    /// `nextval("task_id_sequence")`: the next value of a sequence of the
    /// schema's own.
    Sequence { keyword: Ident, name: LitStr },
}

impl DefaultDecl {
    pub fn span(&self) -> Span {
        match self {
            DefaultDecl::Literal { span, .. } => *span,
            DefaultDecl::Function { name, .. } => name.span(),
            DefaultDecl::Sql { keyword, .. } | DefaultDecl::Sequence { keyword, .. } => {
                keyword.span()
            }
        }
    }
}

const ENTITY_KEYS: &[&str] = &[
    "table",
    "owner",
    "primary_key_name",
    "soft_delete",
    "write",
    "create",
    "visible",
    "insert",
    "changes",
];
const INDEX_KEYS: &[&str] = &[
    "name",
    "columns",
    "unique",
    "using",
    "where",
    "mysql",
    "mysql_prefix",
];
const UNIQUE_KEYS: &[&str] = &["name", "columns", "mysql_name"];
const RETENTION_KEYS: &[&str] = &["on", "days", "with"];
const PARTITION_KEYS: &[&str] = &["by", "interval"];
const COLUMN_KEYS: &[&str] = &[
    "name",
    "primary_key",
    "default",
    "client_default",
    "references",
    "join",
    "foreign_key",
    "audit",
    "cross_tenant",
    "no_reference",
    "insert_as",
    "generated",
    "fixed",
    "on_delete",
    "mysql_type",
    "mysql_default",
    "mysql_generated",
    "mysql_foreign_key",
];

/// Parses the item and the `#[entity(...)]` arguments. Attribute mistakes go
/// to `cx` so that the rest of the declaration is still read; only a
/// non-struct item is fatal.
pub fn parse_entity(
    cx: &mut Ctxt,
    args: TokenStream,
    item: TokenStream,
) -> syn::Result<EntityDecl> {
    let item: syn::ItemStruct = syn::parse2(item).map_err(|error| {
        syn::Error::new(error.span(), "#[entity] goes on a struct with named fields")
    })?;
    if !item.generics.params.is_empty() {
        cx.error_spanned(
            &item.generics,
            "an entity cannot be generic: remove the type parameters",
        );
    }
    let syn::Fields::Named(named) = item.fields else {
        return Err(syn::Error::new(
            item.ident.span(),
            "#[entity] needs a struct with named fields, one per column: `struct App { id: Uuid, ... }`",
        ));
    };

    let args = parse_entity_args(cx, args);
    let mut attrs = Vec::new();
    let mut indexes = Vec::new();
    let mut retention = None;
    let mut partition = None;
    for attr in item.attrs {
        if attr.path().is_ident("index") || attr.path().is_ident("unique") {
            if let Some(index) = parse_index(cx, &attr) {
                indexes.push(index);
            }
        } else if attr.path().is_ident("retention") {
            if let Some(decl) = parse_retention(cx, &attr) {
                set_once(cx, &attr, &mut retention, decl);
            }
        } else if attr.path().is_ident("partition") {
            if let Some(decl) = parse_partition(cx, &attr) {
                set_once(cx, &attr, &mut partition, decl);
            }
        } else if attr.path().is_ident("column") {
            cx.error_spanned(
                attr.path(),
                "#[column(...)] goes on a field, not on the struct",
            );
        } else {
            attrs.push(attr);
        }
    }

    let fields = named
        .named
        .into_iter()
        .map(|field| parse_field(cx, field))
        .collect();

    Ok(EntityDecl {
        attrs,
        vis: item.vis,
        ident: item.ident,
        args,
        indexes,
        retention,
        partition,
        fields,
    })
}

/// Keeps the first of an attribute that may appear once.
fn set_once<T>(cx: &mut Ctxt, attr: &Attribute, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.error_spanned(attr, "this attribute is given twice; keep one");
    } else {
        *slot = Some(value);
    }
}

/// The items of `#[name(...)]`, or `None` with the error in `cx`.
fn attribute_items(cx: &mut Ctxt, attr: &Attribute, form: &str) -> Option<Vec<MetaItem>> {
    let syn::Meta::List(list) = &attr.meta else {
        cx.error_spanned(attr, format!("expected `{form}`"));
        return None;
    };
    match parse_meta_list(list.tokens.clone()) {
        Ok(items) => Some(items),
        Err(error) => {
            cx.syn_error(error);
            None
        }
    }
}

fn parse_retention(cx: &mut Ctxt, attr: &Attribute) -> Option<RetentionDecl> {
    const FORM: &str =
        "#[retention(on = created_at, days = 30)]` or `#[retention(with = workflow_run_id)]";
    let items = attribute_items(cx, attr, FORM)?;
    let mut decl = RetentionDecl {
        attribute: attr.path().get_ident()?.clone(),
        on: None,
        days: None,
        with: None,
    };
    for item in items {
        let result = match item.key.to_string().as_str() {
            "on" => item
                .ident_value("on = created_at")
                .map(|v| set(cx, &item, &mut decl.on, v)),
            "days" => item.assigned("days = 30").and_then(|tokens| {
                syn::parse2::<syn::LitInt>(tokens.clone())
                    .map_err(|_| {
                        syn::Error::new(
                            first_span(tokens, item.key.span()),
                            "expected a whole number of days; write `days = 30`",
                        )
                    })
                    .map(|v| set(cx, &item, &mut decl.days, v))
            }),
            "with" => item
                .ident_value("with = workflow_run_id")
                .map(|v| set(cx, &item, &mut decl.with, v)),
            _ => Err(unknown_key(&item.key, "retention", RETENTION_KEYS)),
        };
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    Some(decl)
}

fn parse_partition(cx: &mut Ctxt, attr: &Attribute) -> Option<PartitionDecl> {
    let items = attribute_items(cx, attr, "#[partition(by = created_at, interval = month)]")?;
    let mut decl = PartitionDecl {
        attribute: attr.path().get_ident()?.clone(),
        by: None,
        interval: None,
    };
    for item in items {
        let result = match item.key.to_string().as_str() {
            "by" => item
                .ident_value("by = created_at")
                .map(|v| set(cx, &item, &mut decl.by, v)),
            "interval" => item
                .ident_value("interval = month")
                .map(|v| set(cx, &item, &mut decl.interval, v)),
            _ => Err(unknown_key(&item.key, "partition", PARTITION_KEYS)),
        };
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    Some(decl)
}

fn parse_entity_args(cx: &mut Ctxt, tokens: TokenStream) -> EntityArgs {
    let mut args = EntityArgs {
        span: Some(first_span(&tokens, Span::call_site())),
        ..EntityArgs::default()
    };
    let items = match parse_meta_list(tokens) {
        Ok(items) => items,
        Err(error) => {
            cx.syn_error(error);
            return args;
        }
    };
    for item in items {
        let key = item.key.to_string();
        let result = match key.as_str() {
            // #[entity(table = "apps")]
            "table" => item
                .lit_str("table = \"apps\"")
                .map(|v| set(cx, &item, &mut args.table, v)),
            // #[entity(owner = tenant | global | via(app_id))]
            "owner" => parse_owner(&item).map(|v| set(cx, &item, &mut args.owner, v)),
            // #[entity(primary_key_name = "app_pkey")]
            "primary_key_name" => item
                .lit_str("primary_key_name = \"app_pkey\"")
                .map(|v| set(cx, &item, &mut args.primary_key_name, v)),
            // #[entity(soft_delete = is_deleted)]
            "soft_delete" => item
                .ident_value("soft_delete = is_deleted")
                .map(|v| set(cx, &item, &mut args.soft_delete, v)),
            // #[entity(write = editing)]
            "write" => item
                .ident_value("write = editing")
                .map(|v| set(cx, &item, &mut args.write, v)),
            // #[entity(create = privileged)]
            "create" => item
                .ident_value("create = privileged")
                .map(|v| set(cx, &item, &mut args.create, v)),
            // #[entity(visible = rows("id = {tenant}"))]
            "visible" => parse_visible(&item).map(|v| set(cx, &item, &mut args.visible, v)),
            // #[entity(insert = NewApp)]
            "insert" => item
                .ident_value("insert = NewApp")
                .map(|v| set(cx, &item, &mut args.insert_name, v)),
            // #[entity(changes = AppChanges)]
            "changes" => item
                .ident_value("changes = AppChanges")
                .map(|v| set(cx, &item, &mut args.changes_name, v)),
            _ => Err(unknown_key(&item.key, "entity", ENTITY_KEYS)),
        };
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    args
}

fn parse_owner(item: &MetaItem) -> syn::Result<OwnerDecl> {
    const FORM: &str = "owner = tenant`, `owner = global` or `owner = via(app_id)";
    let tokens = item.assigned(FORM)?;
    let parsed = syn::parse2::<OwnerSyntax>(tokens.clone()).map_err(|_| {
        syn::Error::new(
            first_span(tokens, item.key.span()),
            format!("expected `{FORM}`"),
        )
    })?;
    match (parsed.keyword.to_string().as_str(), parsed.column) {
        ("tenant", None) => Ok(OwnerDecl::Tenant(parsed.keyword)),
        ("global", None) => Ok(OwnerDecl::Global),
        ("via", Some(column)) => Ok(OwnerDecl::Via { column }),
        ("via", None) => Err(syn::Error::new(
            parsed.keyword.span(),
            "`via` names the column that points at the parent: `owner = via(app_id)`",
        )),
        _ => Err(syn::Error::new(
            parsed.keyword.span(),
            format!("unknown owner `{}`; expected `{FORM}`", parsed.keyword),
        )),
    }
}

/// `tenant`, `global` or `via(column)`.
struct OwnerSyntax {
    keyword: Ident,
    column: Option<Ident>,
}

impl syn::parse::Parse for OwnerSyntax {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        let keyword: Ident = input.parse()?;
        let column = if input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            Some(content.parse()?)
        } else {
            None
        };
        Ok(OwnerSyntax { keyword, column })
    }
}

fn parse_index(cx: &mut Ctxt, attr: &Attribute) -> Option<IndexDecl> {
    let attribute = attr.path().get_ident()?.clone();
    let is_constraint = attribute == "unique";
    let (attr_name, valid_keys) = if is_constraint {
        ("unique", UNIQUE_KEYS)
    } else {
        ("index", INDEX_KEYS)
    };
    let tokens = match &attr.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        _ => {
            cx.error_spanned(
                attr,
                format!("expected `#[{attr_name}(name = \"...\", columns(a, b))]`"),
            );
            return None;
        }
    };
    let items = match parse_meta_list(tokens) {
        Ok(items) => items,
        Err(error) => {
            cx.syn_error(error);
            return None;
        }
    };
    let mut index = IndexDecl {
        attribute,
        is_constraint,
        name: None,
        columns: Vec::new(),
        unique: None,
        using: None,
        predicate: None,
        mysql: None,
        mysql_prefix: None,
        mysql_name: None,
    };
    let mut seen_columns: Option<Span> = None;
    for item in items {
        let key = item.key.to_string();
        let result = match key.as_str() {
            // #[index(name = "app_tenant_id_idx")]
            "name" => item
                .lit_str("name = \"app_tenant_id_idx\"")
                .map(|v| set(cx, &item, &mut index.name, v)),
            // #[index(columns(tenant_id, created_at desc))]
            "columns" => {
                if seen_columns.is_some() {
                    Err(duplicate_key(&item))
                } else {
                    seen_columns = Some(item.key.span());
                    parse_index_columns(&item).map(|columns| index.columns = columns)
                }
            }
            // #[index(unique)]
            "unique" if !is_constraint => item
                .flag()
                .map(|()| set(cx, &item, &mut index.unique, item.key.clone())),
            // #[index(using = gin)]
            "using" if !is_constraint => item
                .ident_value("using = gin")
                .map(|v| set(cx, &item, &mut index.using, v)),
            // #[index(where = "status = 'active'")]
            "where" if !is_constraint => item
                .lit_str("where = \"status = 'active'\"")
                .map(|v| set(cx, &item, &mut index.predicate, v)),
            // #[unique(mysql_name = "task_id")]
            "mysql_name" if is_constraint => item
                .lit_str("mysql_name = \"task_id\"")
                .map(|v| set(cx, &item, &mut index.mysql_name, v)),
            // #[index(mysql = "skip")]
            "mysql" if !is_constraint => item
                .lit_str("mysql = \"skip\"")
                .map(|v| set(cx, &item, &mut index.mysql, v)),
            // #[index(mysql_prefix(subject_email = 191))]
            "mysql_prefix" if !is_constraint => parse_prefixes(&item)
                .map(|v| set(cx, &item, &mut index.mysql_prefix, (item.key.clone(), v))),
            _ => Err(unknown_key(&item.key, attr_name, valid_keys)),
        };
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    Some(index)
}

fn parse_prefixes(item: &MetaItem) -> syn::Result<Vec<(Ident, syn::LitInt)>> {
    let group = item.list("mysql_prefix(subject_email = 191)")?;
    let parsed = syn::parse::Parser::parse2(
        syn::punctuated::Punctuated::<PrefixSyntax, syn::Token![,]>::parse_terminated,
        group.stream(),
    )?;
    if parsed.is_empty() {
        return Err(syn::Error::new(
            group.span(),
            "`mysql_prefix` needs a column and a length: `mysql_prefix(subject_email = 191)`",
        ));
    }
    Ok(parsed
        .into_iter()
        .map(|prefix| (prefix.column, prefix.length))
        .collect())
}

struct PrefixSyntax {
    column: Ident,
    length: syn::LitInt,
}

impl syn::parse::Parse for PrefixSyntax {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        let column = Ident::parse_any(input)?;
        input.parse::<syn::Token![=]>()?;
        Ok(PrefixSyntax {
            column,
            length: input.parse()?,
        })
    }
}

fn parse_index_columns(item: &MetaItem) -> syn::Result<Vec<IndexColumnDecl>> {
    let group = item.list("columns(tenant_id, created_at desc)")?;
    // Each item is `column` or `column desc`.
    let parsed = syn::parse::Parser::parse2(
        syn::punctuated::Punctuated::<IndexColumnSyntax, syn::Token![,]>::parse_terminated,
        group.stream(),
    )?;
    if parsed.is_empty() {
        return Err(syn::Error::new(
            group.span(),
            "an index needs at least one column: `columns(tenant_id)`",
        ));
    }
    let columns = parsed
        .into_iter()
        .map(|column| IndexColumnDecl {
            column: column.column,
            descending: column.descending,
        })
        .collect();
    Ok(columns)
}

struct IndexColumnSyntax {
    column: Ident,
    descending: bool,
}

impl syn::parse::Parse for IndexColumnSyntax {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        // `parse_any`: a column may be named by a keyword (`type`).
        let column = Ident::parse_any(input)?;
        let mut descending = false;
        if input.peek(Ident) {
            let order: Ident = input.parse()?;
            match order.to_string().as_str() {
                "desc" => descending = true,
                "asc" => {}
                _ => {
                    return Err(syn::Error::new(
                        order.span(),
                        "expected `asc`, `desc` or `,` after an index column",
                    ))
                }
            }
        }
        Ok(IndexColumnSyntax { column, descending })
    }
}

fn parse_field(cx: &mut Ctxt, field: syn::Field) -> FieldDecl {
    let ident = field.ident.expect("named fields have names");
    let mut attrs = Vec::new();
    let mut column: Option<ColumnDecl> = None;
    for attr in field.attrs {
        if !attr.path().is_ident("column") {
            attrs.push(attr);
            continue;
        }
        if column.is_some() {
            cx.error_spanned(
                attr.path(),
                "a field takes one #[column(...)]; merge the two",
            );
            continue;
        }
        column = Some(parse_column(cx, &attr));
    }
    FieldDecl {
        attrs,
        vis: field.vis,
        ident,
        ty: field.ty,
        column,
    }
}

fn parse_column(cx: &mut Ctxt, attr: &Attribute) -> ColumnDecl {
    let mut column = ColumnDecl {
        span: attr.path().span(),
        sql_type: None,
        name: None,
        primary_key: None,
        default: None,
        client_default: None,
        references: None,
        join: None,
        foreign_key: None,
        audit: None,
        cross_tenant: None,
        no_reference: None,
        insert_as: None,
        generated: None,
        fixed: None,
        on_delete: None,
        mysql_type: None,
        mysql_default: None,
        mysql_generated: None,
        mysql_foreign_key: None,
    };
    let tokens = match &attr.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        _ => {
            cx.error_spanned(
                attr,
                "expected `#[column(<sql type>, ...)]`, e.g. `#[column(varchar(255))]`",
            );
            return column;
        }
    };
    let items = match parse_meta_list(tokens) {
        Ok(items) => items,
        Err(error) => {
            cx.syn_error(error);
            return column;
        }
    };
    for (position, item) in items.into_iter().enumerate() {
        // The SQL type comes first and has no `=`: `#[column(varchar(255), ...)]`.
        if position == 0 && !matches!(item.value, MetaValue::Assign(_)) {
            column.sql_type = Some(SqlTypeDecl::from_item(cx, item));
            continue;
        }
        let key = item.key.to_string();
        let result = match key.as_str() {
            // #[column(name = "type")]
            "name" => item
                .lit_str("name = \"type\"")
                .map(|v| set(cx, &item, &mut column.name, v)),
            // #[column(primary_key)]
            "primary_key" => item
                .flag()
                .map(|()| set(cx, &item, &mut column.primary_key, item.key.clone())),
            // #[column(default = CURRENT_TIMESTAMP(0))]
            "default" => parse_default(&item).map(|v| set(cx, &item, &mut column.default, v)),
            // #[column(client_default = uuid4)]
            "client_default" => item
                .ident_value("client_default = uuid4")
                .map(|v| set(cx, &item, &mut column.client_default, v)),
            // #[column(references = App)]
            // #[column(references = any(App, Dataset))]
            "references" => {
                parse_references(&item).map(|v| set(cx, &item, &mut column.references, v))
            }
            // #[column(generated = "CASE WHEN status = 'active' THEN name END")]
            "generated" => item
                .lit_str("generated = \"<SQL expression>\"")
                .map(|v| set(cx, &item, &mut column.generated, v)),
            // #[column(mysql_type = "text")]
            "mysql_type" => item
                .lit_str("mysql_type = \"text\"")
                .map(|v| set(cx, &item, &mut column.mysql_type, v)),
            // #[column(mysql_default = -1)]
            "mysql_default" => {
                parse_default(&item).map(|v| set(cx, &item, &mut column.mysql_default, v))
            }
            // #[column(mysql_generated = "case when `scope` = 'roster' then `name` end")]
            "mysql_generated" => item
                .lit_str("mysql_generated = \"<MySQL expression>\"")
                .map(|v| set(cx, &item, &mut column.mysql_generated, v)),
            // #[column(mysql_foreign_key = "tool_published_apps_ibfk_1")]
            "mysql_foreign_key" => item
                .lit_str("mysql_foreign_key = \"tool_published_apps_ibfk_1\"")
                .map(|v| set(cx, &item, &mut column.mysql_foreign_key, v)),
            // #[column(on_delete = cascade)]
            "on_delete" => item
                .ident_value("on_delete = cascade")
                .map(|v| set(cx, &item, &mut column.on_delete, v)),
            // #[column(fixed)]
            "fixed" => item
                .flag()
                .map(|()| set(cx, &item, &mut column.fixed, item.key.clone())),
            // #[column(insert_as = InvitedRole)]
            "insert_as" => parse_path(&item, "insert_as = InvitedRole")
                .map(|v| set(cx, &item, &mut column.insert_as, v)),
            // #[column(no_reference = "an account or an end user, by created_by_role")]
            "no_reference" => item
                .lit_str("no_reference = \"why this uuid points at no one row\"")
                .map(|v| set(cx, &item, &mut column.no_reference, v)),
            // #[column(join = false)]
            "join" => {
                parse_bool(&item, "join = false").map(|v| set(cx, &item, &mut column.join, v))
            }
            // #[column(foreign_key = "messages_conversation_id_fkey")]
            "foreign_key" => item
                .lit_str("foreign_key = \"messages_conversation_id_fkey\"")
                .map(|v| set(cx, &item, &mut column.foreign_key, v)),
            // #[column(cross_tenant)]
            "cross_tenant" => item
                .flag()
                .map(|()| set(cx, &item, &mut column.cross_tenant, item.key.clone())),
            // #[column(audit = created_by)]
            "audit" => item
                .ident_value("audit = created_by")
                .map(|v| set(cx, &item, &mut column.audit, v)),
            _ if position > 0
                && !matches!(item.value, MetaValue::Assign(_))
                && column.sql_type.is_none() =>
            {
                Err(syn::Error::new(
                    item.key.span(),
                    "the SQL type goes first: `#[column(varchar(255), ...)]`",
                ))
            }
            _ => Err(unknown_key(&item.key, "column", COLUMN_KEYS)),
        };
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    column
}

impl SqlTypeDecl {
    fn from_item(cx: &mut Ctxt, item: MetaItem) -> SqlTypeDecl {
        let args = match item.value {
            MetaValue::List(group) => {
                let parsed = syn::parse::Parser::parse2(
                    syn::punctuated::Punctuated::<SqlTypeArg, syn::Token![,]>::parse_terminated,
                    group.stream(),
                );
                match parsed {
                    Ok(args) => Some((group.span(), args.into_iter().collect())),
                    Err(error) => {
                        cx.syn_error(error);
                        Some((group.span(), Vec::new()))
                    }
                }
            }
            _ => None,
        };
        SqlTypeDecl {
            name: item.key,
            args,
        }
    }
}

impl syn::parse::Parse for SqlTypeArg {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        if input.peek(syn::LitInt) {
            Ok(SqlTypeArg::Int(input.parse()?))
        } else if input.peek(Ident) {
            Ok(SqlTypeArg::Ident(input.parse()?))
        } else {
            Err(input.error("expected a number, as in `varchar(255)` or `numeric(10, 7)`"))
        }
    }
}

fn parse_default(item: &MetaItem) -> syn::Result<DefaultDecl> {
    const FORM: &str = "default = \"text\"`, `default = 0`, `default = false`, `default = CURRENT_TIMESTAMP(0)`, `default = serial`, `default = nextval(\"sequence\")` or `default = sql(\"...\")";
    let tokens = item.assigned(FORM)?;
    let fallback = first_span(tokens, item.key.span());
    syn::parse2::<DefaultDecl>(tokens.clone())
        .map_err(|_| syn::Error::new(fallback, format!("expected `{FORM}`")))
}

impl syn::parse::Parse for DefaultDecl {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        if input.peek(syn::Token![-]) {
            let minus: syn::Token![-] = input.parse()?;
            let lit: syn::Lit = input.parse()?;
            return Ok(DefaultDecl::Literal {
                span: minus.span,
                lit,
                negative: true,
            });
        }
        if input.peek(syn::Lit) {
            let lit: syn::Lit = input.parse()?;
            return Ok(DefaultDecl::Literal {
                span: lit.span(),
                lit,
                negative: false,
            });
        }
        let name = Ident::parse_any(input)?;
        let args = if input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            if name == "sql" {
                return Ok(DefaultDecl::Sql {
                    keyword: name,
                    sql: content.parse()?,
                });
            }
            if name == "nextval" {
                return Ok(DefaultDecl::Sequence {
                    keyword: name,
                    name: content.parse()?,
                });
            }
            let args =
                syn::punctuated::Punctuated::<syn::LitInt, syn::Token![,]>::parse_terminated(
                    &content,
                )?;
            Some(args.into_iter().collect())
        } else {
            None
        };
        Ok(DefaultDecl::Function { name, args })
    }
}

fn parse_path(item: &MetaItem, form: &str) -> syn::Result<Path> {
    let tokens = item.assigned(form)?;
    syn::parse2::<Path>(tokens.clone()).map_err(|_| {
        syn::Error::new(
            first_span(tokens, item.key.span()),
            format!("expected the parent entity's type; write `{form}`"),
        )
    })
}

fn parse_visible(item: &MetaItem) -> syn::Result<VisibleDecl> {
    const FORM: &str = "visible = all`, `visible = none` or `visible = rows(\"id = {tenant}\")";
    let tokens = item.assigned(FORM)?;
    let mut iter = tokens.clone().into_iter();
    let wrong = |span| syn::Error::new(span, format!("expected `{FORM}`"));
    let Some(proc_macro2::TokenTree::Ident(keyword)) = iter.next() else {
        return Err(wrong(first_span(tokens, item.key.span())));
    };
    match (keyword.to_string().as_str(), iter.next(), iter.next()) {
        ("all", None, None) => Ok(VisibleDecl::All(keyword)),
        ("none", None, None) => Ok(VisibleDecl::None(keyword)),
        ("rows", Some(proc_macro2::TokenTree::Group(group)), None)
            if group.delimiter() == proc_macro2::Delimiter::Parenthesis =>
        {
            let condition =
                syn::parse2::<LitStr>(group.stream()).map_err(|_| wrong(group.span()))?;
            Ok(VisibleDecl::Rows { keyword, condition })
        }
        _ => Err(wrong(keyword.span())),
    }
}

fn parse_references(item: &MetaItem) -> syn::Result<ReferencesDecl> {
    const FORM: &str = "references = App` or `references = any(App, Dataset)";
    let tokens = item.assigned(FORM)?;
    let mut iter = tokens.clone().into_iter();
    if let (
        Some(proc_macro2::TokenTree::Ident(keyword)),
        Some(proc_macro2::TokenTree::Group(group)),
        None,
    ) = (iter.next(), iter.next(), iter.next())
    {
        if keyword == "any" && group.delimiter() == proc_macro2::Delimiter::Parenthesis {
            let parents = syn::parse::Parser::parse2(
                syn::punctuated::Punctuated::<Path, syn::Token![,]>::parse_terminated,
                group.stream(),
            )
            .map_err(|_| {
                syn::Error::new(
                    group.span(),
                    "expected the entities it may point at; write `references = any(App, Dataset)`",
                )
            })?;
            return Ok(ReferencesDecl::Any {
                keyword,
                parents: parents.into_iter().collect(),
            });
        }
    }
    parse_path(item, FORM).map(ReferencesDecl::One)
}

fn parse_bool(item: &MetaItem, form: &str) -> syn::Result<syn::LitBool> {
    let tokens = item.assigned(form)?;
    syn::parse2::<syn::LitBool>(tokens.clone()).map_err(|_| {
        syn::Error::new(
            first_span(tokens, item.key.span()),
            format!("expected `true` or `false`; write `{form}`"),
        )
    })
}

/// Stores a key's value; a key given twice is reported at its second
/// occurrence (serde's `Attr::set`).
fn set<T>(cx: &mut Ctxt, item: &MetaItem, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.syn_error(duplicate_key(item));
    } else {
        *slot = Some(value);
    }
}

fn duplicate_key(item: &MetaItem) -> syn::Error {
    syn::Error::new(
        item.key.span(),
        format!("`{}` is given twice; keep one", item.key),
    )
}
