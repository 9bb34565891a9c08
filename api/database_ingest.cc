// Database::Ingest: text in, extracted facts stored (ingest/ does the work).

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "graph/document_writer.h"
#include "ingest/document_reader_dates.h"
#include "ingest/pipeline.h"
#include "quiver/database.h"
#include "util/status_macros.h"

namespace quiver {

namespace {

// The dictionary takes a moment to load; every Ingest call shares it.
absl::StatusOr<std::shared_ptr<ingest::LinkDictionary>> SharedDictionary() {
  static std::mutex mu;
  static std::shared_ptr<ingest::LinkDictionary> dict;
  std::lock_guard<std::mutex> lock(mu);
  if (!dict) {
    QUIVER_ASSIGN_OR_RETURN(dict, ingest::LinkDictionary::Load());
  }
  return dict;
}

}  // namespace

absl::StatusOr<AddResult> Database::Ingest(const DocumentInput& document) {
  QUIVER_ASSIGN_OR_RETURN(auto dict, SharedDictionary());
  ingest::ParserSession parser(dict, ingest::ParserSettings());
  ingest::SourceDocument source;
  source.source = document.source;
  source.title = document.title;
  source.url = document.url;
  if (!document.date.empty()) {
    std::optional<std::string> date = ingest::NormalizeDocumentDate(document.date);
    if (!date) {
      return absl::InvalidArgumentError(absl::StrCat(
          "document ", document.source, ": date \"", document.date,
          "\" is not a date (write it as 2016-10-12 or 12 October 2016)"));
    }
    source.date = *date;
  }
  source.text = document.content;
  ingest::ExtractedDocument extracted = ingest::ExtractDocument(source, parser);
  for (const Triple& t : document.triples) extracted.input.triples.push_back(t);
  return graph::AddDocument(*impl_->store, extracted.input);
}

}  // namespace quiver
