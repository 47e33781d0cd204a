import pytest
from django.core.exceptions import ValidationError

from platform_.identity.credit_code import check_character, validate_credit_code

# Well-formed codes in the published format (registration authority, division, organisation code, check).
REAL_CODES = ["91330000MA27U0ER13", "91110000802100433B", "91440300708461136T"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code: str) -> None:
    validate_credit_code(code)
    assert check_character(code[:17]) == code[17]


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("91330000MA27U0ER1", "length"),
        ("91330000MA27U0ER1X", "check"),
        ("91330000MA27U0EI13", "charset"),
        ("Z1330000MA27U0ER13", "charset"),
        ("X1330000MA27U0ER13", "authority"),
        ("9133A000MA27U0ER13", "division"),
    ],
)
def test_invalid_codes_name_the_problem(code: str, error: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(code)
    assert caught.value.code == error
