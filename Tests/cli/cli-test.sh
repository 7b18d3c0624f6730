#!/usr/bin/env bash
# The command line on real files and real databases: import refuses bad files with exit status 2
# and stores nothing; export writes what import reads. Run by scripts/test with YOUJIAO and PGURL set.
set -uo pipefail
work=$(mktemp -d /tmp/youjiao-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else echo "FAIL: $1"; failed=$((failed+1)); fi; }

yj() { "$YOUJIAO" "$@" "${dbopt[@]}"; }

run_suite() {
  local label=$1; shift
  dbopt=("$@")
  cat > "$work/districts.csv" <<'CSV'
code,name,zone_kind
310101,黄浦区,central
310104,徐汇区,central
CSV
  check "$label: import districts" 'yj import districts "$work/districts.csv" >/dev/null 2>"$work/err"'
  printf 'code,name\n310105,长宁区\n' > "$work/missing.csv"
  yj import districts "$work/missing.csv" >/dev/null 2>"$work/err"; status=$?
  check "$label: missing column exits 2" '[ $status -eq 2 ]'
  check "$label: missing column names file, row and field" 'grep -q "missing.csv: row 1, field zone_kind" "$work/err"'
  printf 'code,name,zone_kind\n310105,长宁区,central\n31010X,坏区,central\n' > "$work/bad.csv"
  yj import districts "$work/bad.csv" >/dev/null 2>"$work/err"; status=$?
  check "$label: bad row exits 2" '[ $status -eq 2 ]'
  check "$label: bad row is named" 'grep -q "bad.csv: row 3, field code" "$work/err"'
  yj export districts > "$work/export.csv" 2>/dev/null
  check "$label: nothing of a bad file is stored" '! grep -q 310105 "$work/export.csv"'
  check "$label: export equals the imported file" 'diff -q "$work/districts.csv" "$work/export.csv" >/dev/null'
  yj export districts --format json > "$work/export.json" 2>/dev/null
  check "$label: JSON export parses" 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==2 and d[0][\"code\"]==\"310101\"" "$work/export.json"'
}

run_suite sqlite --database "$work/cli.sqlite"
if [ -n "${PGURL:-}" ]; then
  # A database of its own on the throwaway server.
  dbname="yj_cli_$RANDOM$RANDOM"
  psql "$PGURL" -qc "CREATE DATABASE $dbname" >/dev/null
  DATABASE_URL="${PGURL/youjiao_test/$dbname}" run_suite postgres
fi
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
