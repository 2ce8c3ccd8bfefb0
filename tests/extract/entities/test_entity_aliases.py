"""The alias table (aliases.py): a user's table used and a bad one refused."""

import pytest


pytestmark = pytest.mark.model


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
