// The C API (quiver/c.h): errors, versions, options, opening and closing,
// adding documents and finding nodes.

#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "api/c_api_internal.h"
#include "quiver/version.h"

namespace quiver::c_api {

namespace {

char* CopyString(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out == nullptr) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

}  // namespace

void SaveError(char** errptr, const char* message) {
  std::free(*errptr);
  *errptr = CopyString(message);
}

void SaveError(char** errptr, const absl::Status& status) {
  SaveError(errptr,
            absl::StrCat(absl::StatusCodeToString(status.code()), ": ", status.message()).c_str());
}

char* CopyBytes(const std::string& bytes) { return CopyString(bytes); }

}  // namespace quiver::c_api

using quiver::c_api::Guard;
using quiver::c_api::GuardVoid;
using quiver::c_api::SaveError;
using quiver::c_api::Str;

extern "C" {

void quiver_free(void* ptr) { std::free(ptr); }

const char* quiver_version(void) { return quiver::Version(); }
int quiver_major_version(void) { return QUIVER_VERSION_MAJOR; }
int quiver_minor_version(void) { return QUIVER_VERSION_MINOR; }

quiver_options_t* quiver_options_create(void) {
  return Guard<quiver_options_t*>(nullptr, nullptr, [] { return new quiver_options_t; });
}
void quiver_options_destroy(quiver_options_t* options) { delete options; }
void quiver_options_set_create_if_missing(quiver_options_t* options, unsigned char on) {
  options->options.create_if_missing = on != 0;
}
void quiver_options_set_error_if_exists(quiver_options_t* options, unsigned char on) {
  options->options.error_if_exists = on != 0;
}
void quiver_options_set_read_only(quiver_options_t* options, unsigned char on) {
  options->options.read_only = on != 0;
}
void quiver_options_set_in_memory(quiver_options_t* options, unsigned char on) {
  options->options.in_memory = on != 0;
}

quiver_db_t* quiver_open(const quiver_options_t* options, const char* path, char** errptr) {
  return Guard<quiver_db_t*>(errptr, nullptr, [&]() -> quiver_db_t* {
    if (path == nullptr) {
      SaveError(errptr, absl::InvalidArgumentError("no store path given"));
      return nullptr;
    }
    auto db = quiver::Database::Open(path, options ? options->options : quiver::Options());
    if (!db.ok()) {
      SaveError(errptr, db.status());
      return nullptr;
    }
    return new quiver_db_t{std::move(*db)};
  });
}

void quiver_close(quiver_db_t* db) { delete db; }

uint64_t quiver_ingest(quiver_db_t* db, const char* source, const char* title, const char* date,
                       const char* text, size_t text_len, unsigned char* duplicate,
                       char** errptr) {
  return Guard<uint64_t>(errptr, 0, [&]() -> uint64_t {
    quiver::DocumentInput doc;
    doc.source = Str(source);
    doc.title = Str(title);
    doc.date = Str(date);
    if (text != nullptr) doc.content.assign(text, text_len);
    auto added = db->db->Ingest(doc);
    if (!added.ok()) {
      SaveError(errptr, added.status());
      return 0;
    }
    if (duplicate != nullptr) *duplicate = added->duplicate ? 1 : 0;
    return added->doc;
  });
}

quiver_document_t* quiver_document_create(const char* source, const char* content,
                                          size_t content_len) {
  return Guard<quiver_document_t*>(nullptr, nullptr, [&] {
    auto* doc = new quiver_document_t;
    doc->input.source = Str(source);
    if (content != nullptr) doc->input.content.assign(content, content_len);
    return doc;
  });
}

void quiver_document_destroy(quiver_document_t* document) { delete document; }

void quiver_document_add_triple(quiver_document_t* document, const char* subject,
                                const char* relation, const char* object, uint32_t sentence,
                                const char* sentence_text) {
  GuardVoid(nullptr, [&] {
    quiver::Triple t;
    t.subject = Str(subject);
    t.relation = Str(relation);
    t.object = Str(object);
    t.sentence = sentence;
    t.sentence_text = Str(sentence_text);
    document->input.triples.push_back(std::move(t));
  });
}

uint64_t quiver_add_document(quiver_db_t* db, const quiver_document_t* document,
                             char** errptr) {
  return Guard<uint64_t>(errptr, 0, [&]() -> uint64_t {
    auto added = db->db->AddDocument(document->input);
    if (!added.ok()) {
      SaveError(errptr, added.status());
      return 0;
    }
    return added->doc;
  });
}

uint64_t quiver_find_node(quiver_db_t* db, const char* name, char** errptr) {
  return Guard<uint64_t>(errptr, 0, [&]() -> uint64_t {
    auto nodes = db->db->FindNodes(Str(name));
    if (!nodes.ok()) {
      SaveError(errptr, nodes.status());
      return 0;
    }
    return nodes->empty() ? 0 : nodes->front().id;
  });
}

char* quiver_node_name(quiver_db_t* db, uint64_t node, char** errptr) {
  return Guard<char*>(errptr, nullptr, [&]() -> char* {
    auto n = db->db->GetNode(node);
    if (!n.ok()) {
      SaveError(errptr, n.status());
      return nullptr;
    }
    return quiver::c_api::CopyBytes(n->name);
  });
}

}  // extern "C"
