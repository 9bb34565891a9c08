// What the C API's handles (quiver/c.h) hold, and the helpers its files
// share. Every entry point catches what the C++ side may throw (std::bad_alloc
// and the like) so no exception crosses into C.

#ifndef QUIVER_API_C_API_INTERNAL_H_
#define QUIVER_API_C_API_INTERNAL_H_

#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "quiver/c.h"
#include "quiver/database.h"
#include "quiver/extractor.h"

struct quiver_db_t {
  std::unique_ptr<quiver::Database> db;
};

struct quiver_options_t {
  quiver::Options options;
};

struct quiver_document_t {
  quiver::DocumentInput input;
};

struct quiver_params_t {
  quiver::ValueMap values;
};

struct quiver_result_t {
  quiver::Result result;
  std::vector<std::string> columns;
  quiver::ValueList row;
  bool has_row = false;
  // quiver_result_string's text of a non-string value, per column.
  std::vector<std::string> text;
};

struct quiver_evidence_t {
  std::vector<quiver::Evidence> statements;
  std::vector<std::string> sources;  // The document source of each.
};

struct quiver_extractor_t {
  std::unique_ptr<quiver::Extractor> extractor;
};

struct quiver_triples_t {
  std::vector<quiver::Triple> triples;
};

struct quiver_scores_t {
  std::vector<std::pair<uint64_t, double>> scores;
};

namespace quiver::c_api {

// Stores `status` in *errptr as quiver/c.h describes ("CODE: message").
void SaveError(char** errptr, const absl::Status& status);
void SaveError(char** errptr, const char* message);

// A new result handle for what a query returned (Database::Query,
// PreparedStatement::Execute, ReadSnapshot::Query), or null with the
// error in *errptr (api/c_api_query.cc).
quiver_result_t* NewResult(absl::StatusOr<quiver::Result> result, char** errptr);

// A malloc'd, NUL-terminated copy of `bytes`, for the caller to quiver_free.
char* CopyBytes(const std::string& bytes);

// Null-safe: the empty string for NULL.
inline std::string Str(const char* s) { return s ? std::string(s) : std::string(); }

// Runs `body` (an entry point's work): what it throws becomes an error in
// *errptr (when errptr is not null) and `on_error` is returned instead.
template <typename T, typename Body>
T Guard(char** errptr, T on_error, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    if (errptr) SaveError(errptr, e.what());
  } catch (...) {
    if (errptr) SaveError(errptr, "unknown error");
  }
  return on_error;
}

template <typename Body>
void GuardVoid(char** errptr, Body&& body) noexcept {
  Guard(errptr, 0, [&] {
    body();
    return 0;
  });
}

}  // namespace quiver::c_api

#endif  // QUIVER_API_C_API_INTERNAL_H_
