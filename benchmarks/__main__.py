"""Run the speed benchmarks and print their figures.

`python -m benchmarks` runs every `benchmarks/*_bench.py`; name some
(`python -m benchmarks coach store`) to run only those. Targets are printed
beside the figures; the benchmarks report, they do not fail a build.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(p.stem[: -len("_bench")] for p in here.glob("*_bench.py"))


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}")
        return 2
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}_bench")
        module.main()
        print(f"({name}: {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
