"""The area code table of resources/area_codes.json, derived from phonenumbers' geocoder.

The desk leaves the geocoder out (40 MB of tables; 100 MB of memory once loaded) and reads
the small table instead; tests/domain/test_time_zones.py checks that the two agree. After a
phonenumbers upgrade adds area codes, write the table again:

    .venv/bin/python -m tests.domain.area_code_table
"""

from __future__ import annotations

import json
from pathlib import Path

from phonenumbers.geodata import GEOCODE_DATA

from contact_desk.domain.time_zones import AREA_CODE_FILE, STATES, state_code

TABLE = Path(__file__).resolve().parents[2] / "src" / "contact_desk" / "resources" / AREA_CODE_FILE
_NAMES = {"Washington State": "WA", "Washington D.C.": "DC"}


def _state(description: str) -> str | None:
    """The state a description names: "Florida", "Chicago, IL", "Washington State"."""
    if description in _NAMES:
        return _NAMES[description]
    if "," in description:
        code = description.rsplit(",", 1)[1].strip()
        return code if code in STATES else None
    return state_code(description)


def derived() -> dict[str, list[str]]:
    """Each US area code and the states its described prefixes name (201 has a prefix
    described as New York): area codes of Canada and the Caribbean name none."""
    found: dict[str, set[str]] = {}
    for prefix, names in GEOCODE_DATA.items():
        if not prefix.startswith("1") or len(prefix) < 4:
            continue
        state = _state(names.get("en", ""))
        if state is not None:
            found.setdefault(prefix[1:4], set()).add(state)
    return {area: sorted(states) for area, states in sorted(found.items())}


ABOUT = ("US area code -> states, derived from phonenumbers' geocoder by "
         "tests/domain/area_code_table.py; write it again with "
         "`python -m tests.domain.area_code_table`.")


def main() -> None:
    rows = ",\n".join(f"  {json.dumps(area)}: {json.dumps(states)}"
                      for area, states in derived().items())
    TABLE.write_text(f'{{\n "about": {json.dumps(ABOUT)},\n "area_codes": {{\n{rows}\n }}\n}}\n',
                     encoding="utf-8")


if __name__ == "__main__":
    main()
