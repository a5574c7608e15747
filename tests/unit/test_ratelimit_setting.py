"""COCON_RATELIMIT_ENABLED: on by default; the load benchmarks turn it off."""

import pytest

from cocon.errors import ConfigurationError
from webapp.config import load_config


def test_rate_limits_are_on_unless_turned_off():
    assert load_config({})["RATELIMIT_ENABLED"] is True
    assert load_config({"COCON_RATELIMIT_ENABLED": "0"})["RATELIMIT_ENABLED"] is False
    assert load_config({"COCON_RATELIMIT_ENABLED": "yes"})["RATELIMIT_ENABLED"] is True


def test_a_wrong_value_names_the_variable():
    with pytest.raises(ConfigurationError, match="COCON_RATELIMIT_ENABLED"):
        load_config({"COCON_RATELIMIT_ENABLED": "maybe"})
