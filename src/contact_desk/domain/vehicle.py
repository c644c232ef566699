"""A vehicle as the desk types it (VIN, year, make, model), checked before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.limits import MAX_MAKE, MAX_MODEL
from contact_desk.domain.vin import check_vin

FIRST_YEAR = 1900


@dataclass(frozen=True)
class VehicleDetails:
    vin: str
    year: int | None
    make: str
    model: str

    @property
    def title(self) -> str:
        return " ".join(str(part) for part in (self.year, self.make, self.model) if part)


def check_vehicle(
    vin: str | None,
    year: int | None,
    make: str,
    model: str,
    *,
    vin_required: bool = True,
    today: date | None = None,
) -> VehicleDetails:
    """The vehicle as stored. A vehicle someone owns has a VIN; one they want may not yet."""
    vin_text = (vin or "").strip()
    if vin_text or vin_required:
        vin_text = check_vin(vin_text)
    latest = (today or date.today()).year + 2  # next year's models are sold from spring
    if year is not None and not FIRST_YEAR <= year <= latest:
        raise InvalidValue(f"The model year must lie between {FIRST_YEAR} and {latest}.",
                           field="year")
    make, model = " ".join((make or "").split()), " ".join((model or "").split())
    if not make:
        raise InvalidValue("Type the make of the vehicle (Honda, Ford...).", field="make")
    if not model:
        raise InvalidValue("Type the model of the vehicle (Civic, F-150...).", field="model")
    if len(make) > MAX_MAKE:
        raise InvalidValue(f"A make can be at most {MAX_MAKE} characters.", field="make")
    if len(model) > MAX_MODEL:
        raise InvalidValue(f"A model can be at most {MAX_MODEL} characters.", field="model")
    return VehicleDetails(vin=vin_text, year=year, make=make, model=model)
