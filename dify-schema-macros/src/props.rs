//! Facts derived from the IR: which form a column is in, whether a form
//! needs the scope lifetime, how an insert fills a column. Computed here
//! once, beside the IR (thiserror's `prop.rs`), so the expanders ask the IR
//! and never each other.
//!
//! Nothing here spells tokens; `tokens.rs` does that.

use syn::{Ident, Path, Type};

use crate::ir::{
    Access, Audit, ClientDefault, Column, Default, Entity, Fill, Ownership, ServerFunction,
    SoftDelete, SqlType,
};
use crate::rust_type::RustKind;

impl Entity {
    /// The hidden module that holds the Diesel `table!` of this entity
    /// (`App` -> `__dify_table_App`): a relation to `crate::app::App`
    /// reaches the parent's table as `crate::app::__dify_table_App::table`.
    pub fn table_module(&self) -> Ident {
        Ident::new(&format!("__dify_table_{}", self.ident), self.ident.span())
    }

    /// The composable query's columns struct (`AppColumns`).
    pub fn columns_ident(&self) -> Ident {
        quote::format_ident!("{}Columns", self.ident)
    }

    pub fn column(&self, index: usize) -> &Column {
        &self.columns[index]
    }

    /// The columns of the primary key, in key order.
    pub fn key_columns(&self) -> impl Iterator<Item = &Column> {
        self.primary_key
            .columns
            .iter()
            .map(|index| self.column(*index))
    }

    /// True for `owner = tenant` and `owner = via(...)`.
    pub fn ownership_is_tenant(&self) -> bool {
        !matches!(self.ownership, Ownership::Global)
    }

    /// The column that carries the tenant, for `owner = tenant`.
    pub fn tenant_column(&self) -> Option<&Column> {
        match self.ownership {
            Ownership::Tenant { column } => Some(self.column(column)),
            _ => None,
        }
    }

    /// The column that points at the owning parent, and the parent, for
    /// `owner = via(...)`.
    pub fn via(&self) -> Option<(&Column, &Path)> {
        match &self.ownership {
            Ownership::Via { column, parent } => Some((self.column(*column), parent)),
            _ => None,
        }
    }

    /// The key of the scoped accessors, when the entity has them.
    pub fn scoped_key(&self) -> Option<&Column> {
        match self.access {
            Access::Scoped { key } => Some(self.column(key)),
            Access::SystemOnly => None,
        }
    }

    pub fn is_tenant_column(&self, index: usize) -> bool {
        matches!(self.ownership, Ownership::Tenant { column } if column == index)
    }

    pub fn is_via_column(&self, index: usize) -> bool {
        matches!(self.ownership, Ownership::Via { column, .. } if column == index)
    }

    pub fn is_soft_delete_column(&self, index: usize) -> bool {
        matches!(self.soft_delete, Some(SoftDelete::Flag(column) | SoftDelete::Timestamp(column)) if column == index)
    }

    /// Whether the insert form carries this column. The tenant comes from
    /// the scope, audit columns from the scope or the server, and the
    /// soft-delete mark from `soft_delete`; never from the caller: that is
    /// what makes "set another tenant's id" unwritable.
    pub fn in_insert_form(&self, index: usize) -> bool {
        let column = self.column(index);
        !self.is_tenant_column(index)
            && column.audit.is_none()
            && column.generated.is_none()
            && !self.is_soft_delete_column(index)
    }

    /// Whether the update form carries this column: not the key, the
    /// tenant, the owning parent (a row does not move between owners), the
    /// audit columns, a generated or `fixed` column, or the soft-delete mark.
    pub fn in_changes_form(&self, index: usize) -> bool {
        let column = self.column(index);
        !column.primary_key
            && !self.is_tenant_column(index)
            && !self.is_via_column(index)
            && column.audit.is_none()
            && column.generated.is_none()
            && !column.fixed
            && !self.is_soft_delete_column(index)
    }

    /// The columns of the insert form, in declaration order.
    pub fn insert_form(&self) -> impl Iterator<Item = &Column> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(index, _)| self.in_insert_form(*index))
            .map(|(_, column)| column)
    }

    /// The columns of the update form, in declaration order.
    pub fn changes_form(&self) -> impl Iterator<Item = &Column> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(index, _)| self.in_changes_form(*index))
            .map(|(_, column)| column)
    }

    /// Whether the insert form has a field that needs the scope lifetime `'t`.
    pub fn insert_form_needs_lifetime(&self) -> bool {
        self.insert_form().any(Column::is_reference)
    }

    /// Whether the update form has a field that needs the scope lifetime `'t`.
    pub fn changes_form_needs_lifetime(&self) -> bool {
        self.changes_form().any(Column::is_reference)
    }

    /// The NOT NULL `created_by`/`updated_by` column an insert must fill
    /// from the scope's actor, if any.
    pub fn required_actor(&self) -> Option<&Column> {
        self.columns.iter().find(|column| {
            matches!(column.audit, Some(Audit::CreatedBy | Audit::UpdatedBy)) && !column.nullable
        })
    }

    /// How an insert fills column `index`, or `None` when the server does
    /// (a timestamp with a server default, the soft-delete mark).
    pub fn insert_source(&self, index: usize) -> Option<InsertSource> {
        let column = self.column(index);
        if self.is_tenant_column(index) {
            return Some(InsertSource::Tenant);
        }
        match column.audit {
            Some(Audit::CreatedBy | Audit::UpdatedBy) => return Some(InsertSource::Actor),
            // The client's clock where the table has no default (Dify fills
            // `workflows.updated_at` in Python), else the server default.
            Some(Audit::CreatedAt | Audit::UpdatedAt) => {
                return (column.client_default == Some(ClientDefault::Now))
                    .then_some(InsertSource::ClientClock);
            }
            None => {}
        }
        if !self.in_insert_form(index) {
            // The soft-delete mark starts at its default.
            return None;
        }
        Some(match column.client_default {
            Some(client_default) => InsertSource::ClientDefault(client_default),
            None if column.default.is_some() => InsertSource::FormOrServerDefault,
            None => InsertSource::Form,
        })
    }

    /// The NOT NULL `created_at` timestamp that orders a keyset page before
    /// the key, where the entity has one.
    pub fn order_column(&self) -> Option<&Column> {
        self.columns.iter().find(|column| {
            column.name == "created_at" && column.sql_type == SqlType::Timestamp && !column.nullable
        })
    }
}

/// Where an insert takes a column's value from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InsertSource {
    /// The scope's tenant.
    Tenant,
    /// The scope's actor (`created_by`, `updated_by`).
    Actor,
    /// The client's clock (`audit = ..._at` with `client_default = now`).
    ClientClock,
    /// The form, or the client default when the form says `None`.
    ClientDefault(ClientDefault),
    /// The form, or the server default when the form says `None`
    /// (`COALESCE($n, <default>)`).
    FormOrServerDefault,
    /// The form.
    Form,
}

impl InsertSource {
    /// How the insert template binds a column with this source.
    pub fn fill(self) -> Fill {
        match self {
            InsertSource::Tenant | InsertSource::Actor | InsertSource::ClientClock => {
                Fill::Constant
            }
            InsertSource::FormOrServerDefault => Fill::ValueOrDefault,
            InsertSource::ClientDefault(_) | InsertSource::Form => Fill::Value,
        }
    }
}

/// How a form's value becomes the value bound for its column.
pub enum Conversion {
    /// As it is.
    Plain,
    /// A string enum of this type, as its stored text.
    StringEnum(Box<Type>),
    /// A `Ref` or an `AnyId`, as its uuid.
    Reference,
}

impl Column {
    /// True for a varchar or text column held by a string enum.
    pub fn is_string_enum(&self) -> bool {
        self.rust == RustKind::Custom
    }

    /// True when forms take this column as a reference (`Ref<'t, P>` or
    /// `AnyId<'t>`) rather than as its plain type.
    pub fn is_reference(&self) -> bool {
        self.relation.is_some() || !self.any_of.is_empty()
    }

    /// Whether the insert form makes this column optional (`None` = let the
    /// server or the client default decide, or NULL).
    pub fn optional_on_insert(&self) -> bool {
        !self.nullable && (self.default.is_some() || self.client_default.is_some())
    }

    /// The length a value is checked against before it is sent: a
    /// `varchar(n)` held in a `String` (a string enum is checked at compile
    /// time instead).
    pub fn varchar_limit(&self) -> Option<u32> {
        match self.sql_type {
            SqlType::Varchar(Some(max)) if self.rust == RustKind::String => Some(max),
            _ => None,
        }
    }

    /// How the update form's value is bound.
    pub fn changes_conversion(&self) -> Conversion {
        self.conversion(&self.value_ty)
    }

    /// How the insert form's value is bound: its string enum may be
    /// narrower (`insert_as`).
    pub fn insert_conversion(&self) -> Conversion {
        match &self.insert_as {
            Some(narrower) => self.conversion(&syn::parse_quote!(#narrower)),
            None => self.changes_conversion(),
        }
    }

    fn conversion(&self, ty: &Type) -> Conversion {
        if self.is_string_enum() {
            Conversion::StringEnum(Box::new(ty.clone()))
        } else if self.is_reference() {
            Conversion::Reference
        } else {
            Conversion::Plain
        }
    }

    /// The clock an update stamps an `audit = updated_at` column with: the
    /// one its default reads, at its precision (a `CURRENT_TIMESTAMP(0)`
    /// column rounds to the second, and an update stamped with the exact
    /// time could then go back).
    pub fn update_clock(&self) -> String {
        match &self.default {
            Some(Default::Function(ServerFunction::CurrentTimestamp(Some(p)))) => {
                format!("CURRENT_TIMESTAMP({p})")
            }
            _ => "CURRENT_TIMESTAMP".to_owned(),
        }
    }
}
