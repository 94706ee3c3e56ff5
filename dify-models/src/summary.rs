//! Summaries of a knowledge base's chunks, generated and indexed beside them.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::dataset::{Dataset, Document, DocumentSegment, SummaryStatus};

/// Dify's `DocumentSegmentSummary` (`document_segment_summaries`).
///
/// The summary of one chunk (a segment, or a parent chunk, which is a segment too), with its own
/// index node; enabled and disabled like the segment.
#[entity(table = "document_segment_summaries", owner = via(dataset_id), write = dataset_editing)]
#[index(
    name = "document_segment_summaries_dataset_id_idx",
    columns(dataset_id)
)]
#[index(
    name = "document_segment_summaries_document_id_idx",
    columns(document_id)
)]
#[index(name = "document_segment_summaries_chunk_id_idx", columns(chunk_id))]
#[index(name = "document_segment_summaries_status_idx", columns(status))]
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSegmentSummary {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(uuid, references = Document)]
    pub document_id: Uuid,
    #[column(uuid, references = DocumentSegment)]
    pub chunk_id: Uuid,
    #[column(text)]
    pub summary_content: Option<String>,
    #[column(varchar(255))]
    pub summary_index_node_id: Option<String>,
    #[column(varchar(255))]
    pub summary_index_node_hash: Option<String>,
    #[column(integer)]
    pub tokens: Option<i32>,
    #[column(varchar(32), default = "generating")]
    pub status: SummaryStatus,
    #[column(text)]
    pub error: Option<String>,
    #[column(boolean, default = true)]
    pub enabled: bool,
    #[column(timestamp)]
    pub disabled_at: Option<NaiveDateTime>,
    #[column(uuid, references = Account)]
    pub disabled_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
