import pytest

from cocon.accounts.passwords import (
    check_password_rules, common_passwords, hash_password, verify_password,
)
from cocon.errors import InvalidInput


def test_a_long_sentence_with_any_characters_is_accepted():
    check_password_rules("les coopératives ♥ font vivre le quartier !")


@pytest.mark.parametrize("password", ["court", "1234567"])
def test_passwords_under_eight_characters_are_refused(password):
    with pytest.raises(InvalidInput):
        check_password_rules(password)


@pytest.mark.parametrize("password", ["password", "azertyuiop", "motdepasse", "PASSWORD123"])
def test_common_passwords_are_refused_whatever_the_case(password):
    with pytest.raises(InvalidInput, match="common"):
        check_password_rules(password)


def test_the_shipped_list_is_large_and_has_no_comment_lines():
    passwords = common_passwords()
    assert len(passwords) > 4000
    assert not any(p.startswith("#") for p in passwords)


def test_the_e_mail_name_is_not_a_password():
    with pytest.raises(InvalidInput):
        check_password_rules("camille.roth", email="camille.roth@example.org")


def test_no_composition_rule_applies():
    check_password_rules("toutenminuscules")


def test_hash_is_argon2id_and_verifies():
    hashed = hash_password("un mot de passe solide")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "un mot de passe solide")
    assert not verify_password(hashed, "un autre mot de passe")


def test_verification_without_a_hash_fails():
    assert not verify_password(None, "anything at all")
