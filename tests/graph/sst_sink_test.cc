#include "graph/sst_sink.h"

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "graph/store.h"
#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/options.h"
#include "rocksdb/sst_file_reader.h"
#include "rocksdb/table_properties.h"
#include "tests/test_support.h"

namespace quiver::graph {
namespace {

using ::quiver::testing::TempDir;

// The keys of an SST file, read back with RocksDB's own reader.
std::vector<std::string> KeysOf(const std::string& path) {
  rocksdb::Options options;
  rocksdb::SstFileReader reader(options);
  EXPECT_TRUE(reader.Open(path).ok()) << path;
  std::vector<std::string> keys;
  std::unique_ptr<rocksdb::Iterator> it(reader.NewIterator(rocksdb::ReadOptions()));
  for (it->SeekToFirst(); it->Valid(); it->Next()) keys.push_back(it->key().ToString());
  EXPECT_TRUE(it->status().ok());
  return keys;
}

std::vector<std::string> Keys(const std::string& prefix, int n) {
  std::vector<std::string> keys;
  for (int i = 0; i < n; ++i) keys.push_back(prefix + std::to_string(100000 + i));
  return keys;
}

TEST(SinkCloser, FinishesSinksHandedOverFromSeveralThreads) {
  TempDir dir;
  auto store = Store::Open(dir.Sub("store"), {});
  ASSERT_TRUE(store.ok()) << store.status();
  // Three files in two hand-overs, from two threads; one sink gets nothing.
  std::vector<std::unique_ptr<SstSink>> sinks;
  for (const char* name : {"a", "b", "c", "empty"})
    sinks.push_back(std::make_unique<SstSink>(store->get(), Cf::kOut,
                                              dir.Sub(std::string(name) + ".sst")));
  const std::vector<std::string> a = Keys("a", 5000), b = Keys("b", 3), c = Keys("c", 70);
  for (const auto& k : a) ASSERT_TRUE(sinks[0]->Add(k, "").ok());
  for (const auto& k : b) ASSERT_TRUE(sinks[1]->Add(k, "").ok());
  for (const auto& k : c) ASSERT_TRUE(sinks[2]->Add(k, "").ok());
  {
    SinkCloser closer;
    std::thread other([&] { closer.Close({sinks[0].get()}); });
    closer.Close({sinks[1].get(), sinks[2].get(), sinks[3].get()});
    other.join();
    ASSERT_TRUE(closer.Wait().ok());
  }
  EXPECT_EQ(KeysOf(dir.Sub("a.sst")), a);
  EXPECT_EQ(KeysOf(dir.Sub("b.sst")), b);
  EXPECT_EQ(KeysOf(dir.Sub("c.sst")), c);
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("empty.sst")));
  // Finishing again (as IngestAndPublish does) repeats the first result.
  auto again = sinks[0]->Finish();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(*again);
  auto empty = sinks[3]->Finish();
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(*empty);
}

// The name of the filter policy an SST file was built with ("" for none).
std::string FilterOf(const std::string& path) {
  rocksdb::Options options;
  rocksdb::SstFileReader reader(options);
  EXPECT_TRUE(reader.Open(path).ok()) << path;
  auto properties = reader.GetTableProperties();
  return properties ? properties->filter_policy_name : "(no properties)";
}

TEST(SstSink, BuildsTheFamilysFilterUnlessToldNot) {
  TempDir dir;
  auto store = Store::Open(dir.Sub("store"), {});
  ASSERT_TRUE(store.ok()) << store.status();
  // edges has a Bloom filter in the store; out, only ever scanned, has none.
  SstSink edges(store->get(), Cf::kEdges, dir.Sub("edges.sst"));
  SstSink bare(store->get(), Cf::kEdges, dir.Sub("bare.sst"), SstFilter::kNone);
  SstSink out(store->get(), Cf::kOut, dir.Sub("out.sst"), SstFilter::kNone);
  for (const auto& k : Keys("k", 100)) {
    ASSERT_TRUE(edges.Add(k, "v").ok());
    ASSERT_TRUE(bare.Add(k, "v").ok());
    ASSERT_TRUE(out.Add(k, "").ok());
  }
  for (SstSink* sink : {&edges, &bare, &out}) ASSERT_TRUE(sink->Finish().ok());
  EXPECT_NE(FilterOf(dir.Sub("edges.sst")), "");
  EXPECT_EQ(FilterOf(dir.Sub("bare.sst")), "");
  EXPECT_EQ(FilterOf(dir.Sub("out.sst")), "");
  // The same keys and values either way.
  EXPECT_EQ(KeysOf(dir.Sub("bare.sst")), KeysOf(dir.Sub("edges.sst")));
}

std::string CompressionOf(const std::string& path) {
  rocksdb::Options options;
  rocksdb::SstFileReader reader(options);
  EXPECT_TRUE(reader.Open(path).ok()) << path;
  auto properties = reader.GetTableProperties();
  return properties ? properties->compression_name : "(no properties)";
}

TEST(SstSink, CompressesRecordFamiliesOnly) {
  TempDir dir;
  auto store = Store::Open(dir.Sub("store"), {});
  ASSERT_TRUE(store.ok()) << store.status();
  SstSink edges(store->get(), Cf::kEdges, dir.Sub("edges.sst"));
  SstSink out(store->get(), Cf::kOut, dir.Sub("out.sst"));
  const std::string record(80, 'r');  // Alike, as a load's records are.
  for (const auto& k : Keys("k", 2000)) {
    ASSERT_TRUE(edges.Add(k, record).ok());
    ASSERT_TRUE(out.Add(k, "").ok());
  }
  ASSERT_TRUE(edges.Finish().ok());
  ASSERT_TRUE(out.Finish().ok());
  bool snappy = false;
  for (auto type : rocksdb::GetSupportedCompressions()) snappy |= type == rocksdb::kSnappyCompression;
  EXPECT_EQ(CompressionOf(dir.Sub("edges.sst")), snappy ? "Snappy" : "NoCompression");
  EXPECT_EQ(CompressionOf(dir.Sub("out.sst")), "NoCompression");
  // Read back, the values are the ones written.
  rocksdb::SstFileReader reader{rocksdb::Options()};
  ASSERT_TRUE(reader.Open(dir.Sub("edges.sst")).ok());
  std::unique_ptr<rocksdb::Iterator> it(reader.NewIterator(rocksdb::ReadOptions()));
  size_t n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++n) ASSERT_EQ(it->value().ToString(), record);
  EXPECT_EQ(n, 2000u);
}

TEST(SinkCloser, WaitWithNothingHandedOverIsOk) {
  SinkCloser closer;
  EXPECT_TRUE(closer.Wait().ok());
  EXPECT_TRUE(closer.Wait().ok());
}

}  // namespace
}  // namespace quiver::graph
