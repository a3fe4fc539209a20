"""Readers: every supported format, and every kind of bad input named by file (and row)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.articles import from_text, read_paths, read_text_file
from geomap.exceptions import InputError

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "000_b3394332a4c81e9b.txt"


def _split(results):
    arts = [r for r in results if not isinstance(r, InputError)]
    errs = [r for r in results if isinstance(r, InputError)]
    return arts, errs


def test_seed_format_reads_date_and_body():
    art = read_text_file(SEED)
    assert art.id == "000_b3394332a4c81e9b"
    assert art.published == date(2022, 12, 19)
    assert art.text.startswith("Russian President Vladimir Putin heads for Belarus")
    assert "date 2022" not in art.text


def test_bad_files_are_named_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("date 2023-01-02\nShelling hit Kherson on Monday.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (tmp_path / "latin1.txt").write_bytes("date 2023-01-02\nCaf\xe9 in Kyiv".encode("latin-1"))
    (tmp_path / "nodate.txt").write_text("Shelling hit Kherson on Monday.")
    arts, errs = _split(list(read_paths([tmp_path])))
    assert [a.id for a in arts] == ["good"]
    by_file = {Path(e.origin).name: str(e) for e in errs}
    assert set(by_file) == {"empty.txt", "binary.txt", "latin1.txt", "nodate.txt"}
    assert "empty" in by_file["empty.txt"]
    assert "binary" in by_file["binary.txt"]
    assert "UTF-8" in by_file["latin1.txt"] and ":2" in by_file["latin1.txt"]
    assert "date" in by_file["nodate.txt"]


def test_csv_rows_with_errors_name_the_row(tmp_path):
    f = tmp_path / "feed.csv"
    f.write_text(
        "id,published,title,text\n"
        "a1,2023-03-01,One,Strikes hit Odesa.\n"
        "a2,not-a-date,Two,Blasts in Kharkiv.\n"
        "a3,2023-03-02,Three\n"
        "a4,2023-03-03,Four,\"Fighting in Bakhmut, officials said.\"\n"
    )
    arts, errs = _split(list(read_paths([f])))
    assert [a.id for a in arts] == ["a1", "a4"]
    assert arts[1].text == "Fighting in Bakhmut, officials said."
    msgs = sorted(str(e) for e in errs)
    assert any("feed.csv:3" in m and "published" in m for m in msgs)
    assert any("feed.csv:4" in m for m in msgs)


def test_csv_without_required_columns(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("title,body\nx,y\n")
    arts, errs = _split(list(read_paths([f])))
    assert not arts and "published" in str(errs[0]) and "bad.csv:1" in str(errs[0])


def test_jsonl_reader(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "j1", "published": "2023-05-01T10:00:00Z", "text": "Protest in Tbilisi."}\n'
                 "not json\n"
                 '{"published": "2023-05-02", "text": "Clashes in Khartoum."}\n'
                 '["a list"]\n')
    arts, errs = _split(list(read_paths([f])))
    assert [a.id for a in arts] == ["j1", "feed-3"]
    assert arts[0].published == date(2023, 5, 1)
    assert sorted(e.line for e in errs) == [2, 4]


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    (err,) = list(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_pasted_text_gets_a_stable_id():
    a = from_text("Shelling in Kherson.", date(2023, 1, 1))
    b = from_text("Shelling in Kherson.", date(2023, 1, 1))
    assert a.id == b.id and a.id.startswith("pasted-")
    assert a.content_hash != from_text("Shelling in Kherson.", date(2023, 1, 2)).content_hash


def test_invalid_calendar_date(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("date 2023-02-30\nText.")
    with pytest.raises(InputError, match="invalid date"):
        read_text_file(f)


@pytest.mark.parametrize("value, expected", [
    ("2022-12-19T08:00:00Z", date(2022, 12, 19)),
    ("24 November 2016", date(2016, 11, 24)),
    ("Nov 22, 2016", date(2016, 11, 22)),
    ("Wed, 23 Nov 2016 10:00:00 GMT", date(2016, 11, 23)),
])
def test_feed_date_forms_with_a_year(value, expected):
    from geomap.articles import parse_date

    assert parse_date(value, "feed.csv", 2) == expected


def test_date_without_year_is_refused_unless_a_default_is_given(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "x", "published": "Wed Nov 23", "text": "Shelling in Kherson."}\n')
    (err,) = list(read_paths([f]))
    assert isinstance(err, InputError) and "feed.jsonl:1" in str(err)
    (art,) = list(read_paths([f], default_date=date(2020, 1, 1)))
    assert art.published == date(2020, 1, 1)


def test_a_folder_readme_is_not_an_article(tmp_path):
    (tmp_path / "README.md").write_text("# about these articles\n")
    (tmp_path / "a.txt").write_text("date 2023-01-02\nShelling hit Kherson on Monday.")
    results = list(read_paths([tmp_path]))
    assert [r.id for r in results] == ["a"]
