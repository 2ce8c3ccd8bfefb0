"""extract/lexicon.py: the one reader of the project's TSV tables."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from newsgraph.extract import lexicon

SHIPPED = (lexicon.ACTORS, lexicon.EVENT_CLASSES, lexicon.TRIGGERS, lexicon.PLACES_EXTRA)


def test_comments_blank_lines_header_and_cells():
    text = "# about the table\n\nname\tkind\n# a group\n  Kurdistan \tregion\n\"Gaza\"\t\tcity\n"
    with pytest.raises(ValueError, match=r"t.tsv: line 6: expected 2 tab-separated cells \(name, kind\), got 3"):
        lexicon.parse(text, "t.tsv")
    table = lexicon.parse(text.replace("\t\tcity", "\tcity"), "t.tsv")
    assert table.columns == ("name", "kind")
    assert table.rows() == [{"name": "Kurdistan", "kind": "region"}, {"name": '"Gaza"', "kind": "city"}]
    assert [line for line, _ in table.numbered()] == [5, 6]
    with pytest.raises(ValueError, match="no header"):
        lexicon.parse("# only a comment\n", "empty.tsv")


def test_rows_are_fresh_dicts_of_a_cached_table():
    assert lexicon.read_table(lexicon.TRIGGERS) is lexicon.read_table(lexicon.TRIGGERS)
    first = lexicon.rows(lexicon.TRIGGERS)
    first[0]["lemma"] = "changed"
    assert lexicon.rows(lexicon.TRIGGERS)[0]["lemma"] != "changed"


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_tables_read_as_the_hand_written_readers_did(name):
    """The readers in extract/ (csv.DictReader over the non-comment lines, or split on tabs)
    give these rows: switching them to the lexicon changes nothing."""
    text = resources.files("newsgraph.extract").joinpath(f"data/{name}").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    expected = [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]
    assert lexicon.rows(name) == expected and len(expected) > 10


def test_event_class_rows_have_the_cameo_columns():
    rows = lexicon.event_class_rows()
    assert {"class", "cameo", "cameo_root", "quad_class", "goldstein"} <= rows[0].keys()


def test_a_users_table_csv_or_tsv_header_optional_short_rows():
    columns = ("surface", "label", "type", "iri")
    csv_text = 'Surface,Label,Type,IRI\n"Paris, Texas",Paris,Place\nUN,United Nations,Organization,https://x.test/un,note\n'
    table = lexicon.parse(csv_text, "al.csv", delimiter=",", columns=columns)
    assert [(line, row["surface"], row["iri"]) for line, row in table.numbered()] == [
        (2, "Paris, Texas", ""), (3, "UN", "https://x.test/un")]
    tsv_text = "# no header\nKremlin\tRussian Government\tOrganization\nsurface\tlabel\ttype\n"
    rows = lexicon.parse(tsv_text, "al.tsv", columns=columns).rows()
    assert [r["surface"] for r in rows] == ["Kremlin", "surface"]  # only a first row is a header


def test_word_lists_in_file_order_one_row_per_word(monkeypatch):
    text = "# c\nword\tlists\nchief\tleader member\nprime minister\tleader\n"
    monkeypatch.setattr(lexicon, "read_table", lambda name: lexicon.parse(text, name))
    assert lexicon.word_lists("w.tsv") == {"leader": ("chief", "prime minister"), "member": ("chief",)}
    with pytest.raises(ValueError, match=r"w.tsv: line 3: unknown list 'member' \(one of leader\)"):
        lexicon.word_lists("w.tsv", known=("leader",))
    for bad, message in (("chief\tleader\nchief\tmember\n", r"line 4: 'chief' is already on line 3"),
                         ("chief\t\n", r"line 3: 'chief' is in no list"), ("chief\n", "line 3: expected 2 tab-separated cells")):
        text = "# c\nword\tlists\n" + bad
        with pytest.raises(ValueError, match=message):
            lexicon.word_lists("w.tsv")


def test_the_shipped_word_lists_have_one_row_per_word():
    for name in ("entity_organisations.tsv", "entity_groups.tsv", "entity_places.tsv",
                 lexicon.TITLES):
        assert lexicon.word_lists(name), name
