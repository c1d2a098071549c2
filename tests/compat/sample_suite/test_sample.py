"""A tiny suite that pytest-monitor measures and uploads to the mock (not run directly)."""

import pytest


def test_sum():
    assert sum(range(100)) == 4950


def test_join():
    assert "-".join("abc") == "a-b-c"


@pytest.mark.parametrize("n", [1, 2])
def test_square(n):
    assert n * n == n**2
