#!/usr/bin/env bash
# `youjiao zhongkao` on real files (no database): a good admission runs, verify accepts it and
# names a changed row, the plain-Python peer written from docs/zhongkao.md agrees byte for byte,
# and every bad input exits 2 naming file, row and field, writing no file. Run by scripts/test
# with YOUJIAO set.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d /tmp/youjiao-zhongkao-cli.XXXXXX)
trap 'rm -rf "$dir"' EXIT
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else echo "FAIL: $1"; cat "$dir/err" 2>/dev/null; failed=$((failed+1)); fi; }
seed=$(printf '0123456789abcdef%.0s' 1 2 3 4)

good_files() {
  printf '%s\n' "school_id,name,district,kind,unified_seats" \
    "H1,上海中学,310104,市实验性示范性高中,1" "H2,复旦附中,310110,市实验性示范性高中,1" "H3,南洋中学,310104,普通高中,2" \
    > "$dir/high-schools.csv"
  printf '%s\n' "school_id,round,scope,seats" \
    "H1,quota-district,310104,1" "H2,quota-district,310110,1" "H2,quota-school,J1,1" > "$dir/quotas.csv"
  printf '%s\n' "candidate_id,district,junior_school,quota_school_eligible,total,pre_admitted,quota_district_choices,quota_school_choices,unified_choices,math" \
    "k1,310104,J1,yes,700,no,H1,H2,H1;H2;H3,140" "k2,310104,J1,yes,700,no,H1,H2,H1;H2;H3,145" \
    "k3,310110,J2,no,690,no,H2,,H2;H1,130" "k4,310104,J1,yes,720,yes,,,H1,120" \
    "k5,310104,J1,no,500,,,,H1;H2,100" "k6,310110,J2,no,580,no,H2,,H2;H3,100" "k7,310110,J2,no,560,no,,,H1,90" \
    > "$dir/candidates.csv"
  printf '%s\n' "round,control_score,unfilled_seats_to_unified" "quota-district,600,yes" "quota-school,650,yes" "unified,," \
    > "$dir/rounds.csv"
}
inputs() { echo --high-schools "$dir/high-schools.csv" --quotas "$dir/quotas.csv" --candidates "$dir/candidates.csv" --rounds "$dir/rounds.csv" --tie-break math; }
zk_run() { "$YOUJIAO" zhongkao run $(inputs) --seed "$1" --out "$dir/results.csv" --report "$dir/report.json" >/dev/null 2>"$dir/err"; }
zk_verify() { "$YOUJIAO" zhongkao verify $(inputs) --seed "$seed" --results "$dir/results.csv" >/dev/null 2>"$dir/err"; }

good_files
"$YOUJIAO" zhongkao commit --candidates "$dir/candidates.csv" --tie-break math > "$dir/hash" 2>"$dir/err"
check "zhongkao: commit prints the list's SHA-256" 'grep -qE "^[0-9a-f]{64}$" "$dir/hash"'
zk_run "$seed"; status=$?
check "zhongkao: a good run exits 0 and writes a row per candidate" '[ $status -eq 0 ] && [ $(wc -l < "$dir/results.csv") -eq 8 ]'
# k4 (720) is pre-admitted; k2 beats k1 on math for H1's district seat; k1 (700, at least the
# control score 650) takes H2's seat of J1; H2's seat for 310110 goes to k3 (690). In the unified
# round k6 (580, below the quota control score 600) takes H2, k7 H1, and k5, naming only H1 and H2,
# is left out although H3 has seats.
check "zhongkao: the rules as documented" 'grep -q "^k2,H1,quota-district,1," "$dir/results.csv" && grep -q "^k1,H2,quota-school,1," "$dir/results.csv" \
  && grep -q "^k3,H2,quota-district,1," "$dir/results.csv" && grep -q "^k4,,pre-admitted,," "$dir/results.csv" \
  && grep -q "^k6,H2,unified,1," "$dir/results.csv" && grep -q "^k7,H1,unified,1," "$dir/results.csv" \
  && grep -q "^k5,,unadmitted,," "$dir/results.csv"'
check "zhongkao: report.json holds the admission lines" 'python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
assert r[\"routes\"] == {\"quota_district\": 2, \"quota_school\": 1, \"unified\": 2, \"pre_admitted\": 1, \"unadmitted\": 1}, r[\"routes\"]
h1 = [s for s in r[\"schools\"] if s[\"school_id\"] == \"H1\"][0]
assert h1[\"rounds\"][0][\"lowest_admitted\"][\"total\"] == 700 and h1[\"rounds\"][0][\"lowest_admitted\"][\"tie_breaks\"] == [145]
" "$dir/report.json"'
zk_verify
check "zhongkao: verify accepts its own output" '[ $? -eq 0 ]'
python3 "$root/bench/peers/zhongkao_peer.py" $(inputs) --seed "$seed" --out "$dir/peer.csv" >/dev/null 2>"$dir/err"
check "zhongkao: the Python peer writes the identical results.csv" 'cmp -s "$dir/peer.csv" "$dir/results.csv"'
sed -i 's/^k6,H2,unified,1,/k6,H3,unified,1,/' "$dir/results.csv"
zk_verify; status=$?
check "zhongkao: verify rejects a changed row and names it" '[ $status -eq 1 ] && grep -q "results.csv: row 7, candidate k6, field school_id" "$dir/err"'

# name | file to spoil | sed expression | expected "file: row N, field F"
while IFS='|' read -r name file edit expected; do
  good_files; rm -f "$dir/results.csv" "$dir/report.json"
  sed -i "$edit" "$dir/$file"
  zk_run "$seed"; status=$?
  check "zhongkao: $name exits 2" '[ $status -eq 2 ]'
  check "zhongkao: $name is named ($expected)" 'grep -q "$expected" "$dir/err"'
  check "zhongkao: $name writes no file" '[ ! -e "$dir/results.csv" ] && [ ! -e "$dir/report.json" ]'
done <<'CASES'
an unknown school in a choice|candidates.csv|s/H1;H2;H3,140/H1;H9;H3,140/|candidates.csv: row 2, field unified_choices
a duplicate candidate id|candidates.csv|s/^k2,/k1,/|candidates.csv: row 3, field candidate_id
a total above 10000|candidates.csv|s/^k5,310104,J1,no,500,/k5,310104,J1,no,10500,/|candidates.csv: row 6, field total
a total that is not a number|candidates.csv|s/^k5,310104,J1,no,500,/k5,310104,J1,no,五百,/|candidates.csv: row 6, field total
a tie-break score that is not a number|candidates.csv|s/,100$/,x/|candidates.csv: row 6, field math
sixteen unified choices|candidates.csv|s/H1;H2;H3,140/H1;H2;H3;H1;H2;H3;H1;H2;H3;H1;H2;H3;H1;H2;H3;H1,140/|candidates.csv: row 2, field unified_choices
a quota-school choice of an ineligible candidate|candidates.csv|s/^k5,310104,J1,no,500,,,,/k5,310104,J1,no,500,,,H2,/|candidates.csv: row 6, field quota_school_choices
a quota for an unknown school|quotas.csv|s/^H2,quota-school,/H8,quota-school,/|quotas.csv: row 4, field school_id
quota seats above what is sensible|quotas.csv|s/^H1,quota-district,310104,1/H1,quota-district,310104,1000000/|quotas.csv: row 2, field seats
negative unified seats|high-schools.csv|s/普通高中,2$/普通高中,-2/|high-schools.csv: row 4, field unified_seats
a duplicate school id|high-schools.csv|s/^H2,/H1,/|high-schools.csv: row 3, field school_id
a control score out of range|rounds.csv|s/quota-school,650,/quota-school,99999,/|rounds.csv: row 3, field control_score
a round given twice|rounds.csv|s/^unified,,$/quota-school,,/|rounds.csv: row 4, field round
CASES
good_files; rm -f "$dir/results.csv"
zk_run "0123"; status=$?
check "zhongkao: a seed that is not 64 hex digits exits 2, writing nothing" '[ $status -eq 2 ] && grep -q "field seed" "$dir/err" && [ ! -e "$dir/results.csv" ]'
"$YOUJIAO" zhongkao run $(inputs) --tie-break math,math --seed "$seed" --out "$dir/results.csv" >/dev/null 2>"$dir/err"; status=$?
check "zhongkao: a tie-break column given twice exits 2" '[ $status -eq 2 ] && grep -q "command line: field tie-break" "$dir/err"'

echo "zhongkao cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
