//! DDL renderers.
