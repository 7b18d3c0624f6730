#!/usr/bin/env bash
# The backup drill: back up a database while the server reads it and the command line writes to it,
# restore into a new database, find the same counts, serve the copy. SQLite always; PostgreSQL
# (pg_dump / pg_restore) when PGURL is set. Run by scripts/test with YOUJIAO set.
set -uo pipefail
work=$(mktemp -d /tmp/youjiao-backup.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else echo "FAIL: $1"; failed=$((failed+1)); fi; }
counts() { grep -E '^  [a-z_]+'$'\t''[0-9]+$' "$1"; }

db="$work/live.sqlite"
"$YOUJIAO" seed --demo --scale 0.005 --database "$db" >/dev/null 2>&1
check "sqlite: the demo city is seeded" '[ -s "$db" ]'
port=$((30000 + RANDOM % 5000))
"$YOUJIAO" serve --database "$db" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

# Load while the copy is taken: pages read, accounts are created (each a write with its audit event).
( for i in $(seq 1 40); do "$YOUJIAO" user create "load$i" --role city-admin --database "$db" >/dev/null 2>&1; done ) &
writer=$!
( for i in $(seq 1 200); do curl -s "http://127.0.0.1:$port/login" >/dev/null; done ) &
reader=$!
sleep 1
"$YOUJIAO" backup --to "$work/copy.sqlite" --database "$db" >"$work/backup.out" 2>"$work/err"; status=$?
wait "$writer" "$reader"
check "sqlite: backup under load succeeds" '[ $status -eq 0 ] && grep -q "backed up" "$work/backup.out"'
check "sqlite: the key file travels with the copy" '[ -s "$work/copy.sqlite.keys" ]'
"$YOUJIAO" backup --to "$work/copy.sqlite" --database "$db" >/dev/null 2>"$work/err"; status=$?
check "sqlite: a backup never overwrites a file" '[ $status -eq 2 ] && grep -q "exists already" "$work/err"'
"$YOUJIAO" backup --to "$work/other.sqlite" --database "$work/typo.sqlite" >/dev/null 2>"$work/err"; status=$?
check "sqlite: a missing database is refused" '[ $status -eq 2 ] && grep -q "no database at" "$work/err" && [ ! -e "$work/typo.sqlite" ]'

"$YOUJIAO" restore --from "$work/copy.sqlite" --database "$work/restored.sqlite" >"$work/restore.out" 2>"$work/err"; status=$?
check "sqlite: restore succeeds with integrity ok" '[ $status -eq 0 ] && grep -q "integrity ok" "$work/restore.out"'
check "sqlite: the restored counts are the backup's" 'diff <(counts "$work/backup.out") <(counts "$work/restore.out") >/dev/null && [ "$(counts "$work/restore.out" | wc -l)" -eq 7 ]'
check "sqlite: the copy holds pupils" 'counts "$work/restore.out" | grep -qE "students.[1-9]"'
"$YOUJIAO" restore --from "$work/copy.sqlite" --database "$work/restored.sqlite" >/dev/null 2>"$work/err"; status=$?
check "sqlite: restore never overwrites a database" '[ $status -eq 2 ] && grep -q "exists already" "$work/err"'
"$YOUJIAO" restore --from "$work/none.sqlite" --database "$work/x.sqlite" >/dev/null 2>"$work/err"; status=$?
check "sqlite: a missing backup is refused" '[ $status -eq 2 ] && grep -q "no backup at" "$work/err"'

kill "$server"; wait "$server" 2>/dev/null
port=$((35000 + RANDOM % 5000))
"$YOUJIAO" serve --database "$work/restored.sqlite" --port "$port" >"$work/serve2.log" 2>&1 &
server=$!
# Ready once the monitoring pages' figures are computed after the start (a second or so here).
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
check "sqlite: the restored copy serves and is ready" '[ "$(curl -s "http://127.0.0.1:$port/readyz")" = "ready" ] && curl -sf "http://127.0.0.1:$port/login" >/dev/null'
kill "$server"; wait "$server" 2>/dev/null; server=""

if [ -n "${PGURL:-}" ]; then
  admin="${PGURL%/*}/postgres?sslmode=disable"
  for name in backup_source backup_restored; do psql "$admin" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null 2>&1; done
  source_url="${PGURL%/*}/backup_source?sslmode=disable"; restored_url="${PGURL%/*}/backup_restored?sslmode=disable"
  keys=$("$YOUJIAO" keys generate)
  export $(echo "$keys" | xargs)
  DATABASE_URL="$source_url" "$YOUJIAO" seed --demo --scale 0.003 >/dev/null 2>&1
  DATABASE_URL="$source_url" "$YOUJIAO" backup --to "$work/pg.dump" >"$work/pgbackup.out" 2>"$work/err"; status=$?
  check "postgres: pg_dump backup succeeds" '[ $status -eq 0 ] && [ -s "$work/pg.dump" ]'
  DATABASE_URL="$restored_url" "$YOUJIAO" restore --from "$work/pg.dump" >"$work/pgrestore.out" 2>"$work/err"; status=$?
  check "postgres: pg_restore into an empty database succeeds" '[ $status -eq 0 ]'
  check "postgres: the restored counts are the source's" 'diff <(counts "$work/pgbackup.out") <(counts "$work/pgrestore.out") >/dev/null && counts "$work/pgrestore.out" | grep -qE "students.[1-9]"'
  for name in backup_source backup_restored; do psql "$admin" -qc "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1; done
fi

echo "backup drill: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
