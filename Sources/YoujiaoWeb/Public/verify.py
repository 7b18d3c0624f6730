#!/usr/bin/env python3
"""优教派位核验 · Youjiao draw verifier — Python 3 standard library only.

Recomputes a published school-entry draw (入学/入园派位) from its public files and compares it
with the published results.csv, byte for byte. Written from the rules in docs/enrollment.md (the
section numbers below are that document's), not from the engine's code: two independent programs
agreeing is the evidence.

    python3 verify.py enroll --schools schools.csv --applicants applicants.csv --results results.csv \\
        --beacon BEACON_VALUE --secret NOTARY_SECRET [--commitment HEX] [--list-hash HEX]
    python3 verify.py enroll ... --seed HEX64            (the seed itself instead of its ingredients)
        [--private-mechanism immediate|deferred] [--no-private-penalty]   (the settings of §9.5)
    python3 verify.py zhongkao --high-schools high-schools.csv --quotas quotas.csv --candidates candidates.csv \\
        [--rounds rounds.csv] [--tie-break COLUMNS] --seed HEX64 [--list-hash HEX] --results results.csv
        (senior-high entry, 中考: the rules of docs/zhongkao.md)

Exit status: 0 every row agrees; 1 a difference (list hash, notary commitment, seed or a results
row — the first one is printed, both versions); 2 bad input (file, row and field are named).
"""

import argparse
import hashlib
import hmac
import math
import re
import sys
import unicodedata

# --------------------------------------------------------------------------------------------
# Reading a CSV file (§2)

MAX_FILE_BYTES = 2_147_483_648
MAX_DATA_RECORDS = 10_000_000
MAX_PROBLEMS_SHOWN = 50

SPACE_SEPARATORS = frozenset("\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                             "\u2008\u2009\u200a\u202f\u205f\u3000")
TRIMMED = SPACE_SEPARATORS | {"\t", "\u200b"}
FORMULA_STARTS = frozenset("=+-@\t\r")

DECIMAL_NUMBER = re.compile(
    r"[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|0[xX](?:[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?"
    r"|(?i:inf|infinity|nan|nan\([0-9A-Za-z_]*\)))")
HEXADECIMAL_NUMBER = re.compile(r"[+-]?0[xX]")
NOT_A_NUMBER = re.compile(r"[+-]?(?i:inf|infinity|nan|nan\(.*\))")
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
YES = {"yes", "y", "true", "1", "是"}
NO = {"no", "n", "false", "0", "否"}


class BadInput(Exception):
    """Problems with the input files: each is (file, row, field, reason)."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


def problem(file, row, field, zh, en):
    return (file, row, field, f"{zh} / {en}")


def extends_character(code_point):
    """Whether this code point joins the character before it (an approximation of UAX #29's
    Extend, SpacingMark and ZWJ; docs/enrollment.md §14.2)."""
    return unicodedata.category(code_point) in ("Mn", "Mc", "Me") or code_point in "\u200c\u200d" \
        or "\U0001f3fb" <= code_point <= "\U0001f3ff"


def characters(text):
    """The user-perceived characters of text: CR LF is one, a code point takes its marks along."""
    result, index = [], 0
    while index < len(text):
        end = index + 1
        if text[index] == "\r" and end < len(text) and text[end] == "\n":
            end += 1
        else:
            while end < len(text) and extends_character(text[end]):
                end += 1
        result.append(text[index:end])
        index = end
    return result


def first_character_after_apostrophes(text):
    for character in characters(text):
        if character != "'":
            return character
    return None


def clean_cell(raw):
    """§2 'Cells': the trim, then the apostrophe of a formula-like cell."""
    value = raw
    if value and (value[0] in SPACE_SEPARATORS or value[0] == "\t" or value[-1] in SPACE_SEPARATORS or value[-1] == "\t"):
        start, end = 0, len(value)
        while start < end and value[start] in TRIMMED:
            start += 1
        while end > start and value[end - 1] in TRIMMED:
            end -= 1
        value = value[start:end]
    if value.startswith("'") and first_character_after_apostrophes(value) in FORMULA_STARTS:
        value = value[1:]
    return value


def well_formed_utf8_length(data, index):
    """Length of the well-formed UTF-8 sequence starting at data[index], or 0 (Unicode table 3-7)."""
    first = data[index]
    if first < 0x80:
        return 1
    if 0xC2 <= first <= 0xDF:
        ranges = [(0x80, 0xBF)]
    elif first == 0xE0:
        ranges = [(0xA0, 0xBF), (0x80, 0xBF)]
    elif 0xE1 <= first <= 0xEC or 0xEE <= first <= 0xEF:
        ranges = [(0x80, 0xBF), (0x80, 0xBF)]
    elif first == 0xED:
        ranges = [(0x80, 0x9F), (0x80, 0xBF)]
    elif first == 0xF0:
        ranges = [(0x90, 0xBF), (0x80, 0xBF), (0x80, 0xBF)]
    elif 0xF1 <= first <= 0xF3:
        ranges = [(0x80, 0xBF), (0x80, 0xBF), (0x80, 0xBF)]
    elif first == 0xF4:
        ranges = [(0x80, 0x8F), (0x80, 0xBF), (0x80, 0xBF)]
    else:
        return 0
    if index + len(ranges) >= len(data):
        return 0
    for offset, (low, high) in enumerate(ranges, start=1):
        if not low <= data[index + offset] <= high:
            return 0
    return len(ranges) + 1


def decode(file, data):
    """§2 'Encoding': UTF-8 (with or without a byte order mark) or GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput([problem(file, 0, "encoding", "有字节顺序标记但不是有效的 UTF-8",
                                    "starts with a UTF-8 byte order mark but is not valid UTF-8")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        looks_like_misread_gbk = all(ord(c) < 0x800 for c in text) and any(0x250 <= ord(c) <= 0x7FF for c in text)
        if looks_like_misread_gbk:
            try:
                return data.decode("gb18030")
            except UnicodeDecodeError:
                pass
        return text
    wide = invalid = index = 0
    while index < len(data):
        length = well_formed_utf8_length(data, index)
        if length == 0:
            invalid += 1
            index += 1
        else:
            if length >= 3:
                wide += length
            index += length
    if wide > invalid:
        raise BadInput([problem(file, 0, "encoding", "UTF-8 文件中有非 UTF-8 字节", "UTF-8 with non-UTF-8 bytes")])
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise BadInput([problem(file, 0, "encoding", "既不是 UTF-8 也不是 GB18030", "neither UTF-8 nor GB18030")])


LINE_END = re.compile(r"\r\n|\r|\n")


def records(file, text):
    """§2 'Records': (row number, raw cells) of every record that is not all empty."""
    if '"' not in text:  # no quoted cell: every line is a record (the common case, much faster)
        lines = LINE_END.split(text)
        return [(number, cells) for number, cells in ((n, line.split(",")) for n, line in enumerate(lines, start=1)) if any(cells)]
    result = []
    cells, cell = [], []
    quoted = quoted_before = False
    line, record_line = 1, 1
    index, length = 0, len(text)

    def end_cell():
        nonlocal cell, quoted_before
        cells.append("".join(cell))
        cell, quoted_before = [], False

    def end_record():
        nonlocal cells, record_line
        end_cell()
        if any(cells):
            result.append((record_line, cells))
        cells = []
        record_line = line

    while index < length:
        c = text[index]
        if quoted:
            if c == '"':
                if index + 1 < length and text[index + 1] == '"':
                    cell.append('"')
                    index += 1
                else:
                    quoted = False
            else:
                if c == "\n" or (c == "\r" and not (index + 1 < length and text[index + 1] == "\n")):
                    line += 1
                cell.append(c)
        elif c == ",":
            end_cell()
        elif c == "\n" or c == "\r":
            if c == "\r" and index + 1 < length and text[index + 1] == "\n":
                index += 1
            line += 1
            end_record()
        elif c == '"':
            if quoted_before or any(ch != " " for ch in cell):
                raise BadInput([problem(file, record_line, "csv", "未加引号的单元格中出现引号", "a quote inside an unquoted cell")])
            cell, quoted, quoted_before = [], True, True
        else:
            cell.append(c)
        index += 1
    if quoted:
        raise BadInput([problem(file, record_line, "csv", "引号到文件末尾仍未闭合", "a quote still open at the end of the file")])
    if cell or cells or quoted_before:
        end_record()
    return result


def read_table(file, path, required):
    """A CSV file as (row number, {column: cleaned cell}) for the required columns (§2)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise BadInput([problem(file, 0, "file", f"无法读取（{error.strerror}）", f"cannot be read ({error.strerror})")])
    if len(data) > MAX_FILE_BYTES:
        raise BadInput([problem(file, 0, "file", "文件超过 2 GiB", "the file is over 2 GiB")])
    rows = records(file, decode(file, data))
    if not rows:
        raise BadInput([problem(file, 1, "header", "文件是空的", "the file is empty")])
    if len(rows) - 1 > MAX_DATA_RECORDS:
        raise BadInput([problem(file, 0, "file", "超过 10,000,000 行", "more than 10,000,000 records")])
    header_line, header_cells = rows[0]
    header = []
    problems = []
    for raw in header_cells:
        name = raw.strip("".join(TRIMMED))
        if not name:
            problems.append(problem(file, header_line, "header", "表头有空列名", "an empty column name"))
        elif name in header:
            problems.append(problem(file, header_line, name, "列名重复", "the column name appears twice"))
        header.append(name)
    missing = [name for name in required if name not in header]
    if missing:
        problems.append(problem(file, header_line, ",".join(missing), "缺少必需的列", "required columns missing"))
    for line, cells in rows[1:]:
        if len(cells) != len(header_cells):
            problems.append(problem(file, line, "csv", f"有 {len(cells)} 个单元格，表头有 {len(header_cells)} 个",
                                    f"{len(cells)} cells where the header has {len(header_cells)}"))
    if problems:
        raise BadInput(problems)
    position = {name: header.index(name) for name in required}
    return [(line, {name: clean_cell(cells[position[name]]) for name in required}) for line, cells in rows[1:]]


class Cells:
    """Types one row's cells (§2 table), collecting problems instead of stopping at the first."""

    def __init__(self, file, line, values, problems):
        self.file, self.line, self.values, self.problems = file, line, values, problems

    def bad(self, field, zh, en):
        self.problems.append(problem(self.file, self.line, field, zh, en))

    def text(self, field):
        value = self.values[field]
        if not value:
            self.bad(field, "不能为空", "must not be empty")
        return value

    def one_of(self, field, allowed):
        value = self.values[field]
        if value not in allowed:
            self.bad(field, f"须为 {' 或 '.join(allowed)}", f"must be {' or '.join(allowed)}")
        return value

    def whole(self, field):
        value = self.values[field]
        if not WHOLE_NUMBER.fullmatch(value) or not -2**63 <= int(value) <= 2**63 - 1:
            self.bad(field, "不是整数", "not a whole number")
            return None
        return int(value)

    def decimal(self, field):
        value = self.values[field]
        if not DECIMAL_NUMBER.fullmatch(value) or NOT_A_NUMBER.fullmatch(value):
            self.bad(field, "不是数", "not a number")
            return None
        try:
            number = float.fromhex(value) if HEXADECIMAL_NUMBER.match(value) else float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            self.bad(field, "不是有限的数", "not a number (not finite)")
            return None
        return number

    def yes_no(self, field):
        value = self.values[field].lower()
        if value in YES:
            return True
        if value in NO:
            return False
        self.bad(field, "须为 是/否（yes/no）", "must be yes or no")
        return None

    def items(self, field):
        return [item.strip(" ") for item in self.values[field].split(";") if item.strip(" ")]


def unsupported_text(cells, field, value):
    """Texts this verifier cannot write exactly as the engine does (§14.2 allows refusing them)."""
    if any(extends_character(c) or c in "\r\n" for c in value):
        cells.bad(field, "含组合字符或换行，本核验程序不支持（平台不会生成这样的编号）",
                  "has combining marks or line breaks, which this verifier does not support (the platform never makes them)")


def same(text):
    """Equal texts are canonically equivalent texts (§14.2)."""
    return unicodedata.normalize("NFC", text)


def utf8(text):
    return text.encode("utf-8")


# --------------------------------------------------------------------------------------------
# Writing a CSV cell (§10.2)

def written(cell):
    if DECIMAL_NUMBER.fullmatch(cell):
        return cell
    if first_character_after_apostrophes(cell) in FORMULA_STARTS:
        cell = "'" + cell
    if any(character in (",", '"', "\n", "\r") for character in characters(cell)):
        cell = '"' + cell.replace('"', '""') + '"'
    return cell


def csv_line(cells):
    return ",".join(written(cell) for cell in cells) + "\n"


# --------------------------------------------------------------------------------------------
# The seed (§6) and the lottery number (§7)

def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def seed_from(beacon, secret, list_hash):
    return hashlib.sha256(utf8(beacon + secret + list_hash)).digest()


def lottery_number(seed, identifier):
    return int.from_bytes(hmac.new(seed, utf8(identifier), hashlib.sha256).digest()[:8], "big")


# --------------------------------------------------------------------------------------------
# School entry (入学/入园): docs/enrollment.md

SCHOOL_COLUMNS = ["school_id", "name", "district", "ownership", "boarding", "capacity", "lat", "lon", "zones"]
APPLICANT_COLUMNS = ["applicant_id", "district", "zone", "lat", "lon", "track", "choices", "tier", "years"]
RESULT_HEADER = "applicant_id,school_id,route,choice_rank,distance_m,lottery\n"
EARTH_RADIUS_M = 6_371_008.8


def read_schools(path, problems):
    schools = []
    for line, values in read_table("schools.csv", path, SCHOOL_COLUMNS):
        cells = Cells("schools.csv", line, values, problems)
        school = {
            "line": line,
            "id": cells.text("school_id"),
            "district": cells.text("district"),
            "public": cells.one_of("ownership", ["public", "private"]) == "public",
            "boarding": cells.yes_no("boarding"),
            "capacity": cells.whole("capacity"),
            "lat": cells.decimal("lat"),
            "lon": cells.decimal("lon"),
            "zones": cells.items("zones"),
        }
        unsupported_text(cells, "school_id", school["id"])
        schools.append(school)
    return schools


def read_applicants(path, problems):
    applicants = []
    for line, values in read_table("applicants.csv", path, APPLICANT_COLUMNS):
        cells = Cells("applicants.csv", line, values, problems)
        applicant = {
            "line": line,
            "id": cells.text("applicant_id"),
            "district": cells.text("district"),
            "zone": cells.text("zone"),
            "lat": cells.decimal("lat"),
            "lon": cells.decimal("lon"),
            "private_track": cells.one_of("track", ["public", "private"]) == "private",
            "choices": cells.items("choices"),
            "tier": cells.whole("tier"),
            "years": cells.whole("years"),
        }
        for field, value in (("applicant_id", applicant["id"]), ("district", applicant["district"]), ("zone", applicant["zone"])):
            unsupported_text(cells, field, value)
        for choice in applicant["choices"]:
            unsupported_text(cells, "choices", choice)
        applicants.append(applicant)
    return applicants


def in_range(value, low, high):
    return value is not None and low <= value <= high


def check_enrollment(schools, applicants):
    """§5, the checks made once every cell has its type."""
    problems = []

    def bad(file, row, field, zh, en):
        problems.append(problem(file, row, field, zh, en))

    school_by_id, serving = {}, {}
    for school in schools:
        key, line = same(school["id"]), school["line"]
        if key in school_by_id:
            bad("schools.csv", line, "school_id", "学校编号重复", "the school_id appears twice")
        else:
            school_by_id[key] = school
        if not in_range(school["capacity"], 0, 10_000_000):
            bad("schools.csv", line, "capacity", "须在 0…10,000,000 之间", "must be within 0…10,000,000")
        if not in_range(school["lat"], -90, 90):
            bad("schools.csv", line, "lat", "须在 −90…90 之间", "must be within −90…90")
        if not in_range(school["lon"], -180, 180):
            bad("schools.csv", line, "lon", "须在 −180…180 之间", "must be within −180…180")
        if not school["public"] and school["zones"]:
            bad("schools.csv", line, "zones", "民办学校不能有施教区", "a private school serves no zone")
        if school["public"]:
            for zone in school["zones"]:
                if same(zone) in serving:
                    bad("schools.csv", line, "zones", f"施教区 {zone} 已属于另一所公办学校或重复",
                        f"zone {zone} is served twice")
                else:
                    serving[same(zone)] = school
    seen = set()
    for applicant in applicants:
        line = applicant["line"]
        if same(applicant["id"]) in seen:
            bad("applicants.csv", line, "applicant_id", "报名编号重复", "the applicant_id appears twice")
        seen.add(same(applicant["id"]))
        if not in_range(applicant["lat"], -90, 90):
            bad("applicants.csv", line, "lat", "须在 −90…90 之间", "must be within −90…90")
        if not in_range(applicant["lon"], -180, 180):
            bad("applicants.csv", line, "lon", "须在 −180…180 之间", "must be within −180…180")
        if not in_range(applicant["tier"], 1, 99):
            bad("applicants.csv", line, "tier", "须在 1…99 之间", "must be within 1…99")
        if not in_range(applicant["years"], 0, 150):
            bad("applicants.csv", line, "years", "须在 0…150 之间", "must be within 0…150")
        if same(applicant["zone"]) not in serving:
            bad("applicants.csv", line, "zone", "没有公办学校服务这个施教区", "no public school serves this zone")
        if applicant["private_track"] and not applicant["choices"]:
            bad("applicants.csv", line, "choices", "民办志愿为空", "a private-track applicant needs choices")
        if not applicant["private_track"] and applicant["choices"]:
            bad("applicants.csv", line, "choices", "公办路径不填民办志愿", "a public-track applicant has no choices")
        named = set()
        for choice in applicant["choices"]:
            school = school_by_id.get(same(choice))
            if school is None:
                bad("applicants.csv", line, "choices", f"{choice} 不在 schools.csv 中", f"{choice} is not in schools.csv")
            elif school["public"]:
                bad("applicants.csv", line, "choices", f"{choice} 是公办学校", f"{choice} is a public school")
            elif not school["boarding"] and same(school["district"]) != same(applicant["district"]):
                bad("applicants.csv", line, "choices", f"{choice} 是外区的非寄宿民办学校",
                    f"{choice} is a day private school of another district")
            if same(choice) in named:
                bad("applicants.csv", line, "choices", f"{choice} 填了两次", f"{choice} is named twice")
            named.add(same(choice))
    if problems:
        raise BadInput(problems)
    return school_by_id, serving


def canonical_list(applicants):
    """§6: the canonical applicant list whose SHA-256 is the list hash."""
    lines = [",".join(APPLICANT_COLUMNS) + "\n"]
    for applicant in sorted(applicants, key=lambda a: utf8(a["id"])):
        lines.append(csv_line([applicant["id"], applicant["district"], applicant["zone"], repr(applicant["lat"]),
                               repr(applicant["lon"]), "private" if applicant["private_track"] else "public",
                               ";".join(applicant["choices"]), str(applicant["tier"]), str(applicant["years"])]))
    return "".join(lines).encode("utf-8")


def metres(child, school):
    """§8, step by step in double precision, rounded half away from zero."""
    rad = math.pi / 180
    h1 = math.sin(((school["lat"] - child["lat"]) * rad) / 2)
    h2 = math.sin(((school["lon"] - child["lon"]) * rad) / 2)
    c1 = math.cos(child["lat"] * rad)
    c2 = math.cos(school["lat"] * rad)
    a = h1 * h1 + ((c1 * c2) * h2) * h2
    d = EARTH_RADIUS_M * (2 * math.asin(min(1, math.sqrt(a))))
    whole = math.floor(d)
    return whole + (1 if d - whole >= 0.5 else 0)


def draw(schools, applicants, school_by_id, serving, seed, mechanism, private_penalty):
    """§9: every applicant's (school, route, choice rank), in applicants.csv order."""
    remaining = {id(school): school["capacity"] for school in schools}
    placement = {}  # index of applicant -> (school, route, choice rank)

    def admit(index, school, route, rank=None):
        placement[index] = (school, route, rank)
        remaining[id(school)] -= 1

    numbers = [lottery_number(seed, applicant["id"]) for applicant in applicants]
    lottery_order = sorted(range(len(applicants)), key=lambda i: (numbers[i], utf8(applicants[i]["id"])))
    lottery_place = {index: place for place, index in enumerate(lottery_order)}

    # 9.2 private phase
    private_children = [i for i in lottery_order if applicants[i]["private_track"]]
    choices = {i: [school_by_id[same(c)] for c in applicants[i]["choices"]] for i in private_children}
    if mechanism == "immediate":
        rounds = max((len(choices[i]) for i in private_children), default=0)
        for r in range(rounds):
            for i in private_children:
                if i not in placement and len(choices[i]) > r and remaining[id(choices[i][r])] > 0:
                    admit(i, choices[i][r], "private", r + 1)
    else:
        for i in private_children:
            for rank, school in enumerate(choices[i], start=1):
                if remaining[id(school)] > 0:
                    admit(i, school, "private", rank)
                    break

    # 9.3 catchment phase
    def priority(i):
        child = applicants[i]
        returned = 1 if private_penalty and child["private_track"] else 0
        return (child["tier"], returned, -child["years"], lottery_place[i])

    overflow = []
    for i in sorted((i for i in range(len(applicants)) if i not in placement), key=priority):
        school = serving[same(applicants[i]["zone"])]
        if remaining[id(school)] > 0:
            admit(i, school, "catchment")
        else:
            overflow.append(i)

    # 9.4 coordinated phase, district by district
    open_schools = {}
    for school in sorted((s for s in schools if s["public"] and remaining[id(s)] > 0), key=lambda s: utf8(s["id"])):
        open_schools.setdefault(same(school["district"]), []).append(school)
    for i in overflow:
        child = applicants[i]
        candidates = [s for s in open_schools.get(same(child["district"]), []) if remaining[id(s)] > 0]
        if not candidates:
            placement[i] = (None, "unplaced", None)
            continue
        nearest = min(candidates, key=lambda s: metres(child, s))  # min keeps the first of equals: school_id order
        admit(i, nearest, "coordinated")
    return [placement[i] + (numbers[i],) for i in range(len(applicants))]


def results_file(applicants, placements):
    """§10: results.csv, byte for byte."""
    lines = [RESULT_HEADER]
    for applicant, (school, route, rank, number) in zip(applicants, placements):
        lines.append(csv_line([
            applicant["id"],
            school["id"] if school else "",
            route,
            str(rank) if rank else "",
            str(metres(applicant, school)) if school else "",
            f"{number:016x}",
        ]))
    return "".join(lines).encode("utf-8")


# --------------------------------------------------------------------------------------------
# Senior-high entry (中考招生录取): docs/zhongkao.md

ROUND_KINDS = ["quota-district", "quota-school", "unified"]
CHOICE_COLUMNS = {"quota-district": "quota_district_choices", "quota-school": "quota_school_choices", "unified": "unified_choices"}
CANDIDATE_COLUMNS = ["candidate_id", "district", "junior_school", "quota_school_eligible", "total", "pre_admitted",
                     "quota_district_choices", "quota_school_choices", "unified_choices"]
MAX_CHOICES = 15


def zhongkao_yes_no(cells, field, empty_means):
    if cells.values[field] == "":
        return empty_means
    return cells.yes_no(field)


def zhongkao_whole(cells, field, low, high):
    value = cells.whole(field)
    if value is not None and not low <= value <= high:
        cells.bad(field, f"须在 {low}…{high:,} 之间", f"must be within {low}…{high:,}")
        return None
    return value


def zhongkao_list(cells, field):
    """Choices: `;`-separated, spaces around items trimmed, an empty item an error, at most 15, none twice."""
    text = cells.values[field]
    if text == "":
        return []
    items = [item.strip(" ") for item in text.split(";")]
    if any(item == "" for item in items):
        cells.bad(field, "有空的志愿项", "an empty item")
    elif len(items) > MAX_CHOICES:
        cells.bad(field, f"志愿超过 {MAX_CHOICES} 个", f"more than {MAX_CHOICES} choices")
    elif len({same(item) for item in items}) != len(items):
        cells.bad(field, "同一学校填了两次", "a school is named twice")
    return items


def read_rounds(path, problems):
    if path is None:
        return [{"round": kind, "control": 0, "moves": kind != "unified", "line": 0} for kind in ROUND_KINDS], "command line"
    rows = read_table("rounds.csv", path, ["round"])
    with_columns = read_table_optional("rounds.csv", path, ["control_score", "unfilled_seats_to_unified"])
    rounds = []
    for (line, values), extra in zip(rows, with_columns):
        values.update(extra)
        cells = Cells("rounds.csv", line, values, problems)
        kind = cells.one_of("round", ROUND_KINDS)
        control = zhongkao_whole(cells, "control_score", 0, 10_000) if values.get("control_score") else 0
        moves_text = values.get("unfilled_seats_to_unified", "")
        moves = kind != "unified"
        if moves_text:
            moves = cells.yes_no("unfilled_seats_to_unified")
            if kind == "unified" and moves:
                cells.bad("unfilled_seats_to_unified", "统一招生轮须为空或否", "must be empty or no for unified")
        if any(r["round"] == kind for r in rounds):
            cells.bad("round", "同一轮出现两次", "a round appears twice")
        if kind != "unified" and moves and any(r["round"] == "unified" for r in rounds):
            cells.bad("unfilled_seats_to_unified", "统一招生之后的名额分配轮须为否", "a quota round after unified must say no")
        rounds.append({"round": kind, "control": control, "moves": moves, "line": line})
    return rounds, "rounds.csv"


def read_table_optional(file, path, names):
    """The optional columns of a file: each row's cleaned cells for those present."""
    with open(path, "rb") as handle:
        rows = records(file, decode(file, handle.read()))
    header = [raw.strip("".join(TRIMMED)) for raw in rows[0][1]]
    present = [name for name in names if name in header]
    return [{name: clean_cell(cells[header.index(name)]) for name in present} for _, cells in rows[1:]]


def verify_zhongkao(arguments):
    seed = seed_argument(arguments.seed)
    tie_breaks = [name.strip() for name in arguments.tie_break.split(",")] if arguments.tie_break else []
    problems = []
    if len(tie_breaks) > 20 or len(set(tie_breaks)) != len(tie_breaks) or any(not n or n in CANDIDATE_COLUMNS for n in tie_breaks):
        raise BadInput([("command line", 0, "tie-break", "加分比较列有误 / the tie-break columns are wrong "
                                                         "(at most 20, none twice, none of the fixed columns)")])
    try:
        rounds, rounds_file = read_rounds(arguments.rounds, problems)
        schools, quotas, candidates = [], [], []
        for line, values in read_table("high-schools.csv", arguments.high_schools, ["school_id", "name", "district", "kind", "unified_seats"]):
            cells = Cells("high-schools.csv", line, values, problems)
            schools.append({"line": line, "id": cells.text("school_id"), "district": cells.text("district"),
                            "unified": zhongkao_whole(cells, "unified_seats", 0, 100_000)})
            unsupported_text(cells, "school_id", schools[-1]["id"])
        for line, values in read_table("quotas.csv", arguments.quotas, ["school_id", "round", "scope", "seats"]):
            cells = Cells("quotas.csv", line, values, problems)
            quotas.append({"line": line, "school": cells.text("school_id"), "round": cells.one_of("round", ROUND_KINDS[:2]),
                           "scope": cells.text("scope"), "seats": zhongkao_whole(cells, "seats", 0, 100_000)})
        for line, values in read_table("candidates.csv", arguments.candidates, CANDIDATE_COLUMNS + tie_breaks):
            cells = Cells("candidates.csv", line, values, problems)
            candidate = {"line": line, "id": cells.text("candidate_id"), "district": cells.text("district"),
                         "junior": cells.text("junior_school"),
                         "eligible": zhongkao_yes_no(cells, "quota_school_eligible", False),
                         "total": zhongkao_whole(cells, "total", 0, 10_000),
                         "pre": zhongkao_yes_no(cells, "pre_admitted", False),
                         "choices": {kind: zhongkao_list(cells, column) for kind, column in CHOICE_COLUMNS.items()},
                         "ties": [zhongkao_whole(cells, name, 0, 10_000) for name in tie_breaks]}
            unsupported_text(cells, "candidate_id", candidate["id"])
            candidates.append(candidate)
    except BadInput as error:
        problems.extend(error.problems)
    if problems:
        raise BadInput(problems)

    def bad(file, row, field, zh, en):
        problems.append(problem(file, row, field, zh, en))

    run = {r["round"] for r in rounds}
    school_by_id = {}
    for school in schools:
        if same(school["id"]) in school_by_id:
            bad("high-schools.csv", school["line"], "school_id", "学校编号重复", "the school_id appears twice")
        school_by_id.setdefault(same(school["id"]), school)
    districts = {same(c["district"]) for c in candidates}
    juniors = {same(c["junior"]) for c in candidates}
    lines = {}
    for quota in quotas:
        key = (same(quota["school"]), quota["round"], same(quota["scope"]))
        if key[0] not in school_by_id:
            bad("quotas.csv", quota["line"], "school_id", "不在 high-schools.csv 中", "not in high-schools.csv")
        if quota["round"] not in run:
            bad("quotas.csv", quota["line"], "round", "这一轮不录取", "a round that is not run")
        if key[2] not in (districts if quota["round"] == "quota-district" else juniors):
            bad("quotas.csv", quota["line"], "scope", "没有考生属于这个范围", "no candidate has this scope")
        if key in lines:
            bad("quotas.csv", quota["line"], "scope", "名额行重复", "the quota line appears twice")
        lines[key] = quota["seats"]
    seen = set()
    for c in candidates:
        if same(c["id"]) in seen:
            bad("candidates.csv", c["line"], "candidate_id", "考生编号重复", "the candidate_id appears twice")
        seen.add(same(c["id"]))
        for kind, column in CHOICE_COLUMNS.items():
            if c["choices"][kind] and kind not in run:
                bad("candidates.csv", c["line"], column, "这一轮不录取，须为空", "must be empty: the round is not run")
            if kind == "quota-school" and c["choices"][kind] and not c["eligible"]:
                bad("candidates.csv", c["line"], column, "不具备名额分配到校资格", "the candidate is not quota_school_eligible")
            scope = same(c["district"] if kind == "quota-district" else c["junior"])
            for choice in c["choices"][kind]:
                if same(choice) not in school_by_id:
                    bad("candidates.csv", c["line"], column, f"{choice} 不在 high-schools.csv 中", f"{choice} is not in high-schools.csv")
                elif kind != "unified" and (same(choice), kind, scope) not in lines:
                    bad("candidates.csv", c["line"], column, f"{choice} 没有对应的名额行", f"{choice} has no quota line for the candidate")
    if problems:
        raise BadInput(problems)

    if arguments.list_hash is not None:
        list_lines = [",".join(CANDIDATE_COLUMNS + tie_breaks) + "\n"]
        for c in sorted(candidates, key=lambda c: utf8(c["id"])):
            list_lines.append(csv_line([c["id"], c["district"], c["junior"], "yes" if c["eligible"] else "no", str(c["total"]),
                                        "yes" if c["pre"] else "no"] + [";".join(c["choices"][k]) for k in ROUND_KINDS]
                                       + [str(t) for t in c["ties"]]))
        list_hash = sha256_hex("".join(list_lines).encode("utf-8"))
        say(f"名单哈希（按规则重算）：{list_hash}", f"List hash (recomputed): {list_hash}")
        if arguments.list_hash.strip().lower() != list_hash:
            return differ(f"公布的名单哈希是 {arguments.list_hash}。", f"the published list hash is {arguments.list_hash}.")

    numbers = [lottery_number(seed, c["id"]) for c in candidates]
    order = sorted(range(len(candidates)), key=lambda i: (-candidates[i]["total"], [-t for t in candidates[i]["ties"]],
                                                          numbers[i], utf8(candidates[i]["id"])))
    unified = {same(s["id"]): s["unified"] for s in schools}
    outcome = {i: ("", "pre-admitted", "") for i, c in enumerate(candidates) if c["pre"]}
    for r in rounds:
        kind = r["round"]
        pools = {key: seats for key, seats in lines.items() if key[1] == kind} if kind != "unified" else unified
        for i in order:
            c = candidates[i]
            if i in outcome or c["total"] < r["control"]:
                continue
            scope = same(c["district"] if kind == "quota-district" else c["junior"])
            for rank, choice in enumerate(c["choices"][kind], start=1):
                key = same(choice) if kind == "unified" else (same(choice), kind, scope)
                if pools.get(key, 0) > 0:
                    pools[key] -= 1
                    outcome[i] = (school_by_id[same(choice)]["id"], kind, str(rank))
                    break
        if kind != "unified" and r["moves"]:
            for (school, _, _), seats in pools.items():
                unified[school] += seats
    expected = [RESULT_HEADER_ZHONGKAO] + [
        csv_line([c["id"], *outcome.get(i, ("", "unadmitted", "")), f"{numbers[i]:016x}"]) for i, c in enumerate(candidates)]
    return compare_results(arguments.results, "".join(expected).encode("utf-8"), len(candidates))


RESULT_HEADER_ZHONGKAO = "candidate_id,school_id,round,choice_rank,lottery\n"


# --------------------------------------------------------------------------------------------
# The command

def say(zh, en):
    print(f"{zh}\n{en}")


def differ(zh, en):
    print(f"不一致：{zh}\nDIFFERENT: {en}")
    return 1


def first_difference(published, recomputed):
    """The first differing line of two results files (row 1 is the header), both versions."""
    published_lines = published.split(b"\n")
    recomputed_lines = recomputed.split(b"\n")
    for index in range(max(len(published_lines), len(recomputed_lines))):
        old = published_lines[index] if index < len(published_lines) else None
        new = recomputed_lines[index] if index < len(recomputed_lines) else None
        if old != new:
            return index + 1, old, new
    return None


def shown(line):
    return "(无 none)" if line is None else line.decode("utf-8", errors="backslashreplace")


def seed_argument(text):
    if not re.fullmatch(r"[0-9a-fA-F]{64}", text):
        raise BadInput([("--seed", 0, "seed", "须为 64 位十六进制数 / must be 64 hexadecimal digits")])
    return bytes.fromhex(text)


def verify_enrollment(arguments):
    seed_given = seed_argument(arguments.seed) if arguments.seed is not None else None
    if seed_given is None and (arguments.beacon is None or arguments.secret is None):
        raise BadInput([("command line", 0, "--seed", "须给出 --seed，或 --beacon 和 --secret / "
                                                      "give --seed, or --beacon and --secret")])
    problems = []
    schools, applicants = [], []
    for reader, path, into in ((read_schools, arguments.schools, schools), (read_applicants, arguments.applicants, applicants)):
        try:
            into.extend(reader(path, problems))
        except BadInput as error:
            problems.extend(error.problems)
    if problems:
        raise BadInput(problems)
    school_by_id, serving = check_enrollment(schools, applicants)
    list_hash = sha256_hex(canonical_list(applicants))
    say(f"名单哈希（按规则重算）：{list_hash}", f"List hash (recomputed): {list_hash}")
    if arguments.list_hash is not None and arguments.list_hash.strip().lower() != list_hash:
        return differ(f"公布的名单哈希是 {arguments.list_hash}，由 applicants.csv 算得 {list_hash}。",
                      f"the published list hash is {arguments.list_hash}; applicants.csv gives {list_hash}.")
    with open(arguments.applicants, "rb") as handle:
        if sha256_hex(handle.read()) != list_hash:
            say("注意：applicants.csv 不是规范格式（平台公布的文件是），名单哈希按规范格式计算。",
                "Note: applicants.csv is not in canonical form (the platform publishes it so); the hash is of the canonical form.")

    if arguments.beacon is not None and arguments.secret is not None:
        beacon, secret = arguments.beacon.strip(), arguments.secret.strip()
        if arguments.commitment is not None:
            commitment = sha256_hex(utf8(secret))
            if commitment != arguments.commitment.strip().lower():
                return differ(f"公证密钥的 SHA-256 是 {commitment}，与事先公布的 {arguments.commitment} 不同。",
                              f"the notary secret hashes to {commitment}, not to the published commitment {arguments.commitment}.")
        seed = seed_from(beacon, secret, list_hash)
        if seed_given is not None and seed_given != seed:
            return differ(f"由随机数、公证密钥和名单哈希算得种子 {seed.hex()}，与给出的 --seed 不同。",
                          f"beacon, secret and list hash give the seed {seed.hex()}, not the --seed given.")
    else:
        seed = seed_given
    say(f"种子：{seed.hex()}", f"Seed: {seed.hex()}")

    placements = draw(schools, applicants, school_by_id, serving, seed,
                      arguments.private_mechanism, not arguments.no_private_penalty)
    return compare_results(arguments.results, results_file(applicants, placements), len(applicants))


def compare_results(path, recomputed, count):
    """Byte for byte: OK (0), or the first differing row with both versions (1)."""
    try:
        with open(path, "rb") as handle:
            published = handle.read()
    except OSError as error:
        raise BadInput([("results.csv", 0, "file", f"无法读取 / cannot be read ({error.strerror})")])
    difference = first_difference(published, recomputed)
    if difference is None:
        say(f"一致：{count} 行结果全部相同。", f"OK: {count} rows agree")
        return 0
    row, old, new = difference
    print(f"不一致：results.csv 第 {row} 行\nDIFFERENT: results.csv row {row}")
    print(f"  公布 published:  {shown(old)}")
    print(f"  重算 recomputed: {shown(new)}")
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="verify.py", description="优教派位核验：按公开规则重算结果并与公布的文件逐字节比对。"
                                      " Youjiao draw verifier: recompute the results from the public files and compare them byte for byte.")
    modes = parser.add_subparsers(dest="mode", required=True)
    enroll = modes.add_parser("enroll", help="入学/入园派位 school entry (docs/enrollment.md)")
    enroll.add_argument("--schools", required=True, help="schools.csv")
    enroll.add_argument("--applicants", required=True, help="applicants.csv (the frozen list)")
    enroll.add_argument("--results", required=True, help="results.csv as published")
    enroll.add_argument("--beacon", help="公开随机数 the beacon value")
    enroll.add_argument("--secret", help="公证密钥 the notary's secret")
    enroll.add_argument("--commitment", help="公证密钥的哈希（事先公布） the notary's commitment, checked if given")
    enroll.add_argument("--list-hash", help="公布的名单哈希 the published list hash, checked if given")
    enroll.add_argument("--seed", help="种子（64 位十六进制），代替或核对 --beacon/--secret  the seed itself")
    enroll.add_argument("--private-mechanism", choices=["immediate", "deferred"], default="immediate")
    enroll.add_argument("--no-private-penalty", action="store_true")
    zhongkao = modes.add_parser("zhongkao", help="中考招生录取 senior-high entry (docs/zhongkao.md)")
    zhongkao.add_argument("--high-schools", required=True, help="high-schools.csv")
    zhongkao.add_argument("--quotas", required=True, help="quotas.csv")
    zhongkao.add_argument("--candidates", required=True, help="candidates.csv")
    zhongkao.add_argument("--rounds", help="rounds.csv (default: Shanghai's three rounds)")
    zhongkao.add_argument("--tie-break", help="同分比较的列，逗号分隔 the tie-break columns, comma-separated, in order")
    zhongkao.add_argument("--seed", required=True, help="种子（64 位十六进制） the seed")
    zhongkao.add_argument("--list-hash", help="公布的名单哈希 the published list hash, checked if given")
    zhongkao.add_argument("--results", required=True, help="results.csv as published")
    arguments = parser.parse_args(argv)
    try:
        return verify_enrollment(arguments) if arguments.mode == "enroll" else verify_zhongkao(arguments)
    except BadInput as error:
        for file, row, field, reason in error.problems[:MAX_PROBLEMS_SHOWN]:
            where = f"row {row}, " if row else ""
            print(f"{file}: {where}field {field}: {reason}", file=sys.stderr)
        if len(error.problems) > MAX_PROBLEMS_SHOWN:
            rest = len(error.problems) - MAX_PROBLEMS_SHOWN
            print(f"……另有 {rest} 个问题 / … and {rest} more problems", file=sys.stderr)
        print("输入有误，未核验。Bad input: nothing was verified.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
