"""@mentions are resolved to people by display name or handle."""

from cocon.accounts.models import User
from cocon.workshops.mentions import find_mentions, handle


def person(uid, name):
    return User(id=uid, display_name=name, email=f"{uid}@x.fr")


PEOPLE = [person(1, "Claire Dubois"), person(2, "Claire"), person(3, "Élise Zimmermann"),
          person(4, "Jean-Luc Meyer")]


def test_a_full_display_name_wins_over_a_shorter_one():
    assert [u.id for u in find_mentions("Merci @Claire Dubois !", PEOPLE)] == [1]


def test_a_first_name_alone_finds_who_is_called_so():
    assert [u.id for u in find_mentions("@Claire tu viens ?", PEOPLE)] == [2]


def test_a_handle_finds_the_person_without_accents():
    assert handle(PEOPLE[2]) == "elise-zimmermann"
    assert [u.id for u in find_mentions("cc @elise-zimmermann", PEOPLE)] == [3]


def test_accented_and_hyphenated_names_are_found():
    found = find_mentions("@Élise Zimmermann et @Jean-Luc Meyer", PEOPLE)
    assert {u.id for u in found} == {3, 4}


def test_e_mail_addresses_and_unknown_names_mention_nobody():
    assert find_mentions("écrire à claire@exemple.fr ou @Inconnu", PEOPLE) == []


def test_someone_mentioned_twice_is_found_once():
    assert len(find_mentions("@Claire Dubois et encore @Claire Dubois", PEOPLE)) == 1


def test_a_mention_ending_a_sentence_keeps_its_full_stop_out_of_the_name():
    assert [u.id for u in find_mentions("Merci à @Claire Dubois.", PEOPLE)] == [1]
    assert [u.id for u in find_mentions("Voir avec @Jean-Luc Meyer. Ensuite…", PEOPLE)] == [4]
