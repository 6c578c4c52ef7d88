"""Bad input, worst cases: peak memory and wall time of the build, per case.

Runs the heaviest cases of tests/bad_input/ (alias bombs, snippets that loop
or sleep, deep or long values) through `build.py build` in a child process
and prints its exit code, wall time and peak resident memory (ru_maxrss of
the child, from wait4). Prints figures; asserts nothing.

    python bench/bad_input.py                       # this checkout
    python bench/bad_input.py --project OTHER_CHECKOUT --cap-gb 3 --timeout 60
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bad_input_cases import PROJECT, build_previous_site, prepare_case, run_build

WORST = [
    "alias-bomb-front-matter",
    "alias-bomb-site-yml",
    "alias-bomb-widget",
    "long-value-echoed-briefly",
    "yaml-too-deep",
    "deeply-nested-lists",
    "snippet-endless-loop",
    "snippet-long-sleep",
    "snippet-huge-exception",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=PROJECT,
                        help="the checkout whose build.py runs (default: this one)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a kill")
    parser.add_argument("--cap-gb", type=float, default=None,
                        help="address-space cap for the build process, in GB")
    args = parser.parse_args()
    cap = int(args.cap_gb * 2**30) if args.cap_gb else None
    print(f"bad input, worst cases, {args.project / 'build.py'}")
    print(f"  {'case':28} {'exit':>5} {'seconds':>8} {'peak MB':>8}  first line")
    for case in WORST:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            build_args = prepare_case(case, tmp)
            if build_args[build_args.index("--out") + 1] == "out":
                build_previous_site(tmp)
            run = run_build(build_args, tmp, args.timeout, args.project / "build.py", cap)
        first = (run.stderr.strip() or run.stdout.strip() or "(nothing)").splitlines()[0]
        code = "killed" if run.returncode < 0 else str(run.returncode)
        print(f"  {case:28} {code:>5} {run.seconds:8.2f} {run.max_rss_mb:8.0f}  {first[:70]}")


if __name__ == "__main__":
    main()
