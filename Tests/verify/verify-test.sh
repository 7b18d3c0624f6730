#!/usr/bin/env bash
# verify.py, the single-file Python verifier the public page offers, against the engine: on
# generated instances in every setting (immediate, deferred, no-private-penalty) the engine's
# results.csv must be recomputed byte for byte from the files and the seed's ingredients; a changed
# row must be named (exit 1); bad input must be refused with file, row and field (exit 2), as the
# engine refuses it. Run by scripts/test with YOUJIAO set to the youjiao binary.
set -uo pipefail
: "${YOUJIAO:?set YOUJIAO to the youjiao binary}"
here=$(cd "$(dirname "$0")" && pwd)
verify="$here/../../Sources/YoujiaoWeb/Public/verify.py"
work=$(mktemp -d /tmp/youjiao-verify.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else echo "FAIL: $1"; failed=$((failed+1)); return 1; fi; }

# The seed's ingredients as a campaign publishes them (§6 of docs/enrollment.md); the secret is
# not ASCII so that the seed's UTF-8 concatenation is exercised.
beacon="drand-quicknet-round-4521000"
secret="公证处-secret-2027"
commitment=$(printf '%s' "$secret" | sha256sum | cut -c1-64)
declare -A options=([immediate]="" [deferred]="--private-mechanism deferred" [no-private-penalty]="--no-private-penalty")
settings=(immediate deferred no-private-penalty)
routes_seen=""

# name | generator arguments
while IFS='|' read -r name arguments; do
  dir="$work/$name"
  # shellcheck disable=SC2086
  python3 "$here/generate.py" --out "$dir" $arguments
  hash=$("$YOUJIAO" enroll commit --applicants "$dir/applicants.csv" 2>"$dir/err")
  seed=$(printf '%s' "$beacon$secret$hash" | sha256sum | cut -c1-64)
  for setting in "${settings[@]}"; do
    # shellcheck disable=SC2086
    "$YOUJIAO" enroll run --schools "$dir/schools.csv" --applicants "$dir/applicants.csv" --seed "$seed" \
      --out "$dir/$setting.csv" ${options[$setting]} >/dev/null 2>"$dir/err"
    check "$name/$setting: the engine runs" '[ $? -eq 0 ]'
    rows=$(( $(wc -l < "$dir/$setting.csv") - 1 ))
    # shellcheck disable=SC2086
    python3 "$verify" enroll --schools "$dir/schools.csv" --applicants "$dir/applicants.csv" --results "$dir/$setting.csv" \
      --beacon "$beacon" --secret "$secret" --commitment "$commitment" --list-hash "$hash" ${options[$setting]} >"$dir/out" 2>&1
    status=$?
    check "$name/$setting: verify.py agrees on all $rows rows" '[ $status -eq 0 ] && grep -q "^OK: $rows rows agree$" "$dir/out"' \
      || sed 's/^/    /' "$dir/out"
    check "$name/$setting: verify.py recomputed the list hash and the seed" 'grep -q "$hash" "$dir/out" && grep -q "$seed" "$dir/out"'
    routes_seen+=$(cut -d, -f3 "$dir/$setting.csv" | sort -u | tr '\n' ' ')
  done
  # The settings matter on these instances, so verifying with the wrong one must fail.
  check "$name: deferred differs from immediate" '! cmp -s "$dir/immediate.csv" "$dir/deferred.csv"'
  python3 "$verify" enroll --schools "$dir/schools.csv" --applicants "$dir/applicants.csv" --results "$dir/deferred.csv" \
    --seed "$seed" >"$dir/out" 2>&1
  check "$name: deferred results fail under the immediate setting" '[ $? -eq 1 ]'
  check "$name: no-private-penalty differs from immediate" '! cmp -s "$dir/immediate.csv" "$dir/no-private-penalty.csv"'
done <<'INSTANCES'
awkward ids, number spellings, BOM and CR LF|--applicants 400 --awkward --seed 3
GBK schools.csv|--applicants 800 --gbk --seed 4
medium|--applicants 6000 --districts 6 --seed 5
crowded, children unplaced|--applicants 3000 --seats 0.7 --seed 6
INSTANCES

for route in private catchment coordinated unplaced; do
  check "some instance has route $route" '[[ " $routes_seen " == *" $route "* ]]'
done
check "the crowded instance leaves children unplaced in every setting" \
  '[ $(cat "$work/crowded, children unplaced/"*.csv | grep -c ",unplaced,") -ge 30 ]'

# The worked example of docs/enrollment.md §13: its files, ingredients and results, as printed there.
example="$work/example"
python3 - "$here/../../docs/enrollment.md" "$example" <<'PY'
import os, re, sys
os.makedirs(sys.argv[2])
for block in re.findall(r"```\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S):
    for name, header in (("schools.csv", "school_id,name,"), ("applicants.csv", "applicant_id,district,"), ("results.csv", "applicant_id,school_id,")):
        if block.startswith(header):
            open(os.path.join(sys.argv[2], name), "w", encoding="utf-8").write(block)
PY
python3 "$verify" enroll --schools "$example/schools.csv" --applicants "$example/applicants.csv" --results "$example/results.csv" \
  --beacon drand-quicknet-round-1234567 --secret notary-secret-2026 --commitment 26c9c73da6a39afb0e2836fe4d9e0442ce063e52c63eebd24fd3531102ef25b0 \
  --list-hash 7b8572d73c33a3a6bfced11ed75b5efd1485f869918c04b4bde1edead2e5b16f >"$work/out" 2>&1
check "the worked example of docs/enrollment.md §13 agrees" '[ $? -eq 0 ] && grep -q "^OK: 7 rows agree$" "$work/out" && grep -q "3738ab8181104fb44cd4b12316cf4d82c60bf6cbb404af14f3ec123305c37d53" "$work/out"'

# The seed, its ingredients and the list hash are checked, not trusted.
dir="$work/medium"
hash=$("$YOUJIAO" enroll commit --applicants "$dir/applicants.csv")
seed=$(printf '%s' "$beacon$secret$hash" | sha256sum | cut -c1-64)
v() { python3 "$verify" enroll --schools "$dir/schools.csv" --applicants "$dir/applicants.csv" --results "$dir/immediate.csv" "$@" >"$dir/out" 2>"$dir/err"; }
v --seed "$(echo "$seed" | tr a-f A-F)"
check "the seed itself (upper-case hex) instead of its ingredients" '[ $? -eq 0 ] && grep -q "^OK: 6000 rows agree$" "$dir/out"'
v --beacon "$beacon" --secret "other secret" --commitment "$commitment"
check "a secret that does not match the commitment exits 1" '[ $? -eq 1 ] && grep -q "commitment" "$dir/out"'
v --beacon "$beacon-1" --secret "$secret"
check "another beacon value gives another draw: exit 1" '[ $? -eq 1 ] && grep -q "DIFFERENT: results.csv row 2$" "$dir/out"'
v --beacon "$beacon" --secret "$secret" --list-hash "$(printf '0%.0s' {1..64})"
check "a published list hash that is not the list's exits 1" '[ $? -eq 1 ] && grep -q "list hash" "$dir/out"'
v --beacon "$beacon" --secret "$secret" --seed "$(printf '0%.0s' {1..64})"
check "a --seed other than the ingredients' exits 1" '[ $? -eq 1 ]'

# A changed row is named, with both versions: here row 100 moves its child to another route.
cp "$dir/immediate.csv" "$dir/tampered.csv"
original=$(sed -n 100p "$dir/tampered.csv")
python3 - "$dir/tampered.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
cells = lines[99].split(",")
cells[1:5] = ["", "unplaced", "", ""] if cells[2] != "unplaced" else ["3101010000", "coordinated", "", "1"]
lines[99] = ",".join(cells)
open(path, "w", encoding="utf-8", newline="").write("\n".join(lines))
PY
changed=$(sed -n 100p "$dir/tampered.csv")
v --seed "$seed" --results "$dir/tampered.csv"
check "a changed row exits 1" '[ $? -eq 1 ]'
check "the changed row is named with both versions" 'grep -q "^DIFFERENT: results.csv row 100$" "$dir/out" && grep -qF "published:  $changed" "$dir/out" && grep -qF "recomputed: $original" "$dir/out"'
head -c -1 "$dir/immediate.csv" > "$dir/tampered.csv"
v --seed "$seed" --results "$dir/tampered.csv"
check "a results file without its last line end exits 1" '[ $? -eq 1 ]'

# Bad input: verify.py exits 2 naming file, row and field, and so does the engine.
# name | file | sed expression | expected "file: row N, field F"
good="$work/medium"
bad="$work/bad"
while IFS='|' read -r name file edit expected; do
  rm -rf "$bad"; cp -r "$good" "$bad"
  LC_ALL=C sed -i "$edit" "$bad/$file"
  python3 "$verify" enroll --schools "$bad/schools.csv" --applicants "$bad/applicants.csv" --results "$bad/immediate.csv" \
    --seed "$seed" >"$bad/out" 2>"$bad/err"
  status=$?
  check "verify.py: $name exits 2" '[ $status -eq 2 ]'
  check "verify.py: $name is named ($expected)" 'grep -qF "$expected" "$bad/err"' || sed 's/^/    /' "$bad/err"
  "$YOUJIAO" enroll run --schools "$bad/schools.csv" --applicants "$bad/applicants.csv" --seed "$seed" --out "$bad/engine.csv" \
    >/dev/null 2>"$bad/engine-err"
  status=$?
  check "engine: $name exits 2 and names the same place" '[ $status -eq 2 ] && grep -qF "$expected" "$bad/engine-err"'
done <<'CASES'
a tier that is not a whole number|applicants.csv|5s/,\([0-9]*\),\([0-9]*\),备注/,x\1,\2,备注/|applicants.csv: row 5, field tier
a tier of 0|applicants.csv|7s/,\([0-9]*\),\([0-9]*\),备注/,0,\2,备注/|applicants.csv: row 7, field tier
years above 150|applicants.csv|9s/,\([0-9]*\),备注/,151,备注/|applicants.csv: row 9, field years
a latitude written 1_0|applicants.csv|4s/^\([a-z]*\),\([^,]*\),\([^,]*\),\([^,]*\),[^,]*,/\1,\2,\3,\4,1_0,/|applicants.csv: row 4, field lat
a latitude of 1e400|applicants.csv|4s/^\([a-z]*\),\([^,]*\),\([^,]*\),\([^,]*\),[^,]*,/\1,\2,\3,\4,1e400,/|applicants.csv: row 4, field lat
a track that is neither|applicants.csv|6s/^public,/Public,/|applicants.csv: row 6, field track
a zone nobody serves|applicants.csv|8s/,3101\([0-9]*\)-Z/,9999\1-Z/|applicants.csv: row 8, field zone
a row with a cell too many|applicants.csv|10s/备注/备注,extra/|applicants.csv: row 10, field
a quote inside an unquoted cell|applicants.csv|11s/备注/备"注/|applicants.csv: row 11
a missing column|schools.csv|1s/,zones$/,zone/|schools.csv: row 1, field zones
a negative capacity|schools.csv|3s/,no,\([0-9]*\),/,no,-\1,/|schools.csv: row 3, field capacity
a boarding cell that is not yes or no|schools.csv|2s/,no,/,maybe,/|schools.csv: row 2, field boarding
a zone served by two public schools|schools.csv|5s/,[^,]*$/,310101-Z2-0/|schools.csv: row 5, field zones
a zone named twice by one school|schools.csv|4s/,[^,]*$/,310101-Z2-0;310101-Z2-0/|schools.csv: row 4, field zones
CASES

python3 "$verify" enroll --schools "$good/schools.csv" --applicants "$good/applicants.csv" --results "$good/immediate.csv" \
  --seed 0123 >/dev/null 2>"$work/err"
check "a seed that is not 64 hex digits exits 2" '[ $? -eq 2 ] && grep -q "field seed" "$work/err"'
python3 "$verify" enroll --schools "$good/schools.csv" --applicants "$good/missing.csv" --results "$good/immediate.csv" \
  --seed "$seed" >/dev/null 2>"$work/err"
check "a file that cannot be read exits 2" '[ $? -eq 2 ] && grep -q "applicants.csv: field file" "$work/err"'

# 中考 (docs/zhongkao.md): the default rounds, Shanghai's with control scores, and an order where
# empty quota seats stay empty; ties through both tie-break columns down to the lottery.
zk_routes=""
while IFS='|' read -r name arguments; do
  dir="$work/zhongkao-$name"
  # shellcheck disable=SC2086
  python3 "$here/generate_zhongkao.py" --out "$dir" $arguments
  inputs=(--high-schools "$dir/high-schools.csv" --quotas "$dir/quotas.csv" --candidates "$dir/candidates.csv" --tie-break math,chinese)
  [ -e "$dir/rounds.csv" ] && inputs+=(--rounds "$dir/rounds.csv")
  hash=$("$YOUJIAO" zhongkao commit --candidates "$dir/candidates.csv" --tie-break math,chinese 2>"$dir/err")
  "$YOUJIAO" zhongkao run "${inputs[@]}" --seed "$seed" --out "$dir/results.csv" >/dev/null 2>"$dir/err"
  check "zhongkao $name: the engine runs" '[ $? -eq 0 ]' || cat "$dir/err"
  rows=$(( $(wc -l < "$dir/results.csv") - 1 ))
  python3 "$verify" zhongkao "${inputs[@]}" --seed "$seed" --list-hash "$hash" --results "$dir/results.csv" >"$dir/out" 2>&1
  check "zhongkao $name: verify.py agrees on all $rows rows and the list hash" '[ $? -eq 0 ] && grep -q "^OK: $rows rows agree$" "$dir/out"' \
    || sed 's/^/    /' "$dir/out"
  zk_routes+=$(cut -d, -f3 "$dir/results.csv" | sort -u | tr '\n' ' ')
done <<'INSTANCES'
shanghai rounds|--candidates 4000 --rounds-file shanghai --seed 7
default rounds|--candidates 3000 --rounds-file default --seed 8
empty quota seats stay empty|--candidates 2000 --rounds-file no-move --seed 9
INSTANCES
for route in quota-district quota-school unified pre-admitted unadmitted; do
  check "zhongkao: some instance has route $route" '[[ " $zk_routes " == *" $route "* ]]'
done
dir="$work/zhongkao-shanghai rounds"
inputs=(--high-schools "$dir/high-schools.csv" --quotas "$dir/quotas.csv" --candidates "$dir/candidates.csv" --tie-break math,chinese --rounds "$dir/rounds.csv")
python3 - "$dir/results.csv" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
cells = lines[49].split(",")
cells[1:4] = ["", "unadmitted", ""] if cells[2] != "unadmitted" else ["H000", "unified", "1"]
lines[49] = ",".join(cells)
open(sys.argv[1], "w", encoding="utf-8", newline="").write("\n".join(lines))
PY
python3 "$verify" zhongkao "${inputs[@]}" --seed "$seed" --results "$dir/results.csv" >"$dir/out" 2>&1
check "zhongkao: a changed row is named" '[ $? -eq 1 ] && grep -q "^DIFFERENT: results.csv row 50$" "$dir/out"'
python3 "$verify" zhongkao "${inputs[@]}" --seed "$seed" --list-hash "$(printf '0%.0s' {1..64})" --results "$dir/results.csv" >"$dir/out" 2>&1
check "zhongkao: a list hash that is not the list's exits 1" '[ $? -eq 1 ]'
while IFS='|' read -r name file edit expected; do
  rm -rf "$bad"; cp -r "$dir" "$bad"
  sed -i "$edit" "$bad/$file"
  bad_inputs=("${inputs[@]//$dir/$bad}")
  python3 "$verify" zhongkao "${bad_inputs[@]}" --seed "$seed" --results "$bad/results.csv" >/dev/null 2>"$bad/err"
  check "verify.py zhongkao: $name exits 2 naming $expected" '[ $? -eq 2 ] && grep -qF "$expected" "$bad/err"' || sed 's/^/    /' "$bad/err"
  "$YOUJIAO" zhongkao run "${bad_inputs[@]}" --seed "$seed" --out "$bad/engine.csv" >/dev/null 2>"$bad/engine-err"
  check "engine zhongkao: $name exits 2 naming the same place" '[ $? -eq 2 ] && grep -qF "$expected" "$bad/engine-err"'
done <<'CASES'
a total above 10,000|candidates.csv|5s/^\([^,]*,[^,]*,[^,]*,[^,]*\),[0-9]*,/\1,10001,/|candidates.csv: row 5, field total
an unknown unified choice|candidates.csv|6s/,\([0-9]*\),\([0-9]*\),备注$/;H999,\1,\2,备注/|candidates.csv: row 6, field unified_choices
a negative quota|quotas.csv|3s/,[0-9]*$/,-1/|quotas.csv: row 3, field seats
a round twice|rounds.csv|3s/^quota-school/quota-district/|rounds.csv: row 3, field round
CASES

echo "verify.py: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
