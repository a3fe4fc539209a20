"""Scaling: time per MB of one article at 10 KB ... 10 MB, ordinary news beside the hostile shapes of issue 12.

    .venv/bin/python benchmarks/bench_scaling.py [--sizes 10e3,100e3,1e6,1e7] [--runs 3] [--shapes news,digits]
                                                 [--cap 60] [--profile SHAPE:SIZE]

Every cell is the median of `--runs` runs of the whole pipeline (sentences -> toponyms -> resolve -> events) on ONE
article of that size, in CPU seconds per MB (process time: the machine is shared, and wall time measured the other
users' load as much as this code); the per-step split of the median run is printed under the table, so a
step that grows faster than the text shows itself. A size that would take longer than `--cap` seconds even at
linear cost from the previous size is skipped (printed as "> cap"). The size limit (config.MAX_ARTICLE_BYTES) is
lifted for the run: this measures the pipeline, not the refusal. `--profile news:1e6` prints the top functions of
one cProfile run.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate_articles  # noqa: E402

from geomap.models import Article, Doc  # noqa: E402
from geomap.pipeline import default_pipeline  # noqa: E402

PUBLISHED = date(2022, 12, 19)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def news(size: int) -> str:
    """Generated wire copy, paragraphs separated by blank lines: what a long real article looks like."""
    parts, n = [], 0
    for art in generate_articles(max(1, size // 300), seed=7):
        parts.append(art.text)
        n += len(art.text) + 2
        if n >= size:
            break
    text = "\n\n".join(parts)
    return text if len(text) >= size else _repeat(text + "\n\n", size)


def news_one_paragraph(size: int) -> str:
    """The same wire copy with the paragraph breaks removed (a CSV field flattened to one line)."""
    return news(size).replace("\n\n", " ")


def no_punctuation(size: int) -> str:
    """A paragraph without sentence punctuation: place names and event words, never a full stop."""
    return _repeat("troops shelled Bakhmut and Kyiv while residents of Kharkiv fled the attack on Monday ", size)


SHAPES: dict[str, Callable[[int], str]] = {
    "news": news,
    "news-1para": news_one_paragraph,
    "no-punct": no_punctuation,
    "digits": lambda size: "1" * size,
    "iso-dates": lambda size: _repeat("2022-12-01 ", size),
    "date-phrase": lambda size: _repeat("on Monday and on Dec. 21 ", size),
    "killing-number": lambda size: _repeat("a strike killing " + "9" * 5000 + " people. ", size),
    "dots": lambda size: "." * size,
}


def run_once(text: str) -> dict[str, float]:
    """Seconds per pipeline step for one article."""
    pipe = default_pipeline()
    doc = Doc(Article(id="bench", published=PUBLISHED, text=text, origin="bench"))
    times: dict[str, float] = {}
    for name, step in pipe.steps:
        t = time.process_time()
        doc = step(doc)
        times[name] = time.process_time() - t
    return times


def measure(text: str, runs: int) -> dict[str, float]:
    """The median run's step times (median by total)."""
    results = sorted((run_once(text) for _ in range(runs)), key=lambda r: sum(r.values()))
    return results[len(results) // 2]


def upload_memory(mb: float) -> int:
    """Peak RSS of `appstate.ingest_uploads` for an upload of `mb` MB, each case in a fresh process (the limits are
    the real ones: this measures the refusal)."""
    import subprocess
    import tempfile

    code = """
import resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, {src!r})
from geomap import appstate
kind, mb = sys.argv[1], float(sys.argv[2])
body = ("Shelling hit Kherson on Monday and troops moved on. " * int(mb * 1e6 / 52)).encode()
data = b"date 2022-11-02\\n\\n" + body if kind == "txt" else b"published,text\\n2022-11-02," + body + b"\\n"
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with tempfile.TemporaryDirectory() as tmp:
    res = appstate.ingest_uploads(Path(tmp) / "u.sqlite", [("upload." + kind, data)])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{{kind}} upload of {{mb:g}} MB: peak RSS {{peak / 1024:.0f}} MB (before the upload {{base / 1024:.0f}} MB); "
      f"{{res[0].status}}: {{'; '.join(res[0].failed)[:150]}}")
""".format(src=str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "upload.py"
        script.write_text(code)
        for kind in ("txt", "csv"):
            out = subprocess.run([sys.executable, str(script), kind, str(mb)], capture_output=True, text=True)
            print(out.stdout.strip() or out.stderr.strip()[-500:])
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10e3,100e3,1e6,1e7", help="article sizes in characters")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shapes", default=",".join(SHAPES), help=f"comma-separated, from {','.join(SHAPES)}")
    ap.add_argument("--cap", type=float, default=60.0, help="skip larger sizes once a run takes longer (s)")
    ap.add_argument("--profile", default=None, help="SHAPE:SIZE to profile once (e.g. news:1e6)")
    ap.add_argument("--upload-mb", type=float, default=None,
                    help="instead: peak memory of the app's upload path for a text file and a one-row CSV this big")
    args = ap.parse_args(argv)
    if args.upload_mb:
        return upload_memory(args.upload_mb)
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shape(s) {', '.join(unknown)}; choose from {', '.join(SHAPES)}")
    t = time.perf_counter()
    default_pipeline()
    print(f"gazetteer and pipeline load: {time.perf_counter() - t:.1f} s (not counted)")
    if args.profile:
        shape, size = args.profile.split(":")
        text = SHAPES[shape](int(float(size)))
        prof = cProfile.Profile()
        prof.runcall(run_once, text)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return 0
    print(f"CPU seconds per MB, median of {args.runs} runs; columns are article sizes in characters")
    print(f"{'shape':<16}" + "".join(f"{s:>12,}" for s in sizes))
    splits: list[str] = []
    for shape in shapes:
        last = (0.0, 1)
        print(f"{shape:<16}", end="", flush=True)
        for size in sizes:
            if last[0] * size / last[1] > args.cap:  # even at linear cost this size would exceed the cap
                print(f"{'> cap':>12}", end="", flush=True)
                continue
            steps = measure(SHAPES[shape](size), args.runs)
            total = sum(steps.values())
            print(f"{total / (size / 1e6):>12.2f}", end="", flush=True)  # cell by cell: a killed run keeps its cells
            splits.append(f"  {shape} {size:,}: {total:.2f} s = "
                          + ", ".join(f"{k} {v:.2f}" for k, v in steps.items()))
            last = (total, size)
        print(flush=True)
    print("where the time goes (median run, seconds per step):")
    print("\n".join(splits))
    return 0


if __name__ == "__main__":
    from geomap import config

    config.MAX_ARTICLE_BYTES = 10**12  # the pipeline is measured here, not the reader's refusal
    sys.exit(main())
