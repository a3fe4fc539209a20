"""What the Articles page shows and does: the stored-articles table as a person reads it, the picker's labels, and
deleting an article (pages only call the library, DESIGN §1).

Why its own module: the table must never show a server temp path (an upload's `origin` is where the server kept the
file for a moment) nor midnight times on dates; deleting goes through `Store.delete_article`, which undoes the
article's merges, and says in words what went and what stayed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pandas as pd

from geomap import names
from geomap.mapview.templating import render
from geomap.pagedata import open_store

#: The stored-articles table's columns, in the order the page shows them.
TABLE_COLUMNS = ["title", "published", "source", "events", "mentions", "file", "url", "id", "ingested"]


def file_name(origin: object) -> str:
    """Only the file name of where an article came from ("/tmp/geomap-upload-x/1/kyiv.txt" -> "kyiv.txt"): the
    server's folders are nobody's business; a CSV row's "file.csv:12" keeps its line."""
    text = str(origin or "").strip()
    if not text:
        return ""
    return PureWindowsPath(Path(text).name).name  # both separators: an upload may name a Windows path


def _day(value: object) -> str:
    """ "2024-03-01" from a date, a timestamp or an ISO text; "" when there is none."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)[:10]


def articles_table(df: pd.DataFrame) -> pd.DataFrame:
    """The stored articles (store.articles_frame) as the page's table: titles first, dates without times, file
    names without folders."""
    if df is None or df.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    out = pd.DataFrame({
        "title": df["title"].fillna("").astype(str),
        "published": [_day(v) for v in df["published"]],
        "source": df["source"].fillna("").astype(str),
        "events": df["n_events"],
        "mentions": df["n_mentions"],
        "file": [file_name(v) for v in df["origin"]],
        "url": df["url"].fillna("").astype(str),
        "id": df["id"].astype(str),
        "ingested": [_day(v) for v in df["ingested_at"]],
    })
    return out[TABLE_COLUMNS]


def picker_labels(df: pd.DataFrame) -> dict[str, str]:
    """{article id: what the picker shows}: the title and date (the id only when titles repeat or are missing)."""
    if df is None or df.empty:
        return {}
    titles = names.titles_of(df)
    out: dict[str, str] = {}
    counts = pd.Series(list(titles.values())).value_counts()
    for aid, day in zip(df["id"].astype(str), df["published"], strict=True):
        title = " ".join(titles.get(aid, "").split())[:80]
        if not title:
            out[aid] = f"{aid} · {_day(day)}"
        elif counts.get(titles[aid], 0) > 1:
            out[aid] = f"{title} · {_day(day)} ({aid})"
        else:
            out[aid] = f"{title} · {_day(day)}"
    return out


@dataclass(frozen=True)
class Deleted:
    """The outcome of a delete, for the page (`message` holds no user text)."""

    ok: bool
    message: str


def delete_article(path: Path, article_id: str) -> Deleted:
    """Delete one stored article with its mentions and event reports (merges undone, see Store.delete_article).

    The message names no title: Streamlit's Markdown would make a live link of a URL in one."""
    with open_store(path) as store:
        if store.read_only:
            return Deleted(False, "The store is read-only: nothing was deleted.")
        res = store.delete_article(article_id)
    if res is None:
        return Deleted(False, "That article is no longer stored (deleted meanwhile?): nothing was changed.")
    removed = f"{res.events_removed} event{'s' if res.events_removed != 1 else ''} removed"
    kept = (f", {res.events_kept} kept because other articles report them" if res.events_kept else "")
    return Deleted(True, f"Article deleted: {removed}{kept}.")


def article_head_html(title: str, meta: str) -> str:
    """The reader's heading as plain text: a title is untrusted article text, and Streamlit's Markdown turns even
    an escaped "http://..." into a live link (an autoescaped template never does)."""
    return render("article_head.html", title=" ".join(str(title or "").split()), meta=meta)
