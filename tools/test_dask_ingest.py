#!/usr/bin/python3
"""ctest: tools/dask_ingest.py on a LocalCluster of 2 workers builds the store
`quiver ingest` builds from examples/articles, with the articles in at least
3 partitions, one more partition that fails (a path no worker has) retried,
reported by name and left out; and again with the inputs shipped to the
workers (no shared storage). Skips (exit 77) without python3-dask and
python3-distributed.

    test_dask_ingest.py QUIVER_BINARY
"""

import os
import re
import subprocess
import sys
import tempfile

try:
    import dask  # noqa: F401
    import distributed  # noqa: F401
except ImportError:
    print("skipped: no python3-dask / python3-distributed (scripts/install-deps.sh)")
    sys.exit(77)

QUIVER = os.path.abspath(sys.argv[1])
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DRIVER = os.path.join(REPO, "tools", "dask_ingest.py")


def run(args, cwd=None, check=True):
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def dump(store, tmp):
    """What a store holds, canonically (as tests/crash/kill_harness.py's dump)."""
    out = os.path.join(tmp, "dump.jsonl")
    run([QUIVER, "export", store, "-f", "jsonl", "-o", out])
    with open(out) as f:
        text = f.read()
    text += run([QUIVER, "stats", store, "--top", "1000"]).stdout.split("\n", 1)[1]
    for query in [
            "MATCH (n) CALL kg.mentions(n) YIELD doc, source, mention, name, reason, store, "
            "count, created RETURN id(n), doc, source, mention, name, reason, store, count, created",
            "CALL db.documents() YIELD id, source, title, url, date, published, statements "
            "RETURN id, source, title, url, date, published, statements",
            "CALL kg.merges() YIELD seq, kind, node, other, names, reason, edges "
            "RETURN seq, kind, node, other, names, reason, edges"]:
        text += run([QUIVER, "query", store, query, "--format", "json"]).stdout
    return text


def expect(condition, message):
    if not condition:
        raise SystemExit("FAILED: " + message)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(REPO, "examples", "articles")
        ingested = os.path.join(tmp, "ingested")
        run([QUIVER, "ingest", ingested, articles])
        expected = dump(ingested, tmp)
        expect("Erik Dahl" in expected, "the ingested store is empty")

        # Shared storage, one partition failing twice.
        missing = os.path.join(tmp, "no-such-dir", "lost.txt")
        store = os.path.join(tmp, "dask")
        proc = run(["/usr/bin/python3", "-B", DRIVER, store, articles, missing, "--quiver", QUIVER,
                    "--workers", "2", "--partitions", "4"], check=False)
        expect(proc.returncode == 2, f"exit {proc.returncode}, not 2:\n{proc.stderr}")
        done = re.findall(r"^\[\d+/\d+\] partition \d+ .*extract: (\d+) documents", proc.stderr, re.M)
        expect(len(done) >= 3, f"{len(done)} good partitions, not 3 or more:\n{proc.stderr}")
        expect(sum(map(int, done)) == 4, f"not 4 documents extracted:\n{proc.stderr}")
        expect(re.search(r"not loaded: partition \d+ \[" + re.escape(missing) + r"\]",
                         proc.stderr), f"the failed partition is not named:\n{proc.stderr}")
        # Retried: the worker logged the failure twice.
        expect(proc.stderr.count("no such file on worker") >= 3,
               f"the failed partition was not retried:\n{proc.stderr}")
        expect(dump(store, tmp) == expected, "the Dask-built store differs from ingest's")

        # Inputs shipped with the tasks: relative paths, as ingest was given.
        rel_ingested = os.path.join(tmp, "rel_ingested")
        run([QUIVER, "ingest", rel_ingested, "examples/articles"], cwd=REPO)
        out = os.path.join(tmp, "parts")
        shipped = os.path.join(tmp, "shipped")
        run(["/usr/bin/python3", "-B", DRIVER, shipped, "examples/articles", "--quiver", QUIVER,
             "--workers", "2", "--partitions", "3", "--ship-inputs", "--out", out], cwd=REPO)
        expect(len(os.listdir(out)) >= 3, f"{os.listdir(out)}: fewer than 3 extraction files")
        expect(dump(shipped, tmp) == dump(rel_ingested, tmp),
               "the store built from shipped inputs differs from ingest's")
    print("dask_ingest: stores equal to quiver ingest's")


if __name__ == "__main__":
    main()
