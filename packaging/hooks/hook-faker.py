# Faker with the English locales only: the demo data is made with Faker("en_US"), and the other
# 80-odd locales would add about 11 MB. Faker finds its locales by listing the provider folders
# of the bundle, so the kept ones travel both as modules and as files (as in PyInstaller's hook).
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, get_package_paths

# en_GB: the bank provider has no en_US and falls back to it; la: lorem's own default.
KEPT_LOCALES = {"en", "en_US", "en_GB", "la"}

providers = Path(get_package_paths("faker.providers")[1])
unused = sorted(
    f"{folder.parent.name}/{folder.name}"
    for folder in providers.glob("*/*/")
    if folder.name != "__pycache__" and folder.name not in KEPT_LOCALES
)


def _wanted(module: str) -> bool:
    parts = module.split(".")
    return len(parts) < 4 or parts[3] in KEPT_LOCALES  # faker.providers.PROVIDER.LOCALE


hiddenimports = collect_submodules("faker.providers", filter=_wanted)
datas = collect_data_files("text_unidecode") + collect_data_files(
    "faker.providers", include_py_files=True, excludes=[*unused, "**/__pycache__"])
