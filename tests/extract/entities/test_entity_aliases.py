"""The alias table (aliases.py): a user's table used and a bad one refused."""

import pytest




@pytest.mark.model
def test_user_alias_table_teaches_unknown_actors(tmp_path):
    from newsgraph.extract.pipeline import extract, load_pipeline
    from newsgraph.graph.model import Article

    table = tmp_path / "aliases.csv"
    table.write_text("surface,label,type,iri\nZetaCorp,Zeta Corporation,Organization,http://www.wikidata.org/entity/Q1\n"
                     "the Syndicate,Red Syndicate,Group,\n")
    nlp2 = load_pipeline(aliases=str(table))
    [r] = list(extract([Article(id="x.txt", text="ZetaCorp sued the Syndicate in Lagos.")], nlp2))
    e = {x.key: x for x in r.entities}
    assert e["zeta_corporation"].type == "Organization"
    assert e["zeta_corporation"].same_as == "http://www.wikidata.org/entity/Q1"
    assert e["red_syndicate"].type == "Group"


def test_bad_alias_table_is_a_clear_error(tmp_path):
    from newsgraph.errors import InputError
    from newsgraph.extract.entities import load_aliases

    bad = tmp_path / "a.csv"
    bad.write_text("X,Y,Planet\n")
    with pytest.raises(InputError, match="type must be one of"):
        load_aliases(bad)


# -- pure checks (no model) --------------------------------------------------------------------
def test_only_http_https_and_urn_iris():
    from newsgraph.errors import InputError
    from newsgraph.extract.entities.aliases import check_iri

    assert check_iri("https://www.wikidata.org/entity/Q1", "t") == "https://www.wikidata.org/entity/Q1"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "http://a b"):
        with pytest.raises(InputError):
            check_iri(bad, "t")


def test_rows_that_would_merge_two_actors_are_refused_with_their_line():
    from newsgraph.errors import InputError
    from newsgraph.extract.entities.aliases import check_rows

    check_rows([(2, "ABC", "A.B.C.", "Organization", None), (3, "abc", "A.B.C.", "Organization", None)], "t")
    with pytest.raises(InputError, match="line 3.*already given"):
        check_rows([(2, "Acme", "Acme Corp", "Organization", None), (3, "acme", "Acme Ltd", "Organization", None)], "t")
    with pytest.raises(InputError, match="would be one entity 'a_b_c'"):
        check_rows([(2, "A.B.C.", "A.B.C.", "Organization", None), (4, "A B C", "A B C", "Group", None)], "t")


def test_rows_are_parsed_with_a_header_comments_and_file_line_numbers():
    from newsgraph.extract.entities.aliases import Alias, _parse_alias_rows, ruler_patterns

    lines = ["surface,label,type,iri", "# a comment", "", "ZetaCorp,Zeta Corporation,organization,"]
    rows = list(_parse_alias_rows(lines, "t", delimiter=",", numbered=True))
    assert rows == [(4, "ZetaCorp", Alias("Zeta Corporation", "Organization"))]
    assert ruler_patterns({"ZetaCorp": rows[0][2]}) == [{"label": "ORG", "pattern": "ZetaCorp", "id": "zeta_corporation"}]
