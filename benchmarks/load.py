"""Time reading and checking the data, cold and in-process: ``python -m benchmarks.load --events 5000 --runs 7``.

What ``benchmarks.run`` reports as "load + check", on its own and quicker to repeat: it generates the synthetic
dataset once (or reads ``--project``), calls ``load_dataset`` (no ``.cache``) ``--runs`` times, and prints each
time, the median and the load average (the machine may be shared). ``--profile`` adds a cProfile of one more run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import Size, generate
from macros.load import load_dataset


def cold_times(project: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each ``load_dataset(project)``, run ``runs`` times in this process. On a shared
    machine the CPU time varies less, which helps to compare two versions of the code."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        load_dataset(project)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--project", type=Path, help="a project to load instead of generated data")
    parser.add_argument("--profile", action="store_true", help="print where the time of one more run goes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        project = args.project or generate(Path(work), Size.scaled(args.events))
        before = os.getloadavg()[0]
        times, cpu = cold_times(project, args.runs)
        print(f"load + check: median {statistics.median(times):.3f} s of {args.runs} "
              f"({', '.join(f'{seconds:.3f}' for seconds in times)}), CPU {statistics.median(cpu):.3f} s; "
              f"load average {before:.2f} before, {os.getloadavg()[0]:.2f} after")
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(load_dataset, project)
            pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
