#!/usr/bin/env python3
"""Kill harness: no crash loses a document.

Runs `quiver ingest`, `quiver load`, `quiver remove` and kg.merge/kg.split
through `quiver query` on inputs generated (from a seed) out of the project's
own examples, kills each with SIGKILL at seeded random moments, and restarts
it. After every kill `quiver check` must pass and the store must hold whole
units only (a document with all of its evidence, a removal or a curation
step entirely or not at all); when a run completes, the store must equal the
one an uninterrupted run built (export, statistics, mentions, curation log).

    tests/crash/kill_harness.py --quiver build/release/cli/quiver --kills 50

Exit status 0 when every scenario held, 1 with the first broken promise.
Standard library only.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples")


class Failure(Exception):
    pass


class Quiver:
    """The `quiver` program, run as a child process."""

    def __init__(self, binary):
        self.binary = binary

    def run(self, *args, ok_codes=(0,)):
        p = subprocess.run([self.binary, *args], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode not in ok_codes:
            raise Failure(f"quiver {' '.join(args)[:200]} exited {p.returncode}:\n"
                          f"{p.stdout[-2000:]}{p.stderr[-2000:]}")
        return p

    def start(self, *args):
        return subprocess.Popen([self.binary, *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)

    def check(self, store, when, may_not_exist=False):
        """Runs quiver check; False when the store does not exist yet (a
        kill before its creation finished: the restart finishes it)."""
        p = subprocess.run([self.binary, "check", store], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0 and may_not_exist and "does not exist" in p.stderr:
            return False
        if p.returncode != 0:
            raise Failure(f"quiver check failed {when}:\n{p.stdout[-4000:]}{p.stderr[-1000:]}")
        return True

    def query(self, store, text):
        out = self.run("query", store, text, "--format", "jsonl").stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def export(self, store):
        fd, path = tempfile.mkstemp(suffix=".jsonl")
        os.close(fd)
        try:
            self.run("export", store, "--format", "jsonl", "-o", path)
            with open(path, encoding="utf-8") as f:
                return [json.loads(line) for line in f if line.strip()]
        finally:
            os.unlink(path)

    def dump(self, store):
        """What a store holds, in a canonical form two stores can be compared by."""
        stats = self.run("stats", store, "--top", "1000").stdout.splitlines()[1:]
        mentions = self.query(
            store, "MATCH (n) CALL kg.mentions(n) YIELD doc, source, mention, name, reason, "
                   "store, count, created RETURN id(n), doc, source, mention, name, reason, "
                   "store, count, created")
        # The time of a curation step is when it ran: the one field that differs.
        log = self.query(store, "CALL kg.merges() YIELD seq, kind, node, other, names, reason, "
                                "edges RETURN seq, kind, node, other, names, reason, edges")
        return {"export": self.export(store), "stats": stats, "mentions": mentions,
                "curation": log}

    def documents(self, store):
        for line in self.run("stats", store).stdout.splitlines():
            if line.startswith("documents"):
                return int(line.split()[1])
        raise Failure(f"quiver stats {store}: no document count")


def kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def evidence_by_doc(export):
    """doc id -> the statements it holds: (edge, src, type, dst, sentence, text)."""
    by_doc = {}
    for item in export:
        if item.get("kind") != "edge":
            continue
        for ev in item.get("evidence", []):
            by_doc.setdefault(ev["doc"], []).append(
                (item["id"], item["src"], item["type"], item["dst"], ev["sentence"], ev["text"],
                 ev["subject_mention"], ev["object_mention"]))
    return {doc: sorted(rows) for doc, rows in by_doc.items()}


def first_difference(a, b):
    for key in a:
        if a[key] != b[key]:
            x, y = a[key], b[key]
            if isinstance(x, list) and isinstance(y, list):
                for i, (u, v) in enumerate(zip(x, y)):
                    if u != v:
                        return f"{key}[{i}]: {json.dumps(u)[:300]} != {json.dumps(v)[:300]}"
                return f"{key}: {len(x)} entries != {len(y)}"
            return f"{key} differs"
    return None


# ---------------------------------------------------------------- inputs

def article_sentences():
    """Sentences (one per line) and titles of examples/articles."""
    sentences, titles = [], []
    folder = os.path.join(EXAMPLES, "articles")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            lines = [l.strip() for l in f if l.strip()]
        titles.append(lines[0].lstrip("# ").strip())
        sentences.extend(lines[1:])
    return sentences, titles


def make_articles(rng, count, folder):
    """`count` documents recombined from the example articles: a numbered
    title, then 3-6 of their sentences in a seeded order, sometimes with one
    person's full name put in another's place."""
    sentences, titles = article_sentences()
    names = sorted({m for s in sentences
                    for m in re.findall(r"(?<=[a-z] )([A-Z][a-z]+ [A-Z][a-z]+)\b", s)})
    os.makedirs(folder)
    for i in range(count):
        chosen = rng.sample(sentences, rng.randint(3, 6))
        text = " ".join(chosen)
        if names and rng.random() < 0.4:
            a, b = rng.sample(names, 2) if len(names) > 1 else (names[0], names[0])
            text = text.replace(a, b)
        with open(os.path.join(folder, f"doc-{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"{rng.choice(titles)}, part {i}\n{text}\n")
    return sorted(os.path.join(folder, n) for n in os.listdir(folder))


def make_triple_files(rng, count, folder):
    """`count` TSV files recombined from examples/triples.tsv: 3-8 of its
    lines each, sometimes with the subject of one line put on another."""
    with open(os.path.join(EXAMPLES, "triples.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    subjects = sorted({r[0] for r in rows})
    os.makedirs(folder)
    paths = []
    for i in range(count):
        lines = [f"# file {i}"]
        for r in rng.sample(rows, min(len(rows), rng.randint(3, 8))):
            r = list(r)
            if rng.random() < 0.3:
                r[0] = rng.choice(subjects)
            lines.append("\t".join(r))
        path = os.path.join(folder, f"triples-{i:04d}.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- scenarios

class Scenario:
    """One command under fire. Subclasses say how to run it, what a
    restart runs, what must hold after a kill, and what a finished run must
    equal."""

    name = ""

    def __init__(self, q, work, rng):
        self.q, self.work, self.rng = q, work, rng
        self.store = os.path.join(work, f"{self.name}.quiver")
        self.base = None  # A store to start from (copied), or None: empty.

    def reset(self):
        shutil.rmtree(self.store, ignore_errors=True)
        if self.base:
            shutil.copytree(self.base, self.store)

    def start(self):  # -> a running step (an object with poll/kill/done)
        raise NotImplementedError

    def after_kill(self, when):
        pass

    def finished_ok(self, code, stderr):
        return code == 0


class OneProcess:
    """A step that is one quiver process."""

    def __init__(self, q, args, scenario):
        self.proc = q.start(*args)
        self.scenario = scenario

    def poll(self):
        code = self.proc.poll()
        if code is None:
            return None
        err = self.proc.stderr.read()
        if not self.scenario.finished_ok(code, err):
            raise Failure(f"{self.scenario.name}: run exited {code}: {err[-2000:]}")
        return code

    def kill(self):
        kill(self.proc)


class Additive(Scenario):
    """ingest and load: documents appended in a fixed order, each skipped
    when stored already. After a kill the store holds documents 1..k, each
    with the statements the uninterrupted run gave it: the same relation,
    sentence and text, statement for statement. Which nodes and edges they
    sit on is compared at the end only (the final store must equal the
    uninterrupted one): a later document may rightly move an earlier one's
    statements, as when a full name absorbs a surname-only node."""

    def after_kill(self, when):
        k = self.q.documents(self.store)
        have = evidence_by_doc(self.q.export(self.store))
        def stated(rows):  # (type, sentence, text) of each statement.
            return sorted((r[2], r[4], r[5]) for r in rows or [])
        for doc, rows in have.items():
            if doc > k:
                raise Failure(f"{self.name} {when}: evidence of document {doc}, "
                              f"but only {k} documents are stored")
            if stated(rows) != stated(self.ref_evidence.get(doc)):
                ref = stated(self.ref_evidence.get(doc))
                diff = sorted(set(stated(rows)) ^ set(ref))[:4]
                raise Failure(f"{self.name} {when}: document {doc} holds {len(rows)} "
                              f"statements, the uninterrupted run {len(ref)}; "
                              f"first differences (type, sentence, text): {diff}")
        for doc in range(1, k + 1):
            if self.ref_evidence.get(doc) and doc not in have:
                raise Failure(f"{self.name} {when}: document {doc} is stored without evidence")


class Ingest(Additive):
    name = "ingest"

    def __init__(self, q, work, rng, docs, jobs):
        super().__init__(q, work, rng)
        self.corpus = os.path.join(work, "articles")
        make_articles(rng, docs, self.corpus)
        self.jobs = jobs

    def start(self):
        return OneProcess(self.q, ["ingest", self.store, self.corpus, "--jobs", str(self.jobs)],
                          self)


class Load(Additive):
    name = "load"

    def __init__(self, q, work, rng, files):
        super().__init__(q, work, rng)
        self.files = make_triple_files(rng, files, os.path.join(work, "triples"))

    def start(self):
        return OneProcess(self.q, ["load", self.store, *self.files], self)


class Stepwise(Scenario):
    """remove and curation: a list of steps, each one atomic write. The
    reference keeps the dump after every step; after a kill the store must
    equal the dump of the steps it says are done."""

    def steps_done(self):
        raise NotImplementedError

    def after_kill(self, when):
        j = self.steps_done()
        diff = first_difference(self.q.dump(self.store), self.ref_dumps[j])
        if diff:
            raise Failure(f"{self.name} {when}: after {j} steps the store differs from the "
                          f"uninterrupted run's: {diff}")


class Remove(Stepwise):
    name = "remove"

    def __init__(self, q, work, rng, base, sources):
        super().__init__(q, work, rng)
        self.base = base
        self.sources = sources
        self.docs_before = q.documents(base)

    def steps_done(self):
        return self.docs_before - self.q.documents(self.store)

    def start(self):
        return OneProcess(self.q, ["remove", self.store, *self.sources], self)

    def finished_ok(self, code, stderr):
        # A restart names sources removed before the kill: reported, exit 1.
        lines = [l for l in stderr.splitlines() if l.strip()]
        return code == 0 or (code == 1 and all(
            "not found" in l or "no document" in l.lower() for l in lines))


class Sequence:
    """A step that is a list of `quiver query` processes run one after the
    other from `first`; kill() kills the one running."""

    def __init__(self, q, store, statements, first):
        self.q, self.store, self.statements, self.next = q, store, statements, first
        self.proc = None
        self._advance()

    def _advance(self):
        self.proc = None
        if self.next < len(self.statements):
            self.proc = self.q.start("query", self.store, self.statements[self.next])
            self.next += 1

    def poll(self):
        while self.proc is not None:
            code = self.proc.poll()
            if code is None:
                return None
            if code != 0:
                raise Failure(f"curation: {self.statements[self.next - 1]} exited {code}: "
                              f"{self.proc.stderr.read()[-2000:]}")
            self._advance()
        return 0

    def kill(self):
        if self.proc is not None:
            kill(self.proc)


class Curate(Stepwise):
    name = "curate"

    def __init__(self, q, work, rng, base, count):
        super().__init__(q, work, rng)
        self.base = base
        self.candidates = self.make_statements(count)
        self.statements = []

    def make_statements(self, count):
        """Merges of random pairs of named nodes, and splits of names an
        earlier merge moved; the reference run keeps those that succeed."""
        nodes = [n for n in self.q.export(self.base) if n.get("kind") == "node"]
        names = sorted({n["name"] for n in nodes if n["name"]})
        out, merged = [], []
        for _ in range(count):
            if merged and self.rng.random() < 0.35:
                kept, gone = merged.pop(self.rng.randrange(len(merged)))
                out.append(f"CALL kg.split({json.dumps(kept)}, {json.dumps(gone)}) "
                           f"YIELD node RETURN id(node)")
            else:
                a, b = self.rng.sample(names, 2)
                merged.append((a, b))
                out.append(f"CALL kg.merge({json.dumps(a)}, {json.dumps(b)}) "
                           f"YIELD node RETURN id(node)")
        return out

    def steps_done(self):
        return len(self.q.query(self.store, "CALL kg.merges() YIELD seq RETURN seq"))

    def start(self):
        return Sequence(self.q, self.store, self.statements, self.steps_done())


def build_reference(q, scn):
    """The uninterrupted run: its final dump, its time, and for stepwise
    scenarios the dump after every step."""
    scn.reset()
    ref_store = scn.store
    t0 = time.monotonic()
    if isinstance(scn, Curate):
        scn.ref_dumps = [q.dump(ref_store)]
        for s in scn.candidates:
            p = subprocess.run([q.binary, "query", ref_store, s], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
            if p.returncode == 0:
                scn.statements.append(s)
                scn.ref_dumps.append(q.dump(ref_store))
        # The steps' own time, without the dumps between them.
        scn.reset()
        t0 = time.monotonic()
        seq = Sequence(q, scn.store, scn.statements, 0)
        while seq.poll() is None:
            time.sleep(0.005)
    elif isinstance(scn, Remove):
        scn.ref_dumps = [q.dump(ref_store)]
        for s in scn.sources:
            q.run("remove", ref_store, s)
            scn.ref_dumps.append(q.dump(ref_store))
        scn.reset()
        t0 = time.monotonic()
        step = scn.start()
        while step.poll() is None:
            time.sleep(0.005)
    else:
        step = scn.start()
        while step.poll() is None:
            time.sleep(0.005)
    scn.ref_time = time.monotonic() - t0
    q.check(ref_store, f"after the uninterrupted {scn.name}")
    scn.ref_dump = q.dump(ref_store)
    if isinstance(scn, Additive):
        scn.ref_evidence = evidence_by_doc(scn.ref_dump["export"])
    kept = os.path.join(scn.work, f"{scn.name}-reference.quiver")
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(ref_store, kept)
    return kept


def fire(q, scn, kills, rng):
    """Kills `scn` `kills` times at random moments in [0, reference time],
    restarting after each; a run that finishes first is compared with the
    reference and the store starts over. Returns (kills, restarts, runs
    completed)."""
    scn.reset()
    landed = restarts = completed = not_created = 0
    attempts = 0
    while landed < kills:
        attempts += 1
        if attempts > kills * 20:
            raise Failure(f"{scn.name}: only {landed} of {kills} kills landed in {attempts} runs")
        delay = rng.uniform(0, scn.ref_time)
        step = scn.start()
        deadline = time.monotonic() + delay
        code = step.poll()
        while code is None and time.monotonic() < deadline:
            time.sleep(0.002)
            code = step.poll()
        if code is None:
            step.kill()
            landed += 1
            when = f"after kill {landed} ({delay:.3f} s into a run)"
            if q.check(scn.store, when, may_not_exist=scn.base is None):
                scn.after_kill(when)
            else:
                not_created += 1
            restarts += 1
            continue
        # The run finished before the kill: it must have built the reference.
        completed += 1
        q.check(scn.store, f"after completed run {completed}")
        diff = first_difference(q.dump(scn.store), scn.ref_dump)
        if diff:
            raise Failure(f"{scn.name}: a run completed after kills differs from the "
                          f"uninterrupted run: {diff}")
        scn.reset()
    # Finish what the last kill interrupted, then compare.
    step = scn.start()
    while step.poll() is None:
        time.sleep(0.005)
    completed += 1
    q.check(scn.store, "after the final run")
    diff = first_difference(q.dump(scn.store), scn.ref_dump)
    if diff:
        raise Failure(f"{scn.name}: the store after {landed} kills differs from the "
                      f"uninterrupted run: {diff}")
    return landed, restarts, completed, not_created


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quiver", required=True, help="the quiver program")
    ap.add_argument("--kills", type=int, default=50, help="kills per command")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docs", type=int, default=300, help="documents to ingest")
    ap.add_argument("--files", type=int, default=300, help="triple files to load")
    ap.add_argument("--removals", type=int, default=40, help="sources to remove")
    ap.add_argument("--curations", type=int, default=40, help="kg.merge/kg.split to try")
    ap.add_argument("--jobs", type=int, default=2, help="ingest --jobs")
    ap.add_argument("--only", default="ingest,load,remove,curate",
                    help="comma-separated scenarios")
    ap.add_argument("--work", help="working directory (default: a new temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the working directory")
    args = ap.parse_args()

    q = Quiver(os.path.abspath(args.quiver))
    work = args.work or tempfile.mkdtemp(prefix="quiver-kill-")
    if args.work:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
    only = args.only.split(",")
    rng = random.Random(args.seed)
    t_start = time.monotonic()
    results = []
    try:
        loaded = None
        scenarios = []
        if "ingest" in only:
            scenarios.append(Ingest(q, work, random.Random(rng.random()), args.docs, args.jobs))
        if {"load", "remove", "curate"} & set(only):
            load = Load(q, work, random.Random(rng.random()), args.files)
            loaded = build_reference(q, load)
            if "load" in only:
                scenarios.append(load)
        if "remove" in only:
            sources = random.Random(rng.random()).sample(load.files, min(args.removals,
                                                                          len(load.files)))
            scenarios.append(Remove(q, work, random.Random(rng.random()), loaded, sources))
        if "curate" in only:
            scenarios.append(Curate(q, work, random.Random(rng.random()), loaded,
                                    args.curations))
        for scn in scenarios:
            t0 = time.monotonic()
            if not hasattr(scn, "ref_dump"):
                build_reference(q, scn)
            kills, restarts, completed, not_created = fire(q, scn, args.kills,
                                                           random.Random(rng.random()))
            secs = time.monotonic() - t0
            steps = (f"{len(scn.statements)} steps" if isinstance(scn, Curate)
                     else f"{len(scn.sources)} sources" if isinstance(scn, Remove)
                     else f"{args.docs} documents" if isinstance(scn, Ingest)
                     else f"{args.files} files")
            line = (f"{scn.name:7s} {steps}: {kills} kills, {restarts} restarts, "
                    f"{completed} completed runs, {not_created} kills before the store existed, "
                    f"uninterrupted run {scn.ref_time:.2f} s, "
                    f"scenario {secs:.1f} s")
            print(line, flush=True)
            results.append(line)
    except Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        print(f"work directory kept: {work}", file=sys.stderr)
        return 1
    print(f"all held: {len(results)} scenarios, seed {args.seed}, "
          f"{time.monotonic() - t_start:.1f} s in all")
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
