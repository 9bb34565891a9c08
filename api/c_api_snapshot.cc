// The C API (quiver/c.h): read snapshots and their node and edge iterators.

#include "api/c_api_internal.h"
#include "quiver/iterator.h"
#include "quiver/read_snapshot.h"

using quiver::c_api::Guard;
using quiver::c_api::GuardVoid;
using quiver::c_api::NewResult;
using quiver::c_api::SaveError;
using quiver::c_api::Str;

struct quiver_snapshot_t {
  std::unique_ptr<quiver::ReadSnapshot> snapshot;
};

// One of the two, by what the iterator walks.
struct quiver_iterator_t {
  std::unique_ptr<quiver::NodeIterator> nodes;
  std::unique_ptr<quiver::EdgeIterator> edges;

  bool Valid() const { return nodes ? nodes->Valid() : edges->Valid(); }
};

extern "C" {

quiver_snapshot_t* quiver_snapshot_create(quiver_db_t* db, char** errptr) {
  return Guard<quiver_snapshot_t*>(errptr, nullptr, [&] {
    return new quiver_snapshot_t{db->db->GetSnapshot()};
  });
}

void quiver_snapshot_destroy(quiver_snapshot_t* snapshot) { delete snapshot; }

quiver_result_t* quiver_snapshot_query(const quiver_snapshot_t* snapshot, const char* statement,
                                       const quiver_params_t* params, char** errptr) {
  return Guard<quiver_result_t*>(errptr, nullptr, [&] {
    return NewResult(
        snapshot->snapshot->Query(Str(statement), params ? params->values : quiver::ValueMap()),
        errptr);
  });
}

quiver_iterator_t* quiver_snapshot_nodes(const quiver_snapshot_t* snapshot, char** errptr) {
  return Guard<quiver_iterator_t*>(errptr, nullptr, [&] {
    auto* it = new quiver_iterator_t;
    it->nodes = snapshot->snapshot->NewNodeIterator();
    return it;
  });
}

quiver_iterator_t* quiver_snapshot_edges(const quiver_snapshot_t* snapshot, char** errptr) {
  return Guard<quiver_iterator_t*>(errptr, nullptr, [&] {
    auto* it = new quiver_iterator_t;
    it->edges = snapshot->snapshot->NewEdgeIterator();
    return it;
  });
}

void quiver_iterator_destroy(quiver_iterator_t* iterator) { delete iterator; }

unsigned char quiver_iterator_valid(const quiver_iterator_t* iterator) {
  return iterator->Valid() ? 1 : 0;
}

void quiver_iterator_next(quiver_iterator_t* iterator) {
  GuardVoid(nullptr, [&] {
    if (iterator->nodes) iterator->nodes->Next();
    else iterator->edges->Next();
  });
}

void quiver_iterator_seek(quiver_iterator_t* iterator, uint64_t id) {
  GuardVoid(nullptr, [&] {
    if (iterator->nodes) iterator->nodes->Seek(id);
    else iterator->edges->Seek(id);
  });
}

void quiver_iterator_error(const quiver_iterator_t* iterator, char** errptr) {
  absl::Status status = iterator->nodes ? iterator->nodes->status() : iterator->edges->status();
  if (!status.ok()) SaveError(errptr, status);
}

uint64_t quiver_iterator_id(const quiver_iterator_t* iterator) {
  if (!iterator->Valid()) return 0;
  return iterator->nodes ? iterator->nodes->value().id : iterator->edges->value().id;
}

const char* quiver_iterator_name(const quiver_iterator_t* iterator) {
  if (!iterator->Valid()) return nullptr;
  return iterator->nodes ? iterator->nodes->value().name.c_str()
                         : iterator->edges->value().type.c_str();
}

uint64_t quiver_iterator_source(const quiver_iterator_t* iterator) {
  return iterator->edges && iterator->Valid() ? iterator->edges->value().src : 0;
}

uint64_t quiver_iterator_target(const quiver_iterator_t* iterator) {
  return iterator->edges && iterator->Valid() ? iterator->edges->value().dst : 0;
}

}  // extern "C"
