"""A deal from an ADF lead keeps its source; vehicles join a deal only while it is open."""

from __future__ import annotations

import pytest

from contact_desk.domain.deal import (
    check_can_add_vehicle,
    check_source_change,
    deal_vehicle_kind,
    why_source_locked,
)
from contact_desk.domain.enums import DealStage, DealVehicleKind
from contact_desk.domain.errors import InvalidValue, NotAllowed


def test_a_locked_source_says_which_lead_provider_it_came_from():
    assert why_source_locked(True, "Cars.com") == (
        "This deal came from an ADF lead from Cars.com: its source cannot change.")
    assert why_source_locked(True, "") == (
        "This deal came from an ADF lead: its source cannot change.")
    assert why_source_locked(False, "Walk-in") is None


def test_a_source_is_tidied_and_refused_when_locked_empty_or_too_long():
    assert check_source_change(False, "Walk-in", "  Phone   up ") == "Phone up"
    with pytest.raises(NotAllowed, match="from Cars.com: its source cannot change"):
        check_source_change(True, "Cars.com", "Walk-in")
    with pytest.raises(InvalidValue, match="Choose where the deal came from"):
        check_source_change(False, "Walk-in", "")
    with pytest.raises(InvalidValue, match="at most 120"):
        check_source_change(False, "Walk-in", "x" * 121)


@pytest.mark.parametrize("stage", list(DealStage))
def test_vehicles_join_only_an_open_deal(stage):
    if stage.is_open:
        check_can_add_vehicle(stage)
    else:
        with pytest.raises(NotAllowed, match="only to an open deal"):
            check_can_add_vehicle(stage)


@pytest.mark.parametrize(("said", "kind"), [
    ("interested", DealVehicleKind.INTERESTED), ("trade-in", DealVehicleKind.TRADE_IN),
    ("Trade-in", DealVehicleKind.TRADE_IN), (DealVehicleKind.TRADE_IN, DealVehicleKind.TRADE_IN),
    ("TRADE_IN", DealVehicleKind.TRADE_IN),
])
def test_the_kind_of_deal_vehicle_is_read_from_the_words_the_panel_uses(said, kind):
    assert deal_vehicle_kind(said) is kind


def test_another_kind_of_deal_vehicle_is_refused():
    with pytest.raises(InvalidValue, match="'lease' is not a deal vehicle"):
        deal_vehicle_kind("lease")
