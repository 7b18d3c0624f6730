#!/usr/bin/env bash
# Faults under load (issue 11), bounded to a minute or two per database: the server is killed with
# SIGKILL while guardians submit, and every acknowledged application is stored after the restart;
# 100 identical new applications for one child at once are one row and one "create" in its log,
# the rest told the child has applied, never a 500. SQLite always; PostgreSQL when PGURL is set.
# Run by scripts/test with YOUJIAO set.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/youjiao-fault.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else echo "FAIL: $1"; failed=$((failed+1)); fi; }

start_server() {
  port=$((30000 + RANDOM % 10000))
  "$YOUJIAO" serve --port "$port" "${database[@]}" >>"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0; sleep 0.5; done
  return 1
}

run() {
  local kind=$1
  rm -f "$work"/*.csv "$work"/*.tsv "$work"/*.txt
  "$YOUJIAO" seed --demo --scale 0.0001 "${database[@]}" >"$work/seed.log" 2>&1
  check "$kind: the demo city is seeded" '[ $? -eq 0 ]'
  read -r campaign year district <<<"$(sql "SELECT id || ' ' || year || ' ' || district_code FROM campaigns WHERE grade = '1' AND status = 'open' ORDER BY id LIMIT 1")"
  zone=$(sql "SELECT id FROM zones WHERE district_code = '$district' AND primary_school_id IS NOT NULL ORDER BY id LIMIT 1")
  python3 "$root/scripts/failover-load.py" registry --district "$district" --zone "$zone" --year "$year" --guardians 3 --children 100 --out "$work"
  "$YOUJIAO" import students "$work/students.csv" "${database[@]}" >"$work/import.log" 2>&1 \
    && "$YOUJIAO" import guardians "$work/guardians.csv" "${database[@]}" >>"$work/import.log" 2>&1
  check "$kind: 300 children and their guardians are imported" '[ $? -eq 0 ]'
  : >"$work/accounts.tsv"
  for number in $(cut -f1 "$work/plan.tsv" | sort -u); do
    username="fault${number: -4}"; username=${username,,}
    password=$("$YOUJIAO" user create "$username" --role guardian --guardian "$number" "${database[@]}" | sed -n 's/.*shown once: //p')
    printf '%s\t%s\t%s\n' "$username" "$number" "$password" >>"$work/accounts.tsv"
  done
  sql "SELECT id || '	' || name FROM students WHERE name LIKE '演练%'" >"$work/ids.tsv"
  local options=(--campaign "$campaign" --zone "$zone" --accounts "$work/accounts.tsv" --plan "$work/plan.tsv" --ids "$work/ids.tsv")

  start_server
  check "$kind: the server starts" '[ $? -eq 0 ]'
  python3 "$here/fault.py" kill --base "http://127.0.0.1:$port" --pid "$server" --after 40 --acknowledged "$work/acknowledged.txt" "${options[@]}" \
    >"$work/kill.json" 2>"$work/kill.err"
  wait "$server" 2>/dev/null; server=""
  check "$kind: the server was killed after 40 acknowledged submissions" 'grep -q "\"killed\": true" "$work/kill.json"'
  start_server
  check "$kind: the server restarts on the same database" '[ $? -eq 0 ]'
  sql "SELECT student_id FROM applications WHERE campaign_id = '$campaign'" | sort >"$work/stored.txt"
  sort "$work/acknowledged.txt" >"$work/acknowledged.sorted"
  check "$kind: every acknowledged submission is stored ($(wc -l <"$work/acknowledged.txt") acknowledged)" \
    '[ -s "$work/acknowledged.sorted" ] && [ -z "$(comm -23 "$work/acknowledged.sorted" "$work/stored.txt")" ]'

  python3 "$here/fault.py" duplicates --base "http://127.0.0.1:$port" --times 100 "${options[@]}" >"$work/duplicates.json" 2>"$work/duplicates.err"
  local student
  student=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["student"])' "$work/duplicates.json" 2>/dev/null)
  check "$kind: 100 identical applications at once: every answer is a success or 'already applied', none a 500 ($(cat "$work/duplicates.json"))" \
    'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d[\"acknowledged\"] + d[\"already_applied\"] == 100 and d[\"acknowledged\"] >= 1 else 1)" "$work/duplicates.json"'
  check "$kind: ... and they are one application with one 'create' in its log" \
    '[ "$(sql "SELECT count(*) FROM applications WHERE campaign_id = '"'"'$campaign'"'"' AND student_id = '"'"'$student'"'"'")" = 1 ] &&
     [ "$(sql "SELECT count(*) FROM application_changes c JOIN applications a ON a.id = c.application_id WHERE a.student_id = '"'"'$student'"'"'")" = 1 ]'
  kill "$server"; wait "$server" 2>/dev/null; server=""
}

database=(--database "$work/fault.sqlite")
sql() { sqlite3 "$work/fault.sqlite" "$1"; }
run sqlite

if [ -n "${PGURL:-}" ]; then
  admin="${PGURL%/*}/postgres?sslmode=disable"
  psql "$admin" -qc "DROP DATABASE IF EXISTS fault_test" -c "CREATE DATABASE fault_test" >/dev/null 2>&1
  export DATABASE_URL="${PGURL%/*}/fault_test?sslmode=disable"
  keys=$("$YOUJIAO" keys generate)
  export $(echo "$keys" | xargs)
  database=()
  sql() { psql "$DATABASE_URL" -X -q -At -c "$1"; }
  "$YOUJIAO" migrate >/dev/null 2>&1
  run postgres
  unset DATABASE_URL
  psql "$admin" -qc "DROP DATABASE IF EXISTS fault_test" >/dev/null 2>&1
fi
echo "faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
