#!/usr/bin/env bash
# test/fixtures/libreoffice/: example workbooks as LibreOffice Calc saves them (issue 12), for
# test/cli/libreoffice.test.ts. Each is made by LibreOffice itself, not by Jixiao:
#   <name>.lo.xlsx        examples/<name>.xlsx opened and saved again as .xlsx  (xlsx -> xlsx)
#   <name>.from-ods.xlsx  examples/<name>.xlsx saved as .ods, that saved as .xlsx  (ods -> xlsx)
# Run from the repository root: bash tools/examples/libreoffice-fixtures.sh
set -euo pipefail
out=test/fixtures/libreoffice
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
profile="-env:UserInstallation=file://$tmp/profile"
mkdir -p "$out" "$tmp/xlsx" "$tmp/ods" "$tmp/ods-xlsx"
for name in seed000-stacked seed001 seed002; do
  soffice "$profile" --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/xlsx" "examples/$name.xlsx" >/dev/null
  cp "$tmp/xlsx/$name.xlsx" "$out/$name.lo.xlsx"
  soffice "$profile" --headless --convert-to ods --outdir "$tmp/ods" "examples/$name.xlsx" >/dev/null
  soffice "$profile" --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/ods-xlsx" "$tmp/ods/$name.ods" >/dev/null
  cp "$tmp/ods-xlsx/$name.xlsx" "$out/$name.from-ods.xlsx"
done
ls -l "$out"
