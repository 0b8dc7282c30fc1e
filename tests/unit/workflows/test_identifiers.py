import pytest

from workflows.errors import InvalidProjectNumber, MissingArgument
from workflows.identifiers import project_action, project_number, user_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-1-NO01-KA229-012345", "2020-1-NO01-KA229-012345"),
        ("2019-1-no01-ka229-060123", "2019-1-NO01-KA229-060123"),
        (" 2021-1-no01-ka220-012345 ", "2021-1-NO01-KA220-012345"),
        # 2021-2027 programme: a field code and a nine-digit serial
        ("2023-1-no01-ka210-sch-000123456", "2023-1-NO01-KA210-SCH-000123456"),
        ("2022-1-NO01-KA122-SCH-000054321", "2022-1-NO01-KA122-SCH-000054321"),
    ],
)
def test_valid_project_numbers_are_normalised(text, expected):
    assert project_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2020-1-NO01-KA229-01234",  # serial too short
        "2023-1-NO01-KA210-SCH-00012345",  # nine digits after a field code
        "2023-1-NO01-KA210-000123456",  # nine digits need the field code
        "2020-4-NO01-KA229-012345",  # no such round
        "1999-1-NO01-KA229-012345",  # before Erasmus+
        "2020-1-NOR1-KA229-012345",
        "2020-1-NO01-KB229-012345",
        "KA229",
        "",
    ],
)
def test_invalid_project_numbers(text):
    with pytest.raises(InvalidProjectNumber):
        project_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U0123ABC", "U0123ABC"),
        ("<@U0123ABC>", "U0123ABC"),
        ("<@U0123ABC|kari>", "U0123ABC"),
        ("@anna", "anna"),
    ],
)
def test_user_ids_and_slack_mentions(text, expected):
    assert user_id(text) == expected


def test_a_user_id_with_spaces_or_symbols_is_refused():
    with pytest.raises(MissingArgument):
        user_id("<b>kari</b>")


def test_a_project_number_names_its_action() -> None:
    assert project_action("2020-1-NO01-KA229-012345") == "KA229"
    assert project_action("2023-1-no01-ka210-sch-000123456") == "KA210"
    assert project_action("not a number") is None
