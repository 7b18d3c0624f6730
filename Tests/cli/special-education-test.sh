#!/usr/bin/env bash
# `youjiao import special-education FILE` on real files and both databases: a good file (UTF-8 and
# GBK) imports, a bad one exits 2 naming each row and field and stores nothing, a file imported
# twice is refused. Run by scripts/test with YOUJIAO and PGURL set.
set -uo pipefail
work=$(mktemp -d /tmp/youjiao-sped-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else echo "FAIL: $1"; cat "$work/err" 2>/dev/null; failed=$((failed+1)); fi; }
yj() { "$YOUJIAO" "$@" "${dbopt[@]}"; }
# A valid GB 11643 number: gbid AREA YYYYMMDD SEQ.
gbid() { python3 -c 'import sys
d=sys.argv[1]+sys.argv[2]+sys.argv[3]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(d+"10X98765432"[sum(int(a)*b for a,b in zip(d,w))%11])' "$@"; }

a=$(gbid 310101 20170305 011); b=$(gbid 310101 20160601 022); c=$(gbid 310101 20150120 033)
header="national_id,district_code,stage,category,level,opened_on,assessment_date,assessment_kind,assessor,assessment_summary,placement,school_id,placement_start,visits_per_month,plan_start,plan_end,review_dates,goal,criterion"
case_a="$a,310101,primary,intellectual,3,2024-09-10,2024-09-05,medical,上海市儿童医院,智力残疾三级,mainstream,3101010001,2024-09-01,,2025-09-01,2026-07-10,2025-11-15;2026-01-15"
case_b="$b,310101,primary,mental,2,2025-03-01,,,,,home-teaching,3101010009,2025-03-01,2,,,"

run_suite() {
  local label=$1; shift
  dbopt=("$@")
  printf 'code,name,zone_kind\n310101,黄浦区,central\n' > "$work/districts.csv"
  cat > "$work/schools.csv" <<CSV
school_id,name,district,stages,ownership,inclusive,boarding,seats_k1,seats_g1,seats_g6,seats_g10,lat,lon,school_group,new_quality,strengthening
3101010001,黄浦区第一中心小学,310101,primary,public,no,no,,200,,,31.23,121.48,,no,no
3101010002,黄浦区第一初级中学,310101,junior,public,no,no,,,200,,31.23,121.48,,no,no
3101010009,黄浦区辅读学校,310101,special,public,no,no,,,,,31.23,121.48,,no,no
CSV
  cat > "$work/students.csv" <<CSV
national_id,name,gender,birth_date,hukou,zone,school_id,grade,class
$a,王小明,1,2017-03-05,local,,3101010001,3,2
$b,李小红,2,2016-06-01,local,,3101010001,4,1
$c,张小军,1,2015-01-20,local,,3101010001,5,1
CSV
  yj import districts "$work/districts.csv" >/dev/null 2>&1 && yj import schools "$work/schools.csv" >/dev/null 2>&1 \
    && yj import students "$work/students.csv" >/dev/null 2>"$work/err"; status=$?
  check "$label: registry for the case files" '[ $status -eq 0 ]'

  # A bad file: a goal without a criterion, a placement at a school of the wrong stage, reversed plan dates.
  cat > "$work/bad.csv" <<CSV
$header
$case_a,认读 50 个常用汉字,5 次测试中 4 次正确率 90%
$case_a,独立整理书包,
$b,310101,primary,mental,2,2025-03-01,,,,,mainstream,3101010002,2025-03-01,,,,,,
$c,310101,primary,physical,4,2025-03-01,,,,,mainstream,3101010001,2025-03-01,,2026-07-10,2025-09-01,2025-11-15,,
CSV
  yj import special-education "$work/bad.csv" >/dev/null 2>"$work/err"; status=$?
  check "$label: a bad file exits 2" '[ $status -eq 2 ]'
  check "$label: goal without criterion named" 'grep -q "bad.csv: row 3, field criterion: a goal needs a measurable criterion" "$work/err"'
  check "$label: wrong-stage school named" 'grep -q "bad.csv: row 4, field school_id: 3101010002 teaches junior, not the child.s stage primary" "$work/err"'
  check "$label: reversed plan dates named" 'grep -q "bad.csv: row 5, field plan_end: the end date 2025-09-01 is not after the start date 2026-07-10" "$work/err"'
  check "$label: no ID number in the errors" '! grep -q -e "$a" -e "$b" -e "$c" "$work/err"'

  cat > "$work/good.csv" <<CSV
$header
$case_a,认读 50 个常用汉字,5 次测试中 4 次正确率 90%
$case_a,独立整理书包,10 个上学日中 8 天独立完成
$case_b,,
CSV
  yj import special-education "$work/good.csv" >"$work/out" 2>"$work/err"
  check "$label: a good file imports (nothing of the bad one was stored)" 'grep -q "imported 2 special-education from good.csv" "$work/out"'
  yj import special-education "$work/good.csv" >/dev/null 2>"$work/err"; status=$?
  check "$label: a file imported twice is refused" '[ $status -eq 2 ] && grep -q "row 2, field national_id: the pupil .* already has a case file" "$work/err"'
  printf '身份证号,区代码,学段,残疾类别,残疾等级,建档日期,评估日期,评估类型,评估机构,评估结论,安置方式,安置学校标识码,安置开始日期,每月送教次数,计划开始日期,计划结束日期,复核日期,目标,达成标准\r\n%s,310101,小学,肢体残疾,四级,2025-03-01,,,,,随班就读,3101010001,2025-03-01,,2025-09-01,2026-07-10,2025-11-15,使用辅具独立书写,每天 15 分钟字迹可辨认\r\n' "$c" \
    | iconv -f UTF-8 -t GBK > "$work/gbk.csv"
  yj import special-education "$work/gbk.csv" >"$work/out" 2>"$work/err"
  check "$label: a GBK file with a Chinese header imports" 'grep -q "imported 1 special-education from gbk.csv" "$work/out"'
}

run_suite sqlite --database "$work/cli.sqlite"
if [ -n "${PGURL:-}" ]; then
  dbname="yj_sped_$RANDOM$RANDOM"
  psql "$PGURL" -qc "CREATE DATABASE $dbname" >/dev/null
  # PostgreSQL takes its field keys from the environment only.
  export YOUJIAO_FIELD_KEYS YOUJIAO_INDEX_KEY
  YOUJIAO_FIELD_KEYS=$("$YOUJIAO" keys generate | sed -n 's/^YOUJIAO_FIELD_KEYS=//p')
  YOUJIAO_INDEX_KEY=$("$YOUJIAO" keys generate | sed -n 's/^YOUJIAO_INDEX_KEY=//p')
  DATABASE_URL="${PGURL/youjiao_test/$dbname}" run_suite postgres
  psql "$PGURL" -qc "DROP DATABASE $dbname WITH (FORCE)" >/dev/null
fi
echo "special-education cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
