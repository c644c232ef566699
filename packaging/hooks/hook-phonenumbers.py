# phonenumbers without its geocoding and carrier tables (about 5 MB frozen): the desk parses,
# formats and types numbers, which needs the metadata of phonenumbers.data, and reads a
# number's time zones (phonenumbers.timezone and its 250 KB of tzdata) for quiet hours; the
# state of an area code comes from the desk's own resources/area_codes.json.
from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("geocoder", "geodata", "carrier", "carrierdata")
excludedimports = [f"phonenumbers.{name}" for name in UNUSED]


def _wanted(module: str) -> bool:
    parts = module.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=_wanted)
