#!/usr/bin/env bash
# Property-based test of every /api/v1 operation against a running server (schemathesis): no 5xx,
# every status code and content type documented, every response body valid against the document.
# The server must still answer afterwards: a trap that stops it fails the run even where schemathesis
# saw only connection errors.
#
#   Tests/e2e/schemathesis.sh --base URL (--token TOKEN ... | --youjiao BIN --database DB) [--seconds N]
#
# --token may be given several times: one run per token, over every operation. With --youjiao and
# --database the script makes a token per demo role (city, district, school, parent of
# `youjiao serve --demo`) and per scope (registry:read, campaigns:read), and runs each over the
# operations of its scope. --seconds is the budget of each run (default 15). Path parameters are
# drawn half the time from ids the API itself lists (districts, schools, pupils, campaigns), so
# the runs reach real records, not only 404s. A fixed seed: the same data gives the same requests.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
schemathesis_version=4.32.5
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
usage="usage: $0 --base URL (--token TOKEN ... | --youjiao BIN --database DB) [--seconds N]"

base="" youjiao="" database="" seconds=15 tokens=() names=() scopes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=${2%/}; shift 2 ;;
    --token) tokens+=("$2"); names+=("token ${#tokens[@]}"); scopes+=(all); shift 2 ;;
    --youjiao) youjiao=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
if [ -z "$base" ] || { [ ${#tokens[@]} -eq 0 ] && { [ -z "$youjiao" ] || [ -z "$database" ]; }; }; then
  echo "$usage" >&2; exit 2
fi
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "--seconds takes a whole number of seconds" >&2; exit 2; }

if [ ${#tokens[@]} -eq 0 ]; then
  for role in city district school parent; do
    for scope in registry campaigns; do
      token=$("$youjiao" token create --username "$role" --scope "$scope:read" --name schemathesis \
                --days 1 --database "$database" | grep -oE '[A-Za-z0-9_-]{32,}' | tail -1)
      [ -n "$token" ] || { echo "schemathesis: no $scope token for the demo user $role" >&2; exit 1; }
      tokens+=("$token"); names+=("$role, $scope:read"); scopes+=("$scope")
    done
  done
fi

venv=${SCHEMATHESIS_VENV:-$root/.venv-e2e}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$schemathesis_version" ]; then
  "$venv/bin/pip" install -q "schemathesis==$schemathesis_version"
fi

alive() { curl -fsS -o /dev/null --max-time 10 "$base/api/v1/openapi.json"; }
alive || { echo "schemathesis: $base does not answer" >&2; exit 1; }

# Real ids, read with whichever token may list them, as schemathesis dictionaries bound to the path
# parameters of each operation (half of the generated values; the other half stay random).
work=$(mktemp -d /tmp/youjiao-schemathesis.XXXXXX)
trap 'rm -rf "$work"' EXIT
BASE="$base" "$venv/bin/python" - "${tokens[@]}" > "$work/schemathesis.toml" <<'PY'
import json, os, sys, urllib.request

base, tokens = os.environ["BASE"], sys.argv[1:]

def listed(path, key):
    """The `key` of each item the first token allowed to list `path` gets; none if no token may."""
    for token in tokens:
        request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body = json.load(response)
        except Exception:
            continue
        items = body["items"] if isinstance(body, dict) else body
        return [str(item[key]) for item in items][:20]
    return []

districts = listed("/api/v1/districts", "code")
schools = listed("/api/v1/schools?per_page=20", "id")
students = [s for school in schools[:3] for s in listed(f"/api/v1/schools/{school}/students?per_page=5", "id")]
campaigns = listed("/api/v1/campaigns", "id")
dictionaries = {"districts": districts, "schools": schools, "students": students, "campaigns": campaigns}
bindings = {
    "getDistrict": {"path.code": "districts"},
    "getSchool": {"path.id": "schools"},
    "listSchoolStudents": {"path.id": "schools"},
    "getStudent": {"path.id": "students"},
    "getCampaign": {"path.id": "campaigns"},
    "listCampaignResults": {"path.id": "campaigns", "query.school": "schools"},
    "getChildResult": {"path.id": "campaigns", "path.student": "students"},
    "getCampaignFile": {"path.id": "campaigns"},
}
for name, values in dictionaries.items():
    if values:
        print(f"[dictionaries.{name}]\nvalues = {json.dumps(values)}\n")
for operation, parameters in bindings.items():
    usable = {p: d for p, d in parameters.items() if dictionaries[d]}
    if usable:
        print(f'[[operations]]\ninclude-operation-id = "{operation}"\nparameters = {{ '
              + ", ".join(f'"{p}" = {{ dictionary = "{d}", probability = 0.5 }}' for p, d in usable.items())
              + " }\n")
print("# ids found: " + ", ".join(f"{len(v)} {k}" for k, v in dictionaries.items()), file=sys.stderr)
PY

failed=0
for i in "${!tokens[@]}"; do
  case "${scopes[$i]}" in
    registry) only=(--exclude-path-regex '^/api/v1/campaigns') ;;
    campaigns) only=(--include-path-regex '^/api/v1/campaigns') ;;
    *) only=() ;;
  esac
  echo "== schemathesis as ${names[$i]} (${seconds}s)"
  status=0
  # Phases: boundary and invalid values of every parameter (coverage), then random valid and invalid
  # requests until the budget is spent. One worker: the 2-core CI machine also runs the server.
  (cd "$work" && "$venv/bin/schemathesis" --no-color run "$base/api/v1/openapi.json" --url "$base" \
    --header "Authorization: Bearer ${tokens[$i]}" --checks "$checks" "${only[@]}" \
    --phases examples,coverage,fuzzing --max-examples 50 --max-time "$seconds" --seed 20250901 \
    --workers 1 --request-timeout 10 --output-truncate false --generation-database none) || status=$?
  if ! alive; then
    echo "schemathesis: the server stopped answering during the run as ${names[$i]} (a trap or crash: see its log)" >&2
    exit 1
  fi
  [ "$status" -eq 0 ] || failed=1
done
if [ "$failed" -ne 0 ]; then
  echo "schemathesis: failures above (each with a curl line to reproduce it)" >&2
  exit 1
fi
echo "schemathesis: every operation passed in ${#tokens[@]} run(s)"
