from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from borderpro.common.ids import CODE_ALPHABET, new_code, uuid7


def test_uuid7_is_version_7_and_time_ordered() -> None:
    ids = [uuid7() for _ in range(200)]
    assert all(u.version == 7 for u in ids)
    assert [u.int >> 80 for u in ids] == sorted(u.int >> 80 for u in ids)
    assert len(set(ids)) == len(ids)


@given(st.integers(min_value=4, max_value=32))
def test_codes_use_only_unambiguous_characters(length: int) -> None:
    code = new_code(length)
    assert len(code) == length
    assert set(code) <= set(CODE_ALPHABET)
    assert not set(code) & set("0o1il")
