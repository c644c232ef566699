"""The closed sets of the product carry the exact words the desk sees."""

from __future__ import annotations

import pickle

import pytest

from contact_desk.domain.enums import (
    CommunicationPreference,
    ContactKind,
    ContactPointType,
    ContactRole,
    ContactStatus,
    LabelledEnum,
    Permission,
    ProgramState,
    Source,
)

ALL_ENUMS = LabelledEnum.__subclasses__()


def _labels(enum: type[LabelledEnum]) -> list[str]:
    return [member.label for member in enum]


def test_contact_point_types_use_the_words_of_the_product() -> None:
    assert _labels(ContactPointType) == [
        "Cell Phone Number in DMS",
        "Home Phone Number in DMS",
        "Work Phone Number in DMS",
        "Phone Number Customer Added",
        "Phone Number Dealer Added",
        "Email in DMS",
        "Email Customer Added",
        "Email Dealer Added",
    ]


def test_statuses_are_active_inactive_and_invalid() -> None:
    assert _labels(ContactStatus) == ["Active", "Inactive", "Invalid"]


def test_roles_of_an_additional_contact() -> None:
    assert _labels(ContactRole) == ["Spouse", "Assistant", "Bookkeeper", "Vehicle manager", "Other"]


def test_communication_preferences() -> None:
    assert _labels(CommunicationPreference) == [
        "Scheduling",
        "Car Updates",
        "Contracts",
        "Invoices",
        "Estimates",
        "Marketing",
    ]


def test_program_states() -> None:
    assert _labels(ProgramState) == ["Quote", "Not yet active", "Active", "Closed"]


def test_the_label_is_the_value_and_the_name_is_what_is_stored() -> None:
    assert ContactPointType.DMS_CELL.label == "Cell Phone Number in DMS"
    assert ContactPointType.DMS_CELL.name == "DMS_CELL"


@pytest.mark.parametrize(
    ("point_type", "kind", "source", "dms_field"),
    [
        (ContactPointType.DMS_CELL, ContactKind.PHONE, Source.DMS, "cell_phone"),
        (ContactPointType.DMS_HOME, ContactKind.PHONE, Source.DMS, "home_phone"),
        (ContactPointType.DMS_WORK, ContactKind.PHONE, Source.DMS, "work_phone"),
        (ContactPointType.CUSTOMER_PHONE, ContactKind.PHONE, Source.CUSTOMER, None),
        (ContactPointType.DEALER_PHONE, ContactKind.PHONE, Source.DEALER, None),
        (ContactPointType.DMS_EMAIL, ContactKind.EMAIL, Source.DMS, "email"),
        (ContactPointType.CUSTOMER_EMAIL, ContactKind.EMAIL, Source.CUSTOMER, None),
        (ContactPointType.DEALER_EMAIL, ContactKind.EMAIL, Source.DEALER, None),
    ],
)
def test_each_type_knows_its_kind_source_and_dms_column(
    point_type: ContactPointType, kind: ContactKind, source: Source, dms_field: str | None
) -> None:
    assert point_type.kind is kind
    assert point_type.source is source
    assert point_type.dms_field == dms_field


def test_the_type_label_names_what_its_kind_and_source_say() -> None:
    for point_type in ContactPointType:
        words = point_type.label
        assert ("Phone" in words) == (point_type.kind is ContactKind.PHONE)
        assert ("DMS" in words) == (point_type.source is Source.DMS)


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        (Source.CUSTOMER, ContactKind.PHONE, ContactPointType.CUSTOMER_PHONE),
        (Source.DEALER, ContactKind.PHONE, ContactPointType.DEALER_PHONE),
        (Source.CUSTOMER, ContactKind.EMAIL, ContactPointType.CUSTOMER_EMAIL),
        (Source.DEALER, ContactKind.EMAIL, ContactPointType.DEALER_EMAIL),
    ],
)
def test_a_value_added_by_hand_takes_the_type_of_who_added_it(
    source: Source, kind: ContactKind, expected: ContactPointType
) -> None:
    point_type = ContactPointType.added_by(source, kind)

    assert point_type is expected
    assert point_type.source is source
    assert point_type.kind is kind


@pytest.mark.parametrize("kind", list(ContactKind))
def test_a_dms_value_is_not_added_by_hand(kind: ContactKind) -> None:
    with pytest.raises(ValueError, match="DMS values take the type of their DMS field"):
        ContactPointType.added_by(Source.DMS, kind)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("cell_phone", ContactPointType.DMS_CELL),
        ("home_phone", ContactPointType.DMS_HOME),
        ("work_phone", ContactPointType.DMS_WORK),
        ("email", ContactPointType.DMS_EMAIL),
    ],
)
def test_each_dms_contact_column_has_its_type(field: str, expected: ContactPointType) -> None:
    assert ContactPointType.for_dms_field(field) is expected


@pytest.mark.parametrize("field", ["first_name", "fax", "", "Cell_Phone"])
def test_a_column_that_is_not_a_dms_contact_field_has_no_type(field: str) -> None:
    with pytest.raises(ValueError, match="is not a DMS contact field"):
        ContactPointType.for_dms_field(field)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cell Phone Number in DMS", ContactPointType.DMS_CELL),
        ("cell phone number in dms", ContactPointType.DMS_CELL),
        ("  Email Dealer Added  ", ContactPointType.DEALER_EMAIL),
        ("DMS_CELL", ContactPointType.DMS_CELL),
        ("dms_email", ContactPointType.DMS_EMAIL),
    ],
)
def test_from_label_reads_a_label_or_a_name_in_any_case(
    text: str, expected: ContactPointType
) -> None:
    assert ContactPointType.from_label(text) is expected


@pytest.mark.parametrize(
    ("enum", "text", "expected"),
    [
        (ContactRole, "vehicle MANAGER", ContactRole.VEHICLE_MANAGER),
        (ContactRole, "vehicle_manager", ContactRole.VEHICLE_MANAGER),
        (CommunicationPreference, "car updates", CommunicationPreference.CAR_UPDATES),
        (ContactStatus, "INVALID", ContactStatus.INVALID),
        (ProgramState, "not yet active", ProgramState.NOT_YET_ACTIVE),
    ],
)
def test_from_label_works_on_every_labelled_set(
    enum: type[LabelledEnum], text: str, expected: LabelledEnum
) -> None:
    assert enum.from_label(text) is expected


def test_from_label_refuses_an_unknown_word_and_lists_the_choices() -> None:
    with pytest.raises(ValueError) as raised:
        ContactRole.from_label("Uncle")

    assert str(raised.value) == (
        "'Uncle' is not one of: Spouse, Assistant, Bookkeeper, Vehicle manager, Other"
    )


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda enum: enum.__name__)
def test_every_member_reads_back_from_its_label_and_its_name(enum: type[LabelledEnum]) -> None:
    # Also proves no label of one member is the label or name of another.
    for member in enum:
        assert enum.from_label(member.label) is member
        assert enum.from_label(member.name) is member
        assert enum.from_label(member.label.upper()) is member


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda enum: enum.__name__)
def test_no_two_members_share_a_label(enum: type[LabelledEnum]) -> None:
    # A repeated value would silently turn a member into an alias of another.
    labels = [member.label for member in enum]
    assert len(labels) == len(set(labels)) == len(enum.__members__)


def test_every_permission_label_reads_as_an_action() -> None:
    for permission in Permission:
        assert permission.label[0].isupper()
        assert not permission.label.endswith(".")


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_a_member_sent_to_another_process_comes_back_as_itself(protocol: int) -> None:
    members = [member for enum in ALL_ENUMS for member in enum]

    assert pickle.loads(pickle.dumps(members, protocol)) == members
    assert all(back is member for back, member
               in zip(pickle.loads(pickle.dumps(members, protocol)), members))


def test_members_are_told_apart_as_keys() -> None:
    members = [member for enum in ALL_ENUMS for member in enum]
    keyed = {member: member.name for member in members}

    assert len(keyed) == len(members)
    assert all(keyed[member] == member.name for member in members)
