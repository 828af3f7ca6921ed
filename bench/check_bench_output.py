#!/usr/bin/env python3
"""Check that the benchmarks' stdout is what a program can read, and that what they print
speaks of the project, not of its process (the docs' own check: tools/check-doc-citations).

Usage (the CTest tests of bench/CMakeLists.txt; standard library only):

    check_bench_output.py run --format json|csv|console [--out-json]
                              [--expect NAME ...] -- BINARY ARGS...
        Run BINARY ARGS --benchmark_format=FORMAT (and, with --out-json, also
        --benchmark_out=FILE --benchmark_out_format=json). Require exit status 0; stdout
        exactly one JSON document (json) or Google Benchmark's CSV (csv), holding every
        benchmark named by --expect; FILE one JSON document holding them too; and no
        process words (below) in stdout, stderr or FILE. With console, stdout is not parsed,
        the names and words are still checked. (A --benchmark_out file in csv is not pure CSV:
        Google Benchmark writes its context lines into it, above the header.)
    check_bench_output.py self-test --format json|csv -- BINARY ARGS...
        Known-bad twin of `run`: the same run's stdout must pass, and must be rejected once
        one line of the binary's own stderr (gradproof's build facts or ratio table) is added
        at its top, at its end, or (csv) after the header.
    check_bench_output.py fails --stderr REGEX -- BINARY ARGS...
        Require exit status 1, REGEX on stderr and nothing on stdout: a check that stops the
        run does not leave half a report on stdout.
    check_bench_output.py report --perf-report SCRIPT -- BINARY ARGS...
        Run BINARY ARGS --benchmark_format=json and SCRIPT (tools/perf-report) on its stdout,
        into a temporary folder: require exit status 0 of both, a page with the goals and a
        verdict or "no goal" line per build, an SVG, and no process words in the page.
    check_bench_output.py words-self-test
        Known-bad twin of the word check: lines with such words must be rejected, the project's own
        uses of "target" (a CMake target, the compiler's target) accepted.

Process words: "issue" or "target" followed by a number (also plural, also with "#"), and
"the issue's". Users read the project's goals, not its tickets.
Exit status: 0 the check passed, 1 it failed (with a message naming the problem), 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

PROCESS_WORDS = re.compile(r"\b(?:issues?|targets?)\s*#?\s*[0-9]|\bissue's", re.IGNORECASE)

# Google Benchmark's CSV header (CSVReporter, 1.7 and 1.8); user counters follow, quoted.
CSV_COLUMNS = ["name", "iterations", "real_time", "cpu_time", "time_unit", "bytes_per_second",
               "items_per_second", "label", "error_occurred", "error_message"]
TIME_UNITS = {"ns", "us", "ms", "s"}


class Rejected(Exception):
    """The checked text is not what it should be; the message says why."""


def process_words(text: str, source: str) -> list[str]:
    """Every line of text with a process word, as 'source:line: text'."""
    return [f"{source}:{n}: {line.strip()}" for n, line in enumerate(text.splitlines(), 1)
            if PROCESS_WORDS.search(line)]


def json_names(text: str, source: str) -> set[str]:
    """The benchmark names of one Google Benchmark JSON document that is all of text."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise Rejected(f"{source} is not one JSON document: {e}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("context"), dict):
        raise Rejected(f"{source} is JSON but not Google Benchmark's (no 'context' object)")
    runs = doc.get("benchmarks")
    if not isinstance(runs, list) or not runs:
        raise Rejected(f"{source} has no benchmarks")
    names = set()
    for run in runs:
        if not isinstance(run, dict) or not isinstance(run.get("name"), str):
            raise Rejected(f"{source}: a benchmark without a name: {run!r}")
        if run.get("error_occurred"):
            raise Rejected(f"{source}: {run['name']} failed: {run.get('error_message', '')}")
        if not isinstance(run.get("cpu_time"), (int, float)):
            raise Rejected(f"{source}: {run['name']} has no cpu_time")
        names.add(run.get("run_name", run["name"]))
    return names


def csv_names(text: str, source: str) -> set[str]:
    """The benchmark names of Google Benchmark's CSV, which must be all of text."""
    if not text.endswith("\n"):
        raise Rejected(f"{source}: the CSV does not end with a line break")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0][:len(CSV_COLUMNS)] != CSV_COLUMNS:
        first = rows[0] if rows else "nothing"
        raise Rejected(f"{source}: the first line is not Google Benchmark's CSV header: {first}")
    header = rows[0]
    if len(rows) < 2:
        raise Rejected(f"{source} has no benchmarks")
    names = set()
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            raise Rejected(f"{source}:{n}: {len(row)} fields where the header has {len(header)}: {row}")
        record = dict(zip(header, row))
        try:
            int(record["iterations"])
            float(record["real_time"])
            float(record["cpu_time"])
        except ValueError:
            raise Rejected(f"{source}:{n}: iterations, real_time or cpu_time is not a number: {row}") from None
        if not record["name"] or record["time_unit"] not in TIME_UNITS:
            raise Rejected(f"{source}:{n}: no name or no time unit: {row}")
        if record["error_occurred"] not in ("", "false"):
            raise Rejected(f"{source}:{n}: {record['name']} failed: {record['error_message']}")
        names.add(record["name"])
    return names


def names_in(fmt: str, text: str, source: str) -> set[str]:
    return json_names(text, source) if fmt == "json" else csv_names(text, source)


def require_names(names: set[str] | str, expected: list[str], source: str) -> None:
    """Each expected benchmark is in names (a set of names, or console text)."""
    missing = [e for e in expected if (e not in names if isinstance(names, set) else not re.search(
        rf"^{re.escape(e)}\s", names, re.MULTILINE))]
    if missing:
        raise Rejected(f"{source}: no result for {', '.join(missing)}")


def run(binary_args: list[str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(binary_args, capture_output=True, text=True, timeout=240)
    except OSError as e:
        raise Rejected(f"cannot run {binary_args[0]}: {e}") from None


def cmd_run(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out_file = os.path.join(tmp, "out.json") if args.out_json else None
        extra = [f"--benchmark_format={args.format}"]
        if out_file:
            extra += [f"--benchmark_out={out_file}", "--benchmark_out_format=json"]
        p = run(args.command + extra)
        if p.returncode != 0:
            raise Rejected(f"exit status {p.returncode}; stderr:\n{p.stderr}")
        if args.format == "console":
            require_names(p.stdout, args.expect, "stdout")
        else:
            require_names(names_in(args.format, p.stdout, "stdout"), args.expect, "stdout")
        found = process_words(p.stdout, "stdout") + process_words(p.stderr, "stderr")
        if out_file:
            with open(out_file, encoding="utf-8") as f:
                saved = f.read()
            require_names(json_names(saved, "--benchmark_out file"), args.expect, "--benchmark_out file")
            found += process_words(saved, "--benchmark_out file")
        if found:
            raise Rejected("process words in the output:\n  " + "\n  ".join(found))
    print(f"ok: {args.format} on stdout" + (", json in --benchmark_out" if out_file else "") +
          f"; {len(args.expect)} expected benchmarks found; no process words")


def cmd_self_test(args) -> None:
    p = run(args.command + [f"--benchmark_format={args.format}"])
    if p.returncode != 0:
        raise Rejected(f"exit status {p.returncode}; stderr:\n{p.stderr}")
    names_in(args.format, p.stdout, "stdout")  # the clean output passes, or the twin proves nothing
    own = [line for line in p.stderr.splitlines() if line.strip()]
    if not own:
        raise Rejected("the binary printed nothing of its own on stderr: nothing to pollute stdout with")
    lines = p.stdout.splitlines(keepends=True)
    polluted = {f"its first stderr line on top ({own[0]!r})": own[0] + "\n" + p.stdout,
                f"its last stderr line at the end ({own[-1]!r})": p.stdout + own[-1] + "\n"}
    if args.format == "csv":
        polluted[f"its first stderr line after the header ({own[0]!r})"] = lines[0] + own[0] + "\n" + "".join(lines[1:])
    accepted = []
    for how, text in polluted.items():
        try:
            names_in(args.format, text, "stdout")
            accepted.append(how)
        except Rejected as e:
            print(f"rejected, as it must be: stdout with {how}: {e}")
    if accepted:
        raise Rejected("the check accepted polluted stdout: " + "; ".join(accepted))
    print(f"ok: the {args.format} check accepts the clean stdout and rejects {len(polluted)} polluted copies")


def cmd_fails(args) -> None:
    p = run(args.command)
    if p.returncode != 1:
        raise Rejected(f"exit status {p.returncode}, not 1; stderr:\n{p.stderr}")
    if not re.search(args.stderr, p.stderr):
        raise Rejected(f"no /{args.stderr}/ on stderr:\n{p.stderr}")
    if p.stdout:
        raise Rejected(f"stdout is not empty after a failed check:\n{p.stdout[:2000]}")
    print(f"ok: exit status 1, /{args.stderr}/ on stderr, stdout empty")


def cmd_report(args) -> None:
    p = run(args.command + ["--benchmark_format=json"])
    if p.returncode != 0:
        raise Rejected(f"exit status {p.returncode}; stderr:\n{p.stderr}")
    with tempfile.TemporaryDirectory() as tmp:
        stdout_json = os.path.join(tmp, "run.json")
        md, svg = os.path.join(tmp, "performance.md"), os.path.join(tmp, "performance.svg")
        with open(stdout_json, "w", encoding="utf-8") as f:
            f.write(p.stdout)
        r = run([sys.executable, args.perf_report, stdout_json, "--out-md", md, "--out-svg", svg])
        if r.returncode != 0:
            raise Rejected(f"{args.perf_report} exit status {r.returncode}:\n{r.stdout}{r.stderr}")
        with open(md, encoding="utf-8") as f:
            page = f.read()
        with open(svg, encoding="utf-8") as f:
            picture = f.read()
    if "## Goals" not in page or not re.search(r"^(The goals at .*, in this build|No speed goal is stated)", page,
                                                  re.MULTILINE):
        raise Rejected("the page has no goals section or no verdict line for the build")
    if not picture.startswith("<svg"):
        raise Rejected("the SVG does not start with <svg")
    found = process_words(page, "performance.md") + process_words(r.stdout, "perf-report stdout")
    if found:
        raise Rejected("process words in the report:\n  " + "\n  ".join(found))
    print(f"ok: {args.perf_report} read the binary's JSON stdout and wrote a page with the goals "
          f"({len(page.splitlines())} lines) and an SVG")


def cmd_words_self_test(_args) -> None:
    bad = ["the issue's targets, this build (no AVX2/FMA, the issue's -O2 case):",
           "  2a. lockstep: judged as target 2a in this run",
           "sample. Issue 5's targets (0.60x the textbook, 2.5x and 3x past one chain) are not met",
           "at most 700 (issues 3 and 5).",
           "see issue #12"]
    good = ["target:     FMA no, AVX2 no, AVX-512F no, __FAST_MATH__ no",
            "cmake --build build/release --target gradproof_bench",
            "the project's speed goals: sgd_step at most 0.95x the textbook's time at -O3 -march=native",
            '    "gradproof_target": "FMA yes, AVX2 yes, AVX-512F yes",']
    missed = [line for line in bad if not process_words(line, "bad")]
    wrong = [line for line in good if process_words(line, "good")]
    if missed or wrong:
        raise Rejected(f"the word check let through {missed} and rejected {wrong}")
    print(f"ok: the word check rejects {len(bad)} lines with process words and accepts {len(good)} without")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = ap.add_subparsers(dest="mode", required=True)
    p_run = sub.add_parser("run")
    p_run.add_argument("--format", choices=["json", "csv", "console"], required=True)
    p_run.add_argument("--out-json", action="store_true")
    p_run.add_argument("--expect", action="append", default=[])
    p_self = sub.add_parser("self-test")
    p_self.add_argument("--format", choices=["json", "csv"], required=True)
    p_fails = sub.add_parser("fails")
    p_fails.add_argument("--stderr", required=True)
    p_report = sub.add_parser("report")
    p_report.add_argument("--perf-report", required=True)
    for p in (p_run, p_self, p_fails, p_report):
        p.add_argument("command", nargs="+", help="-- BINARY ARGS...")
    sub.add_parser("words-self-test")
    args = ap.parse_args()
    handler = {"run": cmd_run, "self-test": cmd_self_test, "fails": cmd_fails, "report": cmd_report,
               "words-self-test": cmd_words_self_test}[args.mode]
    try:
        handler(args)
    except Rejected as e:
        print(f"check_bench_output.py {args.mode}: FAILED: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
