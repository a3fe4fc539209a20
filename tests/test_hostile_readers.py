"""Issue 12, rows 5, 9 and 10: the readers lose no row silently, name the real cause, and the same article saved
differently is one article."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from geomap.articles import from_text, read_path
from geomap.exceptions import InputError
from geomap.ingest import ingest_articles
from geomap.models import Article
from geomap.store import Store

BODY = "Russian missiles struck Kharkiv on Tuesday, killing two civilians, officials said."
ROW = "Russian missiles struck Kharkiv on Tuesday and killed two civilians."  # no comma: one CSV field


def _read(path: Path) -> tuple[list[Article], list[str]]:
    items = list(read_path(path))
    return [i for i in items if isinstance(i, Article)], [str(i) for i in items if isinstance(i, InputError)]


# ---- row 5: CSV ----

def test_a_field_over_128_kb_does_not_drop_the_later_rows(tmp_path):
    f = tmp_path / "big.csv"
    long_text = "Shelling hit Kherson on Monday. " * 6000  # about 190 KB in one field
    f.write_text(f'published,text\n2022-11-01,"{long_text}"\n2022-11-02,{ROW}\n2022-11-03,{ROW} Again.\n')
    arts, errors = _read(f)
    assert errors == [] and len(arts) == 3
    assert arts[0].text == long_text and arts[2].origin == f"{f}:4"


def test_a_field_over_the_article_limit_is_reported_and_its_inside_never_read_as_rows(tmp_path, monkeypatch):
    from geomap import config

    monkeypatch.setattr(config, "MAX_ARTICLE_BYTES", 2000)
    f = tmp_path / "huge.csv"
    inside = f"{'Shelling hit Kherson on Monday. ' * 100}\n2022-11-05,{ROW}\nmore of the same story."
    f.write_text(f'published,text\n2022-11-01,{ROW}\n2022-11-02,"{inside}"\n2022-11-03,{ROW} Again.\n')
    arts, errors = _read(f)
    assert [a.published for a in arts] == [date(2022, 11, 1), date(2022, 11, 3)]
    assert errors == [f"{f}:3: a field is longer than the 0.002 MB article limit (set GEOMAP_MAX_ARTICLE_MB to raise "
                      "it); rows 3-5 are skipped"]
    assert arts[1].origin == f"{f}:6"


def test_an_unterminated_quote_is_reported_not_joined(tmp_path):
    f = tmp_path / "quote.csv"
    f.write_text(f'published,text\n2022-11-01,"{ROW}\n2022-11-02,{ROW}\n2022-11-03,{ROW}\n')
    arts, errors = _read(f)
    assert arts == []
    assert len(errors) == 1 and errors[0].startswith(f"{f}:2: a quote opened in this row is not closed")


def test_a_quoted_field_over_several_lines_is_still_one_article(tmp_path):
    f = tmp_path / "multi.csv"
    f.write_text(f'published,text\n2022-11-01,"{ROW}\n\nOn 12 March 2022, troops entered the city."\n'
                 f"2022-11-02,{ROW}\n")
    arts, errors = _read(f)
    assert errors == [] and len(arts) == 2 and "troops entered" in arts[0].text


def test_short_and_long_rows_say_how_many_fields_they_have(tmp_path):
    f = tmp_path / "fields.csv"
    f.write_text(f"published,text,title\n2022-11-01\n2022-11-02,{ROW},t,extra,more\n2022-11-03,{ROW},ok\n")
    arts, errors = _read(f)
    assert len(arts) == 1
    assert errors == [f"{f}:2: row has 1 fields where the header has 3", f"{f}:3: row has 5 fields where the header "
                      "has 3"]


# ---- row 9: messages name the real cause ----

@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path, encoding):
    f = tmp_path / "wide.txt"
    f.write_bytes(f"date 2022-11-02\n\nКиїв: {BODY}\n".encode(encoding))  # Python writes the BOM
    arts, errors = _read(f)
    assert errors == [] and arts[0].text.startswith("Київ: Russian missiles")


def test_a_symlink_loop_is_not_called_missing(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    _, errors = _read(loop)
    assert len(errors) == 1 and "no such file" not in errors[0] and "symbolic links" in errors[0]


def test_a_numeric_published_is_not_called_missing(tmp_path):
    f = tmp_path / "num.jsonl"
    f.write_text(json.dumps({"published": 20221102, "text": BODY}) + "\n")
    _, errors = _read(f)
    assert errors == [f"{f}:1 [published]: 'published' must be a date string YYYY-MM-DD, got the int 20221102"]


def test_a_json_array_is_read_as_articles_not_as_seed_text(tmp_path):
    f = tmp_path / "feed.json"
    f.write_text(json.dumps([{"published": "2022-11-02", "text": BODY, "id": "a"}, {"published": "2022-11-03"}]))
    arts, errors = _read(f)
    assert [a.id for a in arts] == ["a"]
    assert errors == [f"{f} item 2 [text]: missing or empty 'text'"]


@pytest.mark.parametrize("when", ["2099-01-01", "1700-05-05"])
def test_implausible_publication_dates_are_refused(tmp_path, when):
    f = tmp_path / "far.txt"
    f.write_text(f"date {when}\n\n{BODY}\n")
    _, errors = _read(f)
    assert len(errors) == 1 and when in errors[0] and "check the date" in errors[0]


def test_an_article_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from geomap import config

    monkeypatch.setattr(config, "MAX_ARTICLE_BYTES", 1000)
    f = tmp_path / "huge.txt"
    f.write_text("date 2022-11-02\n\n" + BODY * 30)
    _, errors = _read(f)
    assert len(errors) == 1 and "over the 0.001 MB limit" in errors[0] and "GEOMAP_MAX_ARTICLE_MB" in errors[0]
    with pytest.raises(InputError, match="pasted text"):
        from_text(BODY * 30, date(2022, 11, 2))


# ---- row 10: one article, however it was saved ----

def test_crlf_and_decomposed_unicode_copies_are_the_same_article(tmp_path):
    text = "Shelling hit Kherson and Zaporizhzhia on Monday.\n\nCafé owners in Kyiv said so."
    variants = [text, text.replace("\n", "\r\n"), text.replace("é", "e\u0301")]
    assert len({Article(id=str(i), published=date(2022, 11, 2), text=t).content_hash
                for i, t in enumerate(variants)}) == 1
    for i, t in enumerate(variants):
        (tmp_path / f"copy{i}.txt").write_bytes(f"date 2022-11-02\n\n{t}\n".encode())
    with Store.open(tmp_path / "s.sqlite") as store:
        rep = ingest_articles(store, list(read_path(tmp_path)))
        assert (rep.new, rep.skipped) == (1, 2)


def test_nul_bytes_late_in_a_file_are_refused_with_their_line(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(b"date 2022-11-02\n\n" + (BODY.encode() + b"\n") * 100 + b"bad\x00byte\n")
    _, errors = _read(f)
    assert errors == [f"{f}:103: binary content (a NUL character), not text"]
