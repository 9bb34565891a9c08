// Every key and value of a store, for the tests that build one store two
// ways and compare them key for key (the bulk loader and the staged load
// against the one-transaction write path).

#ifndef QUIVER_TESTS_GRAPH_STORE_DUMP_H_
#define QUIVER_TESTS_GRAPH_STORE_DUMP_H_

#include <map>
#include <memory>
#include <string>

#include "graph/key_format.h"
#include "graph/store.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace quiver::graph {

enum class StoreId { kKept, kLeftOut };

// "FAMILY/key" → value, for every column family. kLeftOut drops the
// store's random id (meta::kStoreId), which two stores made apart differ
// in; a checkpoint of a store (a staged load's) shares it.
inline std::map<std::string, std::string> DumpStore(const Store& store,
                                                    StoreId store_id = StoreId::kKept) {
  std::map<std::string, std::string> all;
  for (int i = 0; i < kNumCfs; ++i) {
    const Cf cf = static_cast<Cf>(i);
    std::unique_ptr<rocksdb::Iterator> it(
        store.db()->NewIterator(rocksdb::ReadOptions(), store.handle(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string key = it->key().ToString();
      if (store_id == StoreId::kLeftOut && cf == Cf::kMeta && key == meta::kStoreId) continue;
      all[std::string(CfName(cf)) + "/" + key] = it->value().ToString();
    }
    EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  }
  return all;
}

}  // namespace quiver::graph

#endif  // QUIVER_TESTS_GRAPH_STORE_DUMP_H_
