import pytest


@pytest.fixture
def app(make_app):
    # The admin API reaches every backend through the state; no other spec is needed.
    return make_app(apis=("admin",))
