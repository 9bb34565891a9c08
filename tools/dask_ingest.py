#!/usr/bin/python3
"""Builds a Quiver store from a corpus with extraction spread over a Dask cluster.

    tools/dask_ingest.py STORE INPUT... [--scheduler tcp://host:8786 | --workers N]
                         [--partitions P] [--quiver PATH] [--jobs J] [--date YYYY-MM-DD]
                         [--out DIR] [--ship-inputs]

INPUT is what `quiver ingest` takes: folders (walked as ingest walks them:
recursively, files sorted, .txt .md .markdown .html .htm .jsonl), files, and
JSON Lines files, which are split by line ranges (`quiver extract --lines`).
The inputs are cut into P partitions of about equal size; each runs
`quiver extract --format jsonl` as one Dask task on some worker (the quiver
binary must be there, at --quiver), and its extraction file comes back to
this process through Dask, so only the inputs need shared storage (or none,
with --ship-inputs: relative paths only, the bytes go with the task). A task
that fails is retried once; one that fails twice is reported by name and the
others still load. Then `quiver load STORE FILES --bulk` merges everything in
one atomic write, giving the store `quiver ingest STORE INPUT...` builds
(docs/scale-out.md).

Without --scheduler a LocalCluster of --workers processes (one thread each)
is started. Exit status: 0, 1 when nothing could be loaded or the load
failed, 2 when some partitions failed (the rest are loaded).
"""

import argparse
import bisect
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

KNOWN_EXTENSIONS = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}


def is_jsonl(path):
    return os.path.splitext(path)[1].lower() == ".jsonl"


def list_inputs(paths):
    """The files `quiver ingest PATHS` reads, in its order. A path this
    process cannot see is kept as it is: its partition fails on the worker
    and is reported, as ingest would report it skipped."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, _dirs, names in os.walk(path):
                for name in names:
                    full = os.path.join(root, name)
                    if os.path.isfile(full) and os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS:
                        found.append(full)
            # Bytewise, as ingest's std::sort on the UTF-8 paths.
            files.extend(sorted(found, key=lambda p: p.encode("utf-8", "surrogateescape")))
        else:
            files.append(path)
    return files


def jsonl_ranges(path, pieces):
    """Splits a JSON Lines file into about `pieces` line ranges of equal bytes."""
    offsets = []  # Byte offset at the start of each line.
    with open(path, "rb") as f:
        at = 0
        for line in f:
            offsets.append(at)
            at += len(line)
    total = at
    if not offsets:
        return [(1, 1)]
    ranges, first = [], 1
    for k in range(1, pieces):
        target = total * k // pieces
        # The first line starting at or after the target begins the next range.
        line = bisect.bisect_left(offsets, target) + 1
        if line <= first:
            continue
        if line > len(offsets):
            break
        ranges.append((first, line - 1))
        first = line
    ranges.append((first, len(offsets)))
    return ranges


def make_partitions(paths, count):
    """Partitions: (name, files, line_range or None). Whole files are grouped
    in order into about `count` groups of equal bytes; a JSON Lines file big
    enough for several partitions is cut by lines."""
    files = list_inputs(paths)
    size = {f: (os.path.getsize(f) if os.path.isfile(f) else 0) for f in files}
    total = max(1, sum(size.values()))
    share = total / max(1, count)
    parts, group, group_slot, done_bytes = [], [], None, 0

    def close_group():
        nonlocal group
        if group:
            parts.append((group, None))
        group = []

    for f in files:
        if not os.path.isfile(f):
            # Not visible here, so not sized: alone, so that its failure on
            # the worker costs no other file.
            close_group()
            parts.append(([f], None))
            continue
        if is_jsonl(f) and size[f] > share:
            close_group()
            pieces = min(count, max(1, round(size[f] / share)))
            for lines in jsonl_ranges(f, pieces):
                parts.append(([f], lines))
            done_bytes += size[f]
            continue
        # The slot whose share of the bytes holds the middle of this file.
        slot = min(count - 1, int((done_bytes + size[f] / 2) // share))
        if slot != group_slot:
            close_group()
            group_slot = slot
        group.append(f)
        done_bytes += size[f]
    close_group()
    named = []
    for i, (group, lines) in enumerate(parts):
        where = group[0] if len(group) == 1 else f"{group[0]} .. {group[-1]} ({len(group)} files)"
        if lines:
            where += f" lines {lines[0]}-{lines[1]}"
        named.append((f"partition {i + 1} [{where}]", group, lines))
    return named


def extract_partition(name, files, lines, quiver, jobs, date, shipped):
    """One Dask task: `quiver extract --format jsonl` over one partition.
    Returns (extraction file bytes, stderr text, child CPU seconds)."""
    import os, resource, subprocess, tempfile  # Runs on a worker.
    cwd = None
    tmp = None
    try:
        if shipped is not None:
            tmp = tempfile.mkdtemp(prefix="quiver-part-")
            for path, data in shipped.items():
                target = os.path.join(tmp, path)
                os.makedirs(os.path.dirname(target) or tmp, exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
            cwd = tmp
        for f in files:
            # A file the worker cannot see is a failure of this partition
            # (no shared storage, a typo), not a document to skip quietly.
            if not os.path.isfile(os.path.join(cwd or "", f)):
                raise FileNotFoundError(f"{name}: {f}: no such file on worker {os.uname().nodename}")
        cmd = [quiver, "extract", "--format", "jsonl", "--jobs", str(jobs)]
        if date:
            cmd += ["--date", date]
        if lines:
            cmd += ["--lines", f"{lines[0]}-{lines[1]}"]
        cmd += files
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        err = proc.stderr.decode("utf-8", "replace")
        if proc.returncode != 0:
            raise RuntimeError(f"{name}: quiver extract exited {proc.returncode}: {err.strip()[-2000:]}")
        return proc.stdout, err, cpu
    finally:
        if tmp:
            import shutil
            shutil.rmtree(tmp, ignore_errors=True)


def ship(files):
    shipped = {}
    for f in files:
        if os.path.isabs(f) or ".." in f.split(os.sep):
            raise SystemExit(f"dask_ingest: --ship-inputs needs relative paths below here, not {f}")
        with open(f, "rb") as fh:
            shipped[f] = fh.read()
    return shipped


def default_quiver():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "build", "release", "cli", "quiver")
    return os.path.abspath(built) if os.path.exists(built) else (shutil.which("quiver") or "quiver")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster processes (default 2)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="how many partitions (default: 4 per worker)")
    ap.add_argument("--quiver", default=default_quiver(), help="the quiver binary on the workers")
    ap.add_argument("--jobs", type=int, default=1, help="quiver extract --jobs per task")
    ap.add_argument("--date", help="as quiver ingest --date")
    ap.add_argument("--out", help="keep the extraction files in this folder")
    ap.add_argument("--ship-inputs", action="store_true",
                    help="send the input bytes with the tasks (workers without shared storage)")
    args = ap.parse_args(argv)

    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        print("dask_ingest: needs python3-dask and python3-distributed "
              "(scripts/install-deps.sh installs them)", file=sys.stderr)
        return 1

    started = time.monotonic()
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    workers = len(client.scheduler_info()["workers"])
    count = args.partitions or 4 * max(1, workers)
    parts = make_partitions(args.inputs, count)
    print(f"dask_ingest: {len(parts)} partitions on {workers} workers", file=sys.stderr)

    out = args.out or tempfile.mkdtemp(prefix="quiver-extract-")
    os.makedirs(out, exist_ok=True)
    futures = {}
    for i, (name, files, lines) in enumerate(parts):
        shipped = ship(files) if args.ship_inputs else None
        f = client.submit(extract_partition, name, files, lines, args.quiver, args.jobs,
                          args.date, shipped, key=f"quiver-extract-{i}-{time.time_ns()}",
                          retries=1, pure=False)
        futures[f] = (i, name)

    failed, cpu, done = [], 0.0, 0
    for f in as_completed(list(futures)):
        i, name = futures[f]
        done += 1
        if f.status != "finished":
            failed.append((name, f.exception()))
            print(f"[{done}/{len(parts)}] {name}: FAILED twice: {f.exception()}", file=sys.stderr)
            continue
        data, err, seconds = f.result()
        cpu += seconds
        with open(os.path.join(out, f"part-{i:05d}.jsonl"), "wb") as fh:
            fh.write(data)
        summary = next((l for l in err.splitlines() if l.startswith("extract:")), "")
        print(f"[{done}/{len(parts)}] {name}: {summary} ({seconds:.1f} CPU s)", file=sys.stderr)
    extracted = time.monotonic() - started
    client.close()
    if cluster is not None:
        cluster.close()
    print(f"dask_ingest: extraction {extracted:.1f} s wall, {cpu:.1f} CPU s in quiver extract",
          file=sys.stderr)

    status = 0
    if len(failed) == len(parts):
        print("dask_ingest: every partition failed; nothing loaded", file=sys.stderr)
        status = 1
    else:
        load_start = time.monotonic()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([args.quiver, "load", args.store, out, "--bulk"])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        load_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"dask_ingest: merge {time.monotonic() - load_start:.1f} s wall, {load_cpu:.1f} CPU s",
              file=sys.stderr)
        if proc.returncode != 0:
            status = 1
        elif failed:
            status = 2
    for _name, error in failed:
        print(f"dask_ingest: not loaded: {error}", file=sys.stderr)  # The error names it.
    if not args.out:
        shutil.rmtree(out, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
