import json

import pytest

from newsgraph.errors import InputError
from newsgraph.extract.reader import find_dateline, find_dateline_place, guess_title, read_articles


def test_text_file_keeps_exact_text_and_finds_title_and_dateline(tmp_path):
    text = "Talks Resume in Geneva\n\nFriday, August 21, 2015\n\nDiplomats met on Friday.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [art] = read_articles([str(tmp_path / "a.txt")])
    assert art.id == "a.txt"
    assert art.text == text
    assert art.title == "Talks Resume in Geneva"
    assert art.date == "2015-08-21"


def test_bom_is_not_text(tmp_path):
    (tmp_path / "b.txt").write_bytes("\ufeffHello world.".encode("utf-8"))
    [art] = read_articles([str(tmp_path / "b.txt")])
    assert art.text == "Hello world."


def test_title_needs_a_blank_line_and_no_final_stop():
    assert guess_title("A sentence that ends.\n\nMore.") is None
    assert guess_title("Headline\nbody continues") is None
    assert find_dateline("No date here.") is None


def test_folder_is_recursive_sorted_and_skips_other_files(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "b.txt").write_text("Bee.")
    (tmp_path / "a.md").write_text("Ay.")
    (tmp_path / "gold.json").write_text("{}")
    for name in ("README.md", "LICENSE.txt", "SOURCES.md", "citation.txt"):  # a corpus's papers, not articles
        (tmp_path / name).write_text("Texts CC BY 2.5, from Wikinews.")
    ids = [a.id for a in read_articles([str(tmp_path)])]
    assert ids == ["a.md", "z/b.txt"]  # the path under the folder given
    assert [a.id for a in read_articles([str(tmp_path / "z" / "b.txt")])] == ["b.txt"]


def test_jsonl_records_and_metadata(tmp_path):
    rows = [{"id": "r1", "text": "Putin met Lukashenko.", "date": "2017-04-03", "url": "https://x.test/1"},
            {"id": "r2", "text": "Trump called Putin.", "title": "Call"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    arts = list(read_articles([str(tmp_path / "c.jsonl")], date="2020-01-01"))
    assert [(a.id, a.date, a.source) for a in arts] == [
        ("r1", "2017-04-03", "https://x.test/1"), ("r2", "2020-01-01", "c.jsonl#2")]  # the file's name, not where it lies
    assert arts[1].title == "Call"


@pytest.mark.parametrize("content, message", [
    (b"", "empty document"),
    (b"   \n\t", "empty document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    (b"caf\xe9 au lait", "not valid UTF-8"),
])
def test_bad_text_input_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(read_articles([str(path)]))


def test_malformed_jsonl_names_the_line(tmp_path):
    path = tmp_path / "m.jsonl"
    path.write_text('{"id": "1", "text": "ok"}\n{"id": 2, "text": \n')
    with pytest.raises(InputError, match=r"m\.jsonl:2: malformed JSON"):
        list(read_articles([str(path)]))


def test_huge_document_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 300)
    with pytest.raises(InputError, match="more than the limit"):
        list(read_articles([str(path)], max_chars=1000))


def test_duplicate_ids_and_missing_files(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "same.txt").write_text("One.")
    (tmp_path / "y" / "same.txt").write_text("Two.")
    # Equal names in two sub-folders of one input folder are two documents ...
    assert [a.id for a in read_articles([str(tmp_path)])] == ["x/same.txt", "y/same.txt"]
    # ... but the same name given twice is one id used twice.
    with pytest.raises(InputError, match="already used"):
        list(read_articles([str(tmp_path / "x"), str(tmp_path / "y")]))
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([str(tmp_path / "nope.txt")]))


def test_html_article_body_and_title(tmp_path):
    body = " ".join(["The minister met his counterpart in Vienna to discuss the agreement."] * 8)
    html = (f"<html><head><title>Vienna talks</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Vienna talks</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Copyright 2024</footer></body></html>")
    (tmp_path / "p.html").write_text(html)
    [art] = read_articles([str(tmp_path / "p.html")])
    assert art.id == "p.html"
    assert "counterpart in Vienna" in art.text
    assert "Copyright" not in art.text and "Home | World" not in art.text
    assert art.title == "Vienna talks"


def test_wire_datelines_with_a_place():
    assert find_dateline("Headline\n\nBISHKEK, May 12, 2025\n\nText.") == "2025-05-12"
    assert find_dateline("Headline\n\nKABUL, Afghanistan, Oct. 3, 2019\n\nText.") == "2019-10-03"
    # A wire dateline that runs into the story, with or without the agency.
    text = "Headline\n\nLIMA, June 3, 2024 (Andina) – Peru closed its border on Monday."
    assert find_dateline(text) == "2024-06-03" and find_dateline_place(text) == "Lima"
    assert find_dateline("H\n\nQUITO, June 3, 2024 - Ecuador voted.") == "2024-06-03"
    # A date inside a sentence is no dateline.
    assert find_dateline("The meeting on March 3, 2024 - a Monday - was long.") is None
    assert find_dateline_place("H\n\nTuesday, March 4, 2025\n\nText") is None


def test_datelines_with_a_title_case_place_and_a_colon():
    from newsgraph.extract.reader import dateline_story_start

    text = "Headline\n\nNairobi, Aug 4, 2023: Kenya recalled its envoy."
    assert find_dateline(text) == "2023-08-04" and find_dateline_place(text) == "Nairobi"
    assert text[dateline_story_start(text):].startswith("Kenya recalled")
    # A weekday is no place, and a line that is only a date runs into no story.
    assert find_dateline_place("H\n\nFriday, March 7, 2025\n\nText") is None
    assert dateline_story_start("H\n\nFriday, March 7, 2025\n\nText") is None


def test_a_dateless_wire_dateline_in_capitals_starts_the_story_after_it():
    from newsgraph.extract.reader import dateline_story_start

    text = "Headline\n\nBANGUI, Central African Republic: Rebels seized a town."
    assert text[dateline_story_start(text):].startswith("Rebels seized") and find_dateline_place(text) == "Bangui"
    text = "Headline\n\nHARARE, Feb 10 (Reuters) - Zimbabwe's top court rejected the appeal."
    assert text[dateline_story_start(text):].startswith("Zimbabwe's") and find_dateline_place(text) == "Harare"
    text = "Headline\n\nMORONI (AFP) - Police fired tear gas."
    assert text[dateline_story_start(text):].startswith("Police") and find_dateline_place(text) == "Moroni"
    # capitals the gazetteer knows as no place, and short words, are no dateline
    for text in ("NATO: Russia must withdraw\n\nText.", "H\n\nBREAKING: Russia invades.", "H\n\nUN: Russia vetoed."):
        assert dateline_story_start(text) is None and find_dateline_place(text) is None
