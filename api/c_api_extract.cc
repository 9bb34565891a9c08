// The C API (quiver/c.h): extraction without a store, over quiver::Extractor.

#include "absl/strings/str_cat.h"
#include "api/c_api_internal.h"

using quiver::c_api::Guard;
using quiver::c_api::SaveError;
using quiver::c_api::Str;

extern "C" {

quiver_extractor_t* quiver_extractor_create(int jobs, char** errptr) {
  return Guard<quiver_extractor_t*>(errptr, nullptr, [&]() -> quiver_extractor_t* {
    quiver::ExtractorOptions options;
    options.jobs = jobs;
    auto extractor = quiver::Extractor::Create(options);
    if (!extractor.ok()) {
      SaveError(errptr, extractor.status());
      return nullptr;
    }
    auto out = std::make_unique<quiver_extractor_t>();
    out->extractor = std::move(*extractor);
    return out.release();
  });
}

void quiver_extractor_destroy(quiver_extractor_t* extractor) { delete extractor; }

quiver_triples_t* quiver_extract(quiver_extractor_t* extractor, const char* source,
                                 const char* content, const char* date, char** errptr) {
  return Guard<quiver_triples_t*>(errptr, nullptr, [&]() -> quiver_triples_t* {
    if (extractor == nullptr || content == nullptr) {
      SaveError(errptr, "INVALID_ARGUMENT: quiver_extract needs an extractor and content");
      return nullptr;
    }
    quiver::DocumentInput doc;
    doc.source = Str(source);
    doc.content = content;
    doc.date = Str(date);
    auto extracted = extractor->extractor->ExtractText(doc);
    if (!extracted.ok()) {
      SaveError(errptr, extracted.status());
      return nullptr;
    }
    auto out = std::make_unique<quiver_triples_t>();
    out->triples = std::move(extracted->triples);
    return out.release();
  });
}

void quiver_triples_destroy(quiver_triples_t* triples) { delete triples; }
size_t quiver_triples_count(const quiver_triples_t* triples) { return triples->triples.size(); }
const char* quiver_triples_subject(const quiver_triples_t* triples, size_t i) {
  return triples->triples[i].subject.c_str();
}
const char* quiver_triples_relation(const quiver_triples_t* triples, size_t i) {
  return triples->triples[i].relation.c_str();
}
const char* quiver_triples_object(const quiver_triples_t* triples, size_t i) {
  return triples->triples[i].object.c_str();
}
unsigned char quiver_triples_negated(const quiver_triples_t* triples, size_t i) {
  return triples->triples[i].negated ? 1 : 0;
}
const char* quiver_triples_text(const quiver_triples_t* triples, size_t i) {
  return triples->triples[i].text.c_str();
}
const char* quiver_triples_sentence(const quiver_triples_t* triples, size_t i) {
  return triples->triples[i].sentence_text.c_str();
}
uint32_t quiver_triples_sentence_index(const quiver_triples_t* triples, size_t i) {
  return triples->triples[i].sentence;
}

}  // extern "C"
