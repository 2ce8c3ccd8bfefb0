"""extract/data/titles.tsv: the one title-word table of the entity and the relation rules.

The two packages had a file each (entity_titles.tsv, titles.tsv) that overlapped; merged, each
keeps exactly the sets it had (the members below are those of commit ef0d6de)."""

from newsgraph.extract import lexicon
from newsgraph.extract.entities import wordlists
from newsgraph.extract.relations import title_words

ENTITY_SETS = {
    "HONORIFICS": {
        'ambassador', 'ayatollah', 'capt', 'capt.', 'captain', 'chairman', 'chancellor', 'col',
        'col.', 'commander', 'crown', 'defence', 'defense', 'deputy', 'director', 'dr', 'dr.', 'emir',
        'foreign', 'former', 'gen', 'gen.', 'general', 'gov', 'gov.', 'governor', 'imam',
        'judge', 'justice', 'king', 'lady', 'late', 'leader', 'lord', 'lt', 'lt.', 'mayor',
        'minister', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'pm', 'pope', 'premier', 'president',
        'prime', 'prince', 'princess', 'queen', 'rep', 'rep.', 'said', 'secretary', 'sen',
        'sen.', 'senator', 'sheikh', 'sir', 'spokesman', 'state', 'supreme', 'vice'},
    "PERSON_TITLES_HEADS": {
        'adviser', 'advisor', 'ambassador', 'chairman', 'chancellor', 'chief', 'commander', 'commissioner', 'dictator',
        'director', 'emir', 'envoy', 'general', 'governor', 'king', 'leader', 'mayor', 'minister',
        'monarch', 'ombudsman', 'pm', 'pope', 'premier', 'president', 'queen', 'ruler', 'secretary',
        'senator', 'spokesman', 'spokeswoman', 'sultan'},
    "LEADER_TITLE_PHRASES": {
        'chancellor', 'dictator', 'emir', 'king', 'leader', 'monarch', 'pm', 'premier', 'president',
        'prime minister', 'queen', 'ruler', 'sultan'},
    "GENERIC_LEADERS": {
        'head', 'leader', 'ruler'},
    "TITLE_WORDS_BEFORE_OF": {
        'chief', 'commissioner', 'head', 'minister', 'ministers', 'secretaries', 'secretary',
        'undersecretary'},
    "PORTFOLIOS": {
        'agriculture', 'defence', 'defense', 'economy', 'education', 'energy', 'finance',
        'foreign', 'health', 'home', 'interior', 'justice', 'security', 'trade'},
    "PORTFOLIO_HOLDERS": {
        'chief', 'minister', 'ministers', 'official', 'officials', 'secretaries', 'secretary',
        'spokesman', 'spokesperson', 'spokeswoman'},
}
RELATION_SETS = {
    "LEADER_TITLES": {
        'ayatollah', 'ceo', 'chair', 'chairman', 'chairwoman', 'chancellor', 'chief',
        'commander', 'dictator', 'emir', 'founder', 'governor', 'head', 'king', 'leader',
        'mayor', 'monarch', 'pm', 'premier', 'president', 'prime', 'queen', 'ruler',
        'secretary-general', 'shah', 'sultan'},
    "NATIONAL_LEADER_TITLES": {
        'chancellor', 'emir', 'king', 'minister', 'monarch', 'pm', 'premier', 'president', 'queen',
        'sultan'},
    "MEMBER_TITLES": {
        'activist', 'adviser', 'advisor', 'agent', 'aide', 'ambassador', 'analyst', 'candidate',
        'coach', 'columnist', 'commentator', 'commissioner', 'correspondent', 'councillor', 'councilor',
        'counterpart', 'delegate', 'deputy', 'diplomat', 'director', 'economist', 'editor',
        'emissary', 'employee', 'envoy', 'fellow', 'fighter', 'general', 'investigator',
        'journalist', 'judge', 'lawmaker', 'lawyer', 'member', 'militant', 'minister', 'mp',
        'negotiator', 'officer', 'official', 'ombudsman', 'player', 'politician', 'professor', 'prosecutor',
        'reporter', 'representative', 'researcher', 'scholar', 'secretary', 'senator',
        'soldier', 'spokesman', 'spokesperson', 'spokeswoman', 'staffer'},
    "PAST_QUALIFIERS": {
        'deposed', 'ex', 'exiled', 'former', 'late', 'ousted', 'outgoing', 'then'},
    "SUBORDINATE_QUALIFIERS": {
        'acting', 'army', 'assistant', 'bureau', 'defence', 'defense', 'deputy', 'economy', 'energy',
        'finance', 'foreign', 'health', 'intelligence', 'interior', 'junior', 'justice', 'military',
        'navy', 'party', 'police', 'policy', 'press', 'regional', 'security', 'senior', 'spokesman',
        'trade', 'vice'},
}
LEADER_PHRASES = ('director general', 'first minister', 'head of state', 'prime minister', 'secretary general',
                  'supreme leader')


def test_each_package_keeps_its_title_sets():
    for name, words in ENTITY_SETS.items():
        assert getattr(wordlists, name) == frozenset(words), name
    for name, words in RELATION_SETS.items():
        assert getattr(title_words, name) == frozenset(words), name
    assert title_words.LEADER_PHRASES == LEADER_PHRASES  # in file order
    assert title_words.TITLE_WORDS == title_words.LEADER_TITLES | title_words.MEMBER_TITLES


def test_titles_tsv_has_one_row_per_word_and_only_known_lists():
    table = lexicon.read_table(lexicon.TITLES)
    words = [word for word, _ in table.cells]
    assert len(words) == len(set(words)) == 164
    assert words == sorted(words)
    known = set(wordlists.TITLE_LISTS) | set(title_words.TITLE_LISTS)
    assert {lst for _, lists in table.cells for lst in lists.split()} == known
    assert not set(wordlists.TITLE_LISTS) & set(title_words.TITLE_LISTS)


def test_no_other_title_table_is_shipped():
    assert not (lexicon.resources.files(lexicon.PACKAGE) / lexicon.FOLDER / "entity_titles.tsv").is_file()
