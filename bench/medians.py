#!/usr/bin/env python3
"""Medians over several bench/run.sh reports, as a Markdown table (docs/performance.md quotes them).

Usage: bench/medians.py bench/results/<run1> bench/results/<run2> ... > medians.md

Each figure is the median of the same figure in each run (the percentiles themselves come from each run's
HdrHistogram; nothing here merges or recomputes latency distributions). The ranges show the smallest and largest
run, so the spread between runs on a shared machine stays visible.
"""
import json
import statistics
import sys
from pathlib import Path


def load(directory):
    return json.loads((Path(directory) / "report.json").read_text())


def fmt(value):
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def cell(values):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    median = statistics.median(values)
    if len(values) == 1 or min(values) == max(values):
        return fmt(median)
    return f"{fmt(median)} ({fmt(min(values))}–{fmt(max(values))})"


def phases_by_kind(report):
    """Phases keyed by a name that does not depend on the open loop's rate or the run's own numbering."""
    keyed = {}
    open_rates = [p["targetRate"] for p in report["phases"] if p["kind"] == "open"]
    for phase in report["phases"]:
        name = phase["name"]
        if phase["kind"] == "open" and len(open_rates) > 1 and phase["targetRate"] < max(open_rates):
            # its rate is half the run's best closed loop, so it differs from run to run
            name = "mix, open loop at half the best closed-loop rate"
        keyed[name] = phase
    return keyed


def main(directories):
    reports = [load(d) for d in directories]
    print(f"Medians of {len(reports)} runs (smallest–largest run in brackets):")
    print()
    for report, directory in zip(reports, directories):
        meta = report["meta"]
        loads = [p["loadAverageStart"] for p in report["phases"]] + [p["loadAverageEnd"] for p in report["phases"]]
        print(
            f"- `{directory}`: commit {meta.get('commit')}, {meta.get('tickets')} tickets, ready in "
            f"{meta.get('startupToReadyMs')} ms, RSS after start {meta.get('rssAfterStartMb')} MB, peak "
            f"{fmt(meta.get('serverPeakRssMb'))} MB, load average {min(loads):.1f}–{max(loads):.1f}")
    print()
    names = []
    for report in reports:
        for name in phases_by_kind(report):
            if name not in names:
                names.append(name)
    print("| phase | req/s | errors | p50 ms | p95 ms | p99 ms | server CPU (cores) | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for name in names:
        phases = [phases_by_kind(r).get(name) for r in reports]
        phases = [p for p in phases if p]
        print(
            f"| {name} ({len(phases)} runs) | {cell([p['throughput'] for p in phases])} | "
            f"{cell([p['errors'] for p in phases])} | {cell([p['p50Ms'] for p in phases])} | "
            f"{cell([p['p95Ms'] for p in phases])} | {cell([p['p99Ms'] for p in phases])} | "
            f"{cell([p['serverCpuCores'] for p in phases])} | {cell([p['serverPeakRssMb'] for p in phases])} |")
    print()
    print("| pgbench script | clients | tps | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|")
    scripts = []
    for report in reports:
        for bench in report.get("pgbench", []):
            if bench["script"] not in scripts:
                scripts.append(bench["script"])
    for script in scripts:
        runs = [b for r in reports for b in r.get("pgbench", []) if b["script"] == script]
        print(
            f"| {script} | {runs[0].get('clients')} | {cell([b.get('tps') for b in runs])} | "
            f"{cell([b.get('p50Ms') for b in runs])} | {cell([b.get('p95Ms') for b in runs])} | "
            f"{cell([b.get('p99Ms') for b in runs])} |")
    print()
    ratio_names = []
    for report in reports:
        for key in report.get("ratios", {}):
            if key not in ratio_names:
                ratio_names.append(key)
    for key in ratio_names:
        print(f"- {key}: {cell([100 * r['ratios'][key] for r in reports if key in r.get('ratios', {})])} %")
    print()
    for kind in ("closed", "open"):
        chosen = [name for name in names if any(
            phases_by_kind(r).get(name, {}).get("kind") == kind and phases_by_kind(r)[name].get("mix") == "mix"
            for r in reports)]
        for name in chosen:
            print(f"Per operation, {name}:")
            print()
            print("| operation | p50 ms | p95 ms | p99 ms | errors |")
            print("|---|---|---|---|---|")
            ops = []
            for report in reports:
                for op in phases_by_kind(report).get(name, {}).get("operations", []):
                    if op["op"] not in ops:
                        ops.append(op["op"])
            for op_name in sorted(ops):
                runs = [o for r in reports for o in phases_by_kind(r).get(name, {}).get("operations", [])
                        if o["op"] == op_name]
                print(
                    f"| {op_name} | {cell([o['p50Ms'] for o in runs])} | {cell([o['p95Ms'] for o in runs])} | "
                    f"{cell([o['p99Ms'] for o in runs])} | {cell([o['errors'] for o in runs])} |")
            print()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
