/* Read snapshots and iterators through the C API (quiver/c.h), from C: a
 * write after the snapshot is not seen, iterators walk every node and edge,
 * and they outlive their snapshot and database.
 * Usage: c_snapshot_test WORK_DIR (a directory it may write into). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiver/c.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

static int ok(char** err, int line) {
  if (*err == NULL) return 1;
  fprintf(stderr, "c_snapshot_test.c:%d: unexpected error: %s\n", line, *err);
  quiver_free(*err);
  *err = NULL;
  failures++;
  return 0;
}
#define OK(err) ok(&(err), __LINE__)

static void add_fact(quiver_db_t* db, const char* source, const char* s, const char* r,
                     const char* o) {
  char* err = NULL;
  quiver_document_t* doc = quiver_document_create(source, source, strlen(source));
  quiver_document_add_triple(doc, s, r, o, 0, "a sentence");
  CHECK(quiver_add_document(db, doc, &err) > 0);
  OK(err);
  quiver_document_destroy(doc);
}

static int64_t count(const quiver_snapshot_t* snap, const char* statement) {
  char* err = NULL;
  quiver_result_t* r = quiver_snapshot_query(snap, statement, NULL, &err);
  if (!OK(err) || r == NULL) return -1;
  int64_t n = -1;
  if (quiver_result_next(r, &err)) n = quiver_result_int(r, 0);
  OK(err);
  quiver_result_destroy(r);
  return n;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: c_snapshot_test WORK_DIR\n");
    return 2;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/store", argv[1]);
  char* err = NULL;
  quiver_db_t* db = quiver_open(NULL, path, &err);
  if (!OK(err) || db == NULL) return 1;
  add_fact(db, "a.txt", "Ada", "knows", "Bob");

  quiver_snapshot_t* snap = quiver_snapshot_create(db, &err);
  OK(err);
  add_fact(db, "b.txt", "Cy", "admires", "Ada");
  CHECK(count(snap, "MATCH (n) RETURN count(n)") == 2);

  quiver_result_t* refused = quiver_snapshot_query(snap, "CREATE (n {name: 'Eve'})", NULL, &err);
  CHECK(refused == NULL);
  CHECK(err != NULL && strstr(err, "ReadOnlySnapshot") != NULL);
  quiver_free(err);
  err = NULL;

  quiver_iterator_t* nodes = quiver_snapshot_nodes(snap, &err);
  quiver_iterator_t* edges = quiver_snapshot_edges(snap, &err);
  OK(err);
  quiver_snapshot_destroy(snap);
  quiver_close(db); /* The iterators keep the snapshot's store open. */

  int n = 0;
  uint64_t last = 0;
  for (; quiver_iterator_valid(nodes); quiver_iterator_next(nodes)) {
    CHECK(quiver_iterator_id(nodes) > last);
    last = quiver_iterator_id(nodes);
    const char* name = quiver_iterator_name(nodes);
    CHECK(name != NULL && (strcmp(name, "Ada") == 0 || strcmp(name, "Bob") == 0));
    CHECK(quiver_iterator_source(nodes) == 0);
    n++;
  }
  quiver_iterator_error(nodes, &err);
  OK(err);
  CHECK(n == 2);
  CHECK(quiver_iterator_id(nodes) == 0 && quiver_iterator_name(nodes) == NULL);
  quiver_iterator_seek(nodes, 0);
  CHECK(quiver_iterator_valid(nodes));

  CHECK(quiver_iterator_valid(edges));
  CHECK(strcmp(quiver_iterator_name(edges), "knows") == 0);
  CHECK(quiver_iterator_source(edges) != 0 && quiver_iterator_target(edges) != 0);
  uint64_t knows = quiver_iterator_id(edges);
  quiver_iterator_next(edges);
  CHECK(!quiver_iterator_valid(edges)); /* Not Cy's edge. */
  CHECK(quiver_iterator_id(edges) == 0 && quiver_iterator_name(edges) == NULL);
  CHECK(quiver_iterator_source(edges) == 0 && quiver_iterator_target(edges) == 0);
  quiver_iterator_error(edges, &err);
  OK(err);
  quiver_iterator_seek(edges, knows); /* Back to it. */
  CHECK(quiver_iterator_valid(edges) && quiver_iterator_id(edges) == knows);
  quiver_iterator_seek(edges, knows + 1);
  CHECK(!quiver_iterator_valid(edges));
  quiver_iterator_destroy(nodes);
  quiver_iterator_destroy(edges);

  if (failures > 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("all checks passed\n");
  return 0;
}
