// Stores for the graph tests: a fresh in-memory one, and an on-disk one
// rewritten underneath Store to look as another format version wrote it.

#ifndef QUIVER_TESTS_GRAPH_STORE_FIXTURE_H_
#define QUIVER_TESTS_GRAPH_STORE_FIXTURE_H_

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "graph/coding.h"
#include "graph/store.h"
#include "quiver/graph_types.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace quiver::graph {

// A new, empty in-memory store (RocksDB's in-memory environment: `name`
// only labels it, no file is written).
inline std::unique_ptr<Store> OpenInMemory(const std::string& name) {
  Options options;
  options.in_memory = true;
  auto store = Store::Open(name, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? std::move(*store) : nullptr;
}

// A statement (s, r, o) from `sentence`, whose text names its index.
inline Triple T(std::string s, std::string r, std::string o, uint32_t sentence = 0) {
  Triple t;
  t.subject = std::move(s);
  t.relation = std::move(r);
  t.object = std::move(o);
  t.sentence = sentence;
  t.sentence_text = "sentence " + std::to_string(sentence);
  return t;
}

// A document of `triples`; `content` decides whether it is new (its hash).
inline DocumentInput Doc(std::string source, std::string content, std::vector<Triple> triples) {
  DocumentInput d;
  d.source = std::move(source);
  d.content = std::move(content);
  d.triples = std::move(triples);
  return d;
}

// How many keys column family `cf` holds, read past Reader and its
// counters.
inline size_t KeysIn(const Store& store, Cf cf) {
  std::unique_ptr<rocksdb::Iterator> it(
      store.db()->NewIterator(rocksdb::ReadOptions(), store.handle(cf)));
  size_t n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++n;
  return n;
}

// Writes `version` as the format version of the closed store at `path`,
// through RocksDB directly, and drops every column family not in `keep`
// (none when `keep` is empty): the store as that version would have left it.
inline void RewriteFormat(const std::string& path, uint64_t version,
                          const std::vector<std::string>& keep = {}) {
  rocksdb::DBOptions o;
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(o, path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db;
  ASSERT_TRUE(rocksdb::DB::Open(o, path, cfs, &handles, &db).ok());
  std::string v;
  PutFixed64BE(&v, version);
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "meta") {
      ASSERT_TRUE(db->Put({}, handles[i], "format_version", v).ok());
    }
    if (!keep.empty() && std::find(keep.begin(), keep.end(), names[i]) == keep.end()) {
      ASSERT_TRUE(db->DropColumnFamily(handles[i]).ok());
    }
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
}

}  // namespace quiver::graph

#endif  // QUIVER_TESTS_GRAPH_STORE_FIXTURE_H_
