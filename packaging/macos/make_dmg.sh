#!/usr/bin/env bash
# The macOS disk image of Contact Desk: the .app beside a link to Applications, so a desk
# installs it by dragging. Build "dist/Contact Desk.app" first (python3 dev.py build), then
# from the repository root:
#
#     bash packaging/macos/make_dmg.sh 0.1.0
#
# The image lands in dist/ContactDesk-VERSION.dmg. hdiutil comes with macOS.
set -euo pipefail
cd "$(dirname "$0")/../.."

version="${1:?usage: make_dmg.sh VERSION}"
app="dist/Contact Desk.app"
dmg="dist/ContactDesk-${version}.dmg"
[ -d "$app" ] || { echo "make_dmg.sh: $app is missing; build it first" >&2; exit 1; }

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Contact Desk" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
echo "Built $dmg"
