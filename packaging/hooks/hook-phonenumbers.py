# phonenumbers without its geocoding, carrier and time-zone tables (about 5 MB frozen): the desk
# parses, formats and types numbers, which needs only the metadata of phonenumbers.data.
from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata")
excludedimports = [f"phonenumbers.{name}" for name in UNUSED]


def _wanted(module: str) -> bool:
    parts = module.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=_wanted)
