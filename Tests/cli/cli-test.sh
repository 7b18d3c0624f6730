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
  plan_suite "$label"
  supervision_suite "$label"
}

# `plan` on the database: births, enrollment history and the schools' seats of the registry.
# 黄浦区 has 200 pupils in every grade, 徐汇区 220, births 200 a year: primary demand 1,000 and
# 1,100 against 1,000 and 900 seats (grade-1 seats × 5); 徐汇区 kindergarten 660 against 100 × 3.
plan_suite() {
  local label=$1
  python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/plan-schools.csv", "w") as f:
    f.write("school_id,name,district,stages,ownership,inclusive,boarding,seats_k1,seats_g1,seats_g6,seats_g10,lat,lon,school_group,new_quality,strengthening\n")
    f.write("3101010001,黄浦区第一小学,310101,primary,public,no,no,,200,,,31.23,121.48,,no,no\n")
    f.write("3101040001,徐汇区第一小学,310104,primary,public,no,no,,180,,,31.19,121.44,,no,no\n")
    f.write("3101040002,徐汇区幼儿园,310104,kindergarten,public,no,no,100,,,,31.18,121.43,,no,no\n")
grades = ["K1", "K2", "K3"] + [str(g) for g in range(1, 13)]
with open(f"{work}/plan-enrollment.csv", "w") as f:
    f.write("district,year,grade,students\n")
    for code, pupils in [("310101", 200), ("310104", 220)]:
        for year in range(2016, 2026):
            for grade in grades:
                f.write(f"{code},{year},{grade},{pupils}\n")
with open(f"{work}/plan-births.csv", "w") as f:
    f.write("district,year,births\n")
    for code in ["310101", "310104"]:
        for year in range(2005, 2026):
            f.write(f"{code},{year},200\n")
PY
  yj import schools "$work/plan-schools.csv" >/dev/null 2>&1
  yj import enrollment "$work/plan-enrollment.csv" >/dev/null 2>&1
  yj import births "$work/plan-births.csv" >/dev/null 2>&1
  rm -rf "$work/plan-out"
  check "$label: plan project reads the database" 'yj plan project --years 3 --out "$work/plan-out" > "$work/plan.log" 2>&1'
  check "$label: projection from the last history year" 'grep -q "^310104,2028,primary,1,220,220,220$" "$work/plan-out/projection.csv"'
  check "$label: seats are entry seats × grades" 'grep -q "^310104,2026,primary,1100,900,200$" "$work/plan-out/gaps.csv" && grep -q "^310104,2026,kindergarten,660,300,360$" "$work/plan-out/gaps.csv" && grep -q "^310101,2026,primary,1000,1000,0$" "$work/plan-out/gaps.csv"'
  check "$label: a district without schools of a stage has 0 seats" 'grep -q "^310101,2026,junior,800,0,800$" "$work/plan-out/gaps.csv"'
  yj plan backtest --holdout 2 --births-scenario constant > "$work/backtest.csv" 2>"$work/err"
  check "$label: plan backtest reads the database" 'grep -q "^horizon,,,1,8,0.00,0.0$" "$work/backtest.csv" && grep -q "^# backtest: ratios from up to 2023" "$work/backtest.csv"'
  yj plan project --years 16 --out "$work/plan-16" >/dev/null 2>"$work/err"; status=$?
  check "$label: a horizon over 15 is refused" '[ $status -ne 0 ] && grep -q "outside 1…15" "$work/err" && [ ! -e "$work/plan-16" ]'
  yj plan project --years 3 --capacity "$work/plan-schools.csv" --out "$work/plan-cap" >/dev/null 2>"$work/err"; status=$?
  check "$label: --capacity needs the file inputs" '[ $status -ne 0 ] && grep -q "go with --births and --enrollment" "$work/err"'
  yj plan project --years 3 --births "$work/plan-births.csv" --out "$work/plan-half" >/dev/null 2>"$work/err"; status=$?
  check "$label: --births without --enrollment is refused" '[ $status -ne 0 ] && grep -q "both --births and --enrollment" "$work/err"'
}

# Supervision: school reports refused as a whole with the row and field named, indicators computed.
supervision_suite() {
  local label=$1 year
  year=$(date -u +%Y); [ "$(date -u +%m)" -lt 9 ] && year=$((year - 1))
  cat > "$work/schools.csv" <<'CSV'
school_id,name,district,stages,ownership,inclusive,boarding,seats_k1,seats_g1,seats_g6,seats_g10,lat,lon,school_group,new_quality,strengthening
3101010001,黄浦区第一中心小学,310101,primary,public,no,no,,200,,,31.23,121.48,,no,no
CSV
  yj import schools "$work/schools.csv" >/dev/null 2>&1
  local header="school_id,year,floor_area_m2,sports_ground_m2,equipment_value_yuan,multimedia_classrooms,bandwidth_mbps,bandwidth_persons,pe_lessons,activity_lessons,psychology_lessons_per_two_weeks,weekly_periods,daily_exercise_minutes,daily_outdoor_minutes,home_visits,family_education_activities,readiness_education"
  printf '%s\n3101010001,%s,4500,7500,2000000,23,1000,,1=5,1=2,1=1,,120,,900,4,\n3101010001,%s,-3,,,,,,,,,,,,,,\n' "$header" "$year" "$year" > "$work/reports-bad.csv"
  yj import school-reports "$work/reports-bad.csv" >/dev/null 2>"$work/err"; status=$?
  check "$label: bad school report exits 2" '[ $status -eq 2 ]'
  check "$label: bad school report names row and field" 'grep -q "reports-bad.csv: row 3, field floor_area_m2" "$work/err"'
  yj indicators compute --year "$year" > "$work/results.csv" 2>/dev/null
  check "$label: nothing of a bad report file is stored" 'grep -q "^FAMILY-EDUCATION,school,3101010001,,4,no-data" "$work/results.csv"'
  printf '%s\n3101010001,%s,4500,7500,2000000,23,1000,,1=5,1=2,1=1,,120,,900,4,\n' "$header" "$year" > "$work/reports.csv"
  check "$label: import school-reports" 'yj import school-reports "$work/reports.csv" >/dev/null 2>&1'
  yj indicators compute --year "$year" > "$work/results.csv" 2>/dev/null
  check "$label: indicators compute writes the CSV" 'head -1 "$work/results.csv" | grep -qx "indicator,level,scope_id,value,target,status"'
  check "$label: a reported figure is computed" 'grep -q "^FAMILY-EDUCATION,school,3101010001,4,4,met" "$work/results.csv"'
  check "$label: a per-pupil figure of a school without pupils is no data, not 0" 'grep -q "^BAL-FLOOR-PRIMARY,school,3101010001,,4.5,no-data" "$work/results.csv"'
  yj indicators compute --year "$year" --format json > "$work/results.json" 2>/dev/null
  check "$label: indicators compute --format json parses" 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert any(r[\"indicator\"]==\"BANDWIDTH\" and r[\"level\"]==\"city\" for r in d)" "$work/results.json"'
  yj indicators compute --year 1990 >/dev/null 2>"$work/err"; status=$?
  check "$label: an unknown year exits 2" '[ $status -eq 2 ] && grep -q "unknown school year" "$work/err"'
  yj indicators balance --year "$year" --district 310101 --stage primary > "$work/balance.txt" 2>/dev/null
  check "$label: indicators balance prints the verdict" 'grep -q "^schools passing: 0 of 0; district: no-data" "$work/balance.txt"'
}

# A valid GB 11643 number: gbid AREA YYYYMMDD SEQ.
gbid() { python3 -c 'import sys
d=sys.argv[1]+sys.argv[2]+sys.argv[3]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(d+"10X98765432"[sum(int(a)*b for a,b in zip(d,w))%11])' "$@"; }

# Student aid: an agency's list (GBK accepted, bad rows refused whole), the match and the payment file.
aid_suite() {
  local label=$1
  local pupil sister stranger badcheck
  pupil=$(gbid 310101 20170305 011); sister=$(gbid 310101 20180711 022); stranger=$(gbid 310101 20160606 071)
  badcheck=${stranger%?}; [ "${stranger: -1}" = 1 ] && badcheck+=2 || badcheck+=1
  cat > "$work/schools.csv" <<CSV
school_id,name,district,stages,ownership,inclusive,boarding,seats_k1,seats_g1,seats_g6,seats_g10,lat,lon,school_group,new_quality,strengthening
3101010001,黄浦区第一中心小学,310101,primary,public,no,no,,200,,,31.23,121.48,,no,no
CSV
  cat > "$work/students.csv" <<CSV
national_id,name,gender,birth_date,hukou,zone,school_id,grade,class
$pupil,王小明,1,2017-03-05,local,,3101010001,3,2
$sister,王小红,2,2018-07-11,local,,3101010001,2,1
CSV
  yj import schools "$work/schools.csv" >/dev/null 2>&1 && yj import students "$work/students.csv" >/dev/null 2>&1; status=$?
  check "$label: aid: registry for the list" '[ $status -eq 0 ]'
  yj aid policies --shanghai-defaults > "$work/out" 2>&1
  check "$label: aid: default policies" 'grep -q "^compulsory-living," "$work/out"'
  printf '身份证号,姓名,名单,有效期起,有效期止\r\n%s,王小明,低保,2025-01-01,2026-12-31\r\n%s,王晓红,低保,2025-01-01,\r\n' "$pupil" "$sister" \
    | iconv -f UTF-8 -t GBK > "$work/dibao-gbk.csv"
  yj import eligibility "$work/dibao-gbk.csv" --list 低保 > "$work/out" 2>&1
  check "$label: aid: a GBK list imports" 'grep -q "2 added" "$work/out"'
  cat > "$work/dibao-bad.csv" <<CSV
national_id,name,list,valid_from,valid_to
$pupil,王小明,minimumLivingAllowance,2025-01-01,2026-12-31
$pupil,王小明,minimumLivingAllowance,2025-01-01,2026-12-31
$badcheck,赵六,minimumLivingAllowance,2025-01-01,2026-12-31
$stranger,赵六,minimumLivingAllowance,2025-09-01,2025-03-01
CSV
  yj import eligibility "$work/dibao-bad.csv" --list minimumLivingAllowance >/dev/null 2>"$work/err"; status=$?
  check "$label: aid: a bad list exits 2" '[ $status -eq 2 ]'
  check "$label: aid: duplicate row named" 'grep -q "dibao-bad.csv: row 3, field national_id: the same national_id as row 2" "$work/err"'
  check "$label: aid: bad check character named" 'grep -q "dibao-bad.csv: row 4, field national_id: wrong check character" "$work/err"'
  check "$label: aid: reversed dates named" 'grep -q "dibao-bad.csv: row 5, field valid_to: 2025-03-01 is before valid_from" "$work/err"'
  check "$label: aid: no ID number in the errors" '! grep -q "$pupil" "$work/err"'
  yj import eligibility "$work/dibao-gbk.csv" --list minimumLivingAllowance > "$work/out" 2>&1
  check "$label: aid: nothing of the bad list stored" 'grep -q "0 added, 0 changed, 2 unchanged, 0 removed" "$work/out"'
  yj import eligibility "$work/dibao-gbk.csv" >/dev/null 2>&1; status=$?
  check "$label: aid: import eligibility needs --list" '[ $status -ne 0 ]'
  yj aid match --year 2025 > "$work/match" 2>&1
  check "$label: aid: match grants the pupil" 'grep -q "1 grants made (1000 yuan)" "$work/match"'
  check "$label: aid: the other spelling goes to review" 'grep -q "nameMismatch 1" "$work/match"'
  check "$label: aid: match reports SQL and Core time" 'grep -q "read .* s (SQL), match .* s (Core), write .* s (SQL)" "$work/match"'
  yj aid match --year 2025 > "$work/out" 2>&1
  check "$label: aid: a rerun makes nothing new" 'grep -q " 0 grants made" "$work/out"'
  # Full ID numbers: the two-person rule. One staff member asks, another approves, one download.
  yj user create hp1 --role district-admin --district 310101 --name 黄浦甲 >/dev/null 2>&1
  yj user create hp2 --role district-admin --district 310101 --name 黄浦乙 >/dev/null 2>&1
  yj user create city1 --role city-admin --name 市甲 >/dev/null 2>&1
  yj user create city2 --role city-admin --name 市乙 >/dev/null 2>&1
  yj aid payments --year 2025 > "$work/payments.csv" 2>"$work/err"; status=$?
  check "$label: aid: no payment file without a request" '[ $status -eq 2 ] && [ ! -s "$work/payments.csv" ] && grep -q "needs --request ID" "$work/err"'
  yj exports request payment-file --year 2025 --district 310101 --reason "" --by hp1 >/dev/null 2>"$work/err"; status=$?
  check "$label: exports: a request needs a reason" '[ $status -eq 2 ] && grep -q "Give the reason" "$work/err"'
  request=$(yj exports request payment-file --year 2025 --reason "第一批发放" --by hp1 2>"$work/err")
  check "$label: exports: request prints its id" '[ -n "$request" ] && [ $(printf %s "$request" | wc -l) -eq 0 ]'
  yj aid payments --year 2025 --district 310101 --request "$request" > "$work/payments.csv" 2>"$work/err"; status=$?
  check "$label: aid: a waiting request opens nothing" '[ $status -eq 2 ] && grep -q "not approved yet" "$work/err" && [ ! -s "$work/payments.csv" ]'
  yj exports approve "$request" --by hp1 >/dev/null 2>"$work/err"; status=$?
  check "$label: exports: nobody approves their own request" '[ $status -eq 2 ] && grep -q "your own export request" "$work/err"'
  yj exports approve "$request" --by city1 > "$work/out" 2>"$work/err"
  check "$label: exports: another person approves" 'grep -q "$request approved" "$work/out"'
  yj aid payments --year 2025 --request "$request" > "$work/payments.csv" 2>"$work/err"; status=$?
  check "$label: aid: the approved parameters only" '[ $status -eq 2 ] && grep -q "does not match" "$work/err"'
  yj aid payments --year 2025 --district 310101 --request "$request" > "$work/payments.csv" 2>/dev/null
  check "$label: aid: payment file" 'sed -n 3p "$work/payments.csv" | grep -q "^payment_reference,school_year,policy" && grep -q "$pupil" "$work/payments.csv" && [ $(wc -l < "$work/payments.csv") -eq 4 ]'
  check "$label: aid: the payment file opens with its watermark" 'head -1 "$work/payments.csv" | grep -q "^# 导出：黄浦甲（hp1） 申请，市甲（city1） 批准，.*（北京时间），申请号 $request$" && sed -n 2p "$work/payments.csv" | grep -q "^# export: requested by"'
  yj aid payments --year 2025 --district 310101 --request "$request" > "$work/again.csv" 2>"$work/err"; status=$?
  check "$label: aid: one download per approval" '[ $status -eq 2 ] && grep -q "one download" "$work/err"'
  students=$(yj exports request registry-export --entity students --reason "核对" --by city1 2>/dev/null)
  yj exports refuse "$students" --by city2 --note "" >/dev/null 2>"$work/err"; status=$?
  check "$label: exports: a refusal says why" '[ $status -eq 2 ] && grep -q "Say why" "$work/err"'
  yj exports refuse "$students" --by city2 --note "不需要" >/dev/null 2>&1
  yj export students --request "$students" > "$work/students.csv" 2>"$work/err"; status=$?
  check "$label: export: a refused request opens nothing" '[ $status -eq 2 ] && grep -q "was refused" "$work/err"'
  yj export students > "$work/students.csv" 2>"$work/err"; status=$?
  check "$label: export: pupils need a request" '[ $status -eq 2 ] && [ ! -s "$work/students.csv" ]'
  students=$(yj exports request registry-export --entity students --reason "核对" --by city1 2>/dev/null)
  yj exports approve "$students" --by hp1 >/dev/null 2>"$work/err"; status=$?
  check "$label: exports: a district does not approve the city's request" '[ $status -eq 2 ] && grep -q "Only another administrator" "$work/err"'
  yj exports approve "$students" --by city2 >/dev/null 2>&1
  yj export students --format json --request "$students" > "$work/students.json" 2>/dev/null
  check "$label: export: approved pupils as JSON with the watermark" 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"watermark\"][0].startswith(\"# 导出：市甲（city1）\") and len(d[\"records\"])==2" "$work/students.json"'
}

# `youjiao enroll` on real files (no database): every bad-input line of the issue exits 2, names
# file, row and field, and writes no results file; verify accepts the run's output and rejects a change.
enroll_suite() {
  local dir="$work/enroll" seed
  seed=$(printf '0123456789abcdef%.0s' 1 2 3 4)
  mkdir -p "$dir"
  good_schools() {
    printf '%s\n' "school_id,name,district,ownership,boarding,capacity,lat,lon,zones" \
      "S1,一小,310104,public,no,1,31.20,121.40,Z1" "S2,二小,310104,public,no,2,31.21,121.41,Z2" \
      "P1,民办一,310104,private,no,1,31.22,121.42," "B1,寄宿,310105,private,yes,1,31.23,121.43," \
      "P2,外区民办,310105,private,no,1,31.23,121.43,"
  }
  good_applicants() {
    printf '%s\n' "applicant_id,district,zone,lat,lon,track,choices,tier,years" \
      "a1,310104,Z1,31.20,121.40,public,,1,3" "a2,310104,Z1,31.20,121.40,public,,2,1" \
      "a3,310104,Z2,31.21,121.40,private,P1;B1,1,0"
  }
  enroll_run() { "$YOUJIAO" enroll run --schools "$dir/schools.csv" --applicants "$dir/applicants.csv" --seed "$1" --out "$dir/results.csv" >/dev/null 2>"$dir/err"; }
  good_schools > "$dir/schools.csv"; good_applicants > "$dir/applicants.csv"
  "$YOUJIAO" enroll commit --applicants "$dir/applicants.csv" > "$dir/hash" 2>/dev/null
  check "enroll: commit prints the list's SHA-256" 'grep -qE "^[0-9a-f]{64}$" "$dir/hash"'
  enroll_run "$seed"; status=$?
  check "enroll: a good run exits 0 and writes every child" '[ $status -eq 0 ] && [ $(wc -l < "$dir/results.csv") -eq 4 ]'
  "$YOUJIAO" enroll verify --schools "$dir/schools.csv" --applicants "$dir/applicants.csv" --seed "$seed" --results "$dir/results.csv" >/dev/null 2>&1
  check "enroll: verify accepts its own output" '[ $? -eq 0 ]'
  sed -i 's/,catchment,/,coordinated,/' "$dir/results.csv"
  "$YOUJIAO" enroll verify --schools "$dir/schools.csv" --applicants "$dir/applicants.csv" --seed "$seed" --results "$dir/results.csv" >/dev/null 2>&1
  check "enroll: verify rejects a changed row" '[ $? -eq 1 ]'

  # name | file to spoil | sed expression | expected "file: row N, field F"
  while IFS='|' read -r name file edit expected; do
    good_schools > "$dir/schools.csv"; good_applicants > "$dir/applicants.csv"; rm -f "$dir/results.csv"
    sed -i "$edit" "$dir/$file"
    enroll_run "$seed"; status=$?
    check "enroll: $name exits 2" '[ $status -eq 2 ]'
    check "enroll: $name is named ($expected)" 'grep -q "$expected" "$dir/err"'
    check "enroll: $name writes no results file" '[ ! -e "$dir/results.csv" ]'
  done <<'CASES'
an unknown school in choices|applicants.csv|s/P1;B1/P9/|applicants.csv: row 4, field choices
a public school as a private choice|applicants.csv|s/P1;B1/S2/|applicants.csv: row 4, field choices
a day private school of another district|applicants.csv|s/P1;B1/P1;P2/|applicants.csv: row 4, field choices
a zone served by no public school|applicants.csv|s/^a2,310104,Z1,/a2,310104,Z9,/|applicants.csv: row 3, field zone
a zone served by two public schools|schools.csv|s/121.41,Z2$/121.41,Z2;Z1/|schools.csv: row 3, field zones
a duplicate applicant id|applicants.csv|s/^a2,/a1,/|applicants.csv: row 3, field applicant_id
a duplicate school id|schools.csv|s/^S2,/S1,/|schools.csv: row 3, field school_id
a latitude of 200|applicants.csv|s/^a1,310104,Z1,31.20,/a1,310104,Z1,200,/|applicants.csv: row 2, field lat
a negative capacity|schools.csv|s/^S1,一小,310104,public,no,1,/S1,一小,310104,public,no,-1,/|schools.csv: row 2, field capacity
CASES
  good_schools > "$dir/schools.csv"; good_applicants > "$dir/applicants.csv"; rm -f "$dir/results.csv"
  enroll_run "0123"; status=$?
  check "enroll: a seed that is not 64 hex digits exits 2" '[ $status -eq 2 ] && grep -q "field seed" "$dir/err"'
  check "enroll: a bad seed writes no results file" '[ ! -e "$dir/results.csv" ]'
}

# Field keys. An SQLite database without YOUJIAO_FIELD_KEYS keeps generated keys in a key file
# beside it; protected fields hold sealed values only; rotation re-seals them under a new key; a
# changed value stops rotation by name (never printing the value) and nothing is changed.
keys_suite() {
  local db="$work/cli.sqlite" keyfile="$work/cli.sqlite.keys" pupil first next
  pupil=$(gbid 310101 20170305 011)
  cat > "$work/sealed.py" <<'PY'
import sqlite3, sys
db, number, key_id = sys.argv[1:4]
values = [r[0] for r in sqlite3.connect(db).execute("SELECT national_id FROM students ORDER BY id")]
if len(sys.argv) > 4:
    open(sys.argv[4], "w").write("\n".join(values))
sys.exit(0 if len(values) == 2 and all(v.startswith("v1." + key_id) and number not in v for v in values) else 1)
PY
  current_key() { sed -n 's/^YOUJIAO_FIELD_KEYS=\([^:]*\):.*/\1/p' "$keyfile"; }
  first=$(current_key)
  check "keys: the key file is readable by its owner only" '[ "$(stat -c %a "$keyfile")" = 600 ]'
  check "keys: pupils' numbers are stored sealed" 'python3 "$work/sealed.py" "$db" "$pupil" "$first."'
  yj keys rotate --new-key > "$work/out" 2>"$work/err"; status=$?
  next=$(current_key)
  check "keys: rotate --new-key puts a new key first and keeps the old one" '[ $status -eq 0 ] && [ "$next" != "$first" ] && grep -q ",$first:" "$keyfile"'
  check "keys: rotation re-seals both pupils" 'grep -q "students.national_id: 2 values re-sealed, 2 were under older keys" "$work/out"'
  check "keys: the pupils are sealed under the new key" 'python3 "$work/sealed.py" "$db" "$pupil" "$next."'
  yj keys rotate > "$work/out" 2>&1
  check "keys: a second rotation finds nothing under older keys" 'grep -q "students.national_id: 2 values re-sealed, 0 were under older keys" "$work/out"'
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE students SET national_id = substr(national_id, 1, length(national_id) - 4) || ? WHERE id = (SELECT min(id) FROM students)", ("AAA=",))
c.commit()' "$db"
  python3 "$work/sealed.py" "$db" "$pupil" "" "$work/before"
  yj keys rotate > "$work/out" 2>"$work/err"; status=$?
  python3 "$work/sealed.py" "$db" "$pupil" "" "$work/after"
  check "keys: a changed value stops rotation, naming table, column and row" '[ $status -eq 1 ] && grep -q "students.national_id, row .*does not open" "$work/err"'
  check "keys: the refusal says nothing was changed, and nothing was" 'grep -q "nothing was changed" "$work/err" && cmp -s "$work/before" "$work/after"'
  check "keys: the refusal never prints the stored value" '! grep -q "AAA=" "$work/err"'
  "$YOUJIAO" keys generate > "$work/keys.env"
  check "keys: generate prints both variables with 32-byte keys" '[ "$(grep -c "^YOUJIAO_FIELD_KEYS=[0-9a-z-]*:[A-Za-z0-9+/]\{43\}=$" "$work/keys.env")" = 1 ] && [ "$(grep -c "^YOUJIAO_INDEX_KEY=[A-Za-z0-9+/]\{43\}=$" "$work/keys.env")" = 1 ]'
}

# Accounts from the command line: disabling and enabling, and every change in the audit trail.
accounts_suite() {
  yj user create ops1 --role city-admin --name 运维 >/dev/null 2>&1
  yj user disable ops1 > "$work/out" 2>&1; status=$?
  check "accounts: disable ends the account's sessions and tokens" '[ $status -eq 0 ] && grep -q "disabled ops1" "$work/out"'
  yj user disable ops1 >/dev/null 2>"$work/err"; status=$?
  check "accounts: disabling twice is refused by name" '[ $status -eq 1 ] && grep -q "already disabled" "$work/err"'
  yj user disable nobody >/dev/null 2>"$work/err"; status=$?
  check "accounts: an unknown account is named" '[ $status -eq 1 ] && grep -q "no account nobody" "$work/err"'
  # The list is written to a file first: with pipefail, grep -q closing the pipe early would fail the check.
  yj user list > "$work/users" 2>/dev/null
  check "accounts: the list shows the disabled account" 'grep -q "^ops1.*disabled$" "$work/users"'
  yj user enable ops1 >/dev/null 2>&1
  yj user list > "$work/users" 2>/dev/null
  check "accounts: enabled again" 'grep -q "^ops1.*active$" "$work/users"'
  yj user reset-password ops1 >/dev/null 2>&1
  check "accounts: creation, disabling, enabling and the password reset are audited" 'python3 -c "
import sqlite3, sys
actions = [r[0] for r in sqlite3.connect(sys.argv[1]).execute(\"SELECT action FROM audit_events WHERE subject_id = '"'"'ops1'"'"' ORDER BY seq\")]
assert actions == [\"account-created\", \"account-disabled\", \"account-enabled\", \"password-reset\"], actions" "$work/cli.sqlite"'
  check "accounts: the audit trail is intact" 'yj audit verify >/dev/null 2>&1'
  yj user create t1 --role teacher --teacher 31010119850505051X >/dev/null 2>"$work/err"; status=$?
  check "accounts: a teacher account names a teacher of the registry" '[ $status -ne 0 ] && grep -q "must name a teacher in the registry" "$work/err"'
}

# PostgreSQL never falls back to a key file: the keys come from the environment.
keys_postgres_suite() {
  local url=$1 data index new
  data=$(sed -n 's/^YOUJIAO_FIELD_KEYS=//p' "$work/keys.env"); index=$(sed -n 's/^YOUJIAO_INDEX_KEY=//p' "$work/keys.env")
  DATABASE_URL="$url" YOUJIAO_FIELD_KEYS= YOUJIAO_INDEX_KEY= "$YOUJIAO" export districts >/dev/null 2>"$work/err"; status=$?
  check "postgres keys: without keys nothing starts, and the message names the variables" '[ $status -ne 0 ] && grep -q "YOUJIAO_FIELD_KEYS" "$work/err" && grep -q "YOUJIAO_INDEX_KEY" "$work/err"'
  DATABASE_URL="$url" YOUJIAO_FIELD_KEYS="k1:c2hvcnQta2V5" YOUJIAO_INDEX_KEY="$index" "$YOUJIAO" export districts >/dev/null 2>"$work/err"; status=$?
  check "postgres keys: a short key is refused by variable, the value never printed" '[ $status -ne 0 ] && grep -q "YOUJIAO_FIELD_KEYS is malformed" "$work/err" && ! grep -q "c2hvcnQta2V5" "$work/err"'
  DATABASE_URL="$url" YOUJIAO_FIELD_KEYS="$data" YOUJIAO_INDEX_KEY="$index" "$YOUJIAO" keys rotate --new-key >/dev/null 2>"$work/err"; status=$?
  check "postgres keys: --new-key is refused: the environment holds the keys" '[ $status -eq 2 ] && grep -q "put the new key first" "$work/err"'
  new=$("$YOUJIAO" keys generate --data-key)
  DATABASE_URL="$url" YOUJIAO_FIELD_KEYS="$new,$data" YOUJIAO_INDEX_KEY="$index" "$YOUJIAO" keys rotate > "$work/out" 2>&1
  check "postgres keys: rotation to a new first key re-seals both pupils" 'grep -q "students.national_id: 2 values re-sealed, 2 were under older keys" "$work/out"'
  DATABASE_URL="$url" YOUJIAO_FIELD_KEYS="$new" YOUJIAO_INDEX_KEY="$index" "$YOUJIAO" keys rotate > "$work/out" 2>&1; status=$?
  check "postgres keys: afterwards the new key alone opens everything" '[ $status -eq 0 ] && grep -q "students.national_id: 2 values re-sealed, 0 were under older keys" "$work/out"'
}

run_suite sqlite --database "$work/cli.sqlite"
# A mistyped path is refused, not served as an empty platform (and no file is left behind).
"$YOUJIAO" serve --database "$work/typo.sqlite" --port 1 > /dev/null 2> "$work/err"; status=$?
check "serve refuses a missing database" '[ $status -eq 2 ] && grep -q "no database at $work/typo.sqlite" "$work/err" && [ ! -e "$work/typo.sqlite" ]'
# SIGTERM stops the server cleanly, the background refresh of kept figures included (it once
# read through the closed databases and crashed): let it run a round, then stop it.
port=$((20000 + RANDOM % 20000))
"$YOUJIAO" serve --database "$work/cli.sqlite" --port "$port" > "$work/serve.log" 2>&1 & serve_pid=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && break; sleep 0.2; done
sleep 6
kill -TERM "$serve_pid"; wait "$serve_pid"; status=$?
check "serve stops cleanly on SIGTERM" '[ $status -eq 0 ] && ! grep -q "runtime failure" "$work/serve.log"'
# Requests whose clients went away still run after the connections close: the databases close
# after the last of them (a request reaching a closed database stopped the process). 300 are
# sent and abandoned at once, then SIGTERM; three times, as the timing varies.
stopped_cleanly=0
for _ in 1 2 3; do
  port=$((20000 + RANDOM % 20000))
  "$YOUJIAO" serve --database "$work/cli.sqlite" --port "$port" > "$work/serve.log" 2>&1 & serve_pid=$!
  for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && break; sleep 0.2; done
  python3 - "$port" <<'PY'
import socket, sys
for _ in range(300):
    with socket.create_connection(("127.0.0.1", int(sys.argv[1]))) as s:
        s.sendall(b"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
PY
  kill -TERM "$serve_pid"; wait "$serve_pid"; status=$?
  [ $status -eq 0 ] && ! grep -q "runtime failure" "$work/serve.log" && stopped_cleanly=$((stopped_cleanly + 1))
done
check "serve stops cleanly on SIGTERM with abandoned requests still running (3 of 3)" '[ $stopped_cleanly -eq 3 ]'
aid_suite sqlite
keys_suite
accounts_suite
enroll_suite
if [ -n "${PGURL:-}" ]; then
  # A database of its own on the throwaway server, with keys from the environment.
  dbname="yj_cli_$RANDOM$RANDOM"
  psql "$PGURL" -qc "CREATE DATABASE $dbname" >/dev/null
  export YOUJIAO_FIELD_KEYS YOUJIAO_INDEX_KEY
  YOUJIAO_FIELD_KEYS=$(sed -n 's/^YOUJIAO_FIELD_KEYS=//p' "$work/keys.env"); YOUJIAO_INDEX_KEY=$(sed -n 's/^YOUJIAO_INDEX_KEY=//p' "$work/keys.env")
  DATABASE_URL="${PGURL/youjiao_test/$dbname}" run_suite postgres
  DATABASE_URL="${PGURL/youjiao_test/$dbname}" aid_suite postgres
  keys_postgres_suite "${PGURL/youjiao_test/$dbname}"
fi
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
