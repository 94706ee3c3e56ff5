/// The SQL types a column may have, independent of the backend that renders them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SqlType {
    Uuid,
    /// `varchar(n)`; `None` is an unbounded `varchar`, which a few Dify
    /// columns have (declared as `varchar(unbounded)`).
    Varchar(Option<u32>),
    Text,
    Json,
    Jsonb,
    /// A timestamp without time zone (Dify stores UTC in these).
    Timestamp,
    /// A timestamp with time zone (a few of Dify's newer tables).
    Timestamptz,
    Integer,
    BigInt,
    Boolean,
    /// Double precision (SQLAlchemy's `Float`).
    Float,
    /// `numeric(precision, scale)`; `None` is an unconstrained `numeric`.
    Numeric(Option<(u16, u16)>),
    Bytea,
}

impl SqlType {
    /// The DSL spelling, as a declaration writes it (`varchar(255)`).
    pub fn dsl_name(&self) -> String {
        match self {
            SqlType::Uuid => "uuid".into(),
            SqlType::Varchar(Some(n)) => format!("varchar({n})"),
            SqlType::Varchar(None) => "varchar(unbounded)".into(),
            SqlType::Text => "text".into(),
            SqlType::Json => "json".into(),
            SqlType::Jsonb => "jsonb".into(),
            SqlType::Timestamp => "timestamp".into(),
            SqlType::Timestamptz => "timestamptz".into(),
            SqlType::Integer => "integer".into(),
            SqlType::BigInt => "bigint".into(),
            SqlType::Boolean => "boolean".into(),
            SqlType::Float => "float".into(),
            SqlType::Numeric(Some((p, s))) => format!("numeric({p}, {s})"),
            SqlType::Numeric(None) => "numeric".into(),
            SqlType::Bytea => "bytea".into(),
        }
    }
}
