#!/usr/bin/env python3
"""NumPy peer of Youjiao's school-place projection (Sources/YoujiaoCore/Planning), same method:

- grades K1 K2 K3 1..12 (15); K1 in year t = births(t-3) x ratio, grade 1 = births(t-6) x ratio,
  every other grade = the grade below in t-1 x ratio;
- ratios = mean of the yearly ratios over the last `history` years (years whose source is 0 skipped),
  low/high = their min/max, chained through the projection;
- births after the last known year: least-squares line over the last 5 known years, floored at 0;
- backtest: project `holdout` years from base-holdout with births known only up to that origin,
  stage totals (kindergarten K1-K3, primary 1-5, junior 6-9, senior 10-12) per district.

Usage: planning_numpy.py DIR BASE_YEAR YEARS HISTORY HOLDOUT REPS
Reads DIR/births.csv (district,year,births) and DIR/enrollment.csv (district,year,grade,students),
writes DIR/numpy_projection.bin (float64 [3, districts, years, 15]: projected, low, high) and
DIR/numpy_backtest.bin (float64 [districts, 4, holdout]), prints one JSON line with the timings.
The timed part starts from the parsed columns (as the Swift side starts from its record arrays).
"""
import json
import resource
import sys
import time

import numpy as np

GRADES = ["K1", "K2", "K3"] + [str(g) for g in range(1, 13)]
GRADE_INDEX = {g: i for i, g in enumerate(GRADES)}
K1, G1 = 0, 3
AGE = np.arange(15) + 3          # K1 = 3 ... grade 12 = 17
STAGES = [(0, 3), (3, 8), (8, 12), (12, 15)]
TREND_YEARS = 5


def read_columns(path, grade_column):
    with open(path, encoding="utf-8") as handle:
        handle.readline()
        rows = [line.rstrip("\n").split(",") for line in handle if line.strip()]
    district = np.array([r[0] for r in rows])
    year = np.array([int(r[1]) for r in rows], dtype=np.int64)
    if grade_column:
        grade = np.array([GRADE_INDEX[r[2]] for r in rows], dtype=np.int64)
        value = np.array([float(r[3]) for r in rows])
        return district, year, grade, value
    return district, year, np.array([float(r[2]) for r in rows])


def dense(births_cols, enrollment_cols, first_year, base_year):
    e_district, e_year, e_grade, e_value = enrollment_cols
    b_district, b_year, b_value = births_cols
    districts, e_index = np.unique(e_district, return_inverse=True)
    keep = (e_year >= first_year) & (e_year <= base_year)
    enrollment = np.zeros((len(districts), base_year - first_year + 1, 15))
    enrollment[e_index[keep], e_year[keep] - first_year, e_grade[keep]] = e_value[keep]
    b_index = np.searchsorted(districts, b_district)
    birth_first = first_year - 5
    birth_last = int(b_year.max())
    births = np.zeros((len(districts), birth_last - birth_first + 1))
    keep = b_year >= birth_first
    births[b_index[keep], b_year[keep] - birth_first] = b_value[keep]
    return districts, enrollment, births, birth_first


def extend_births(births, birth_first, known_through, last_needed):
    """Known births up to known_through, then the least-squares line of the last 5 known years."""
    known = births[:, : known_through - birth_first + 1]
    width = max(known.shape[1], last_needed - birth_first + 1)
    out = np.zeros((births.shape[0], width))
    out[:, : known.shape[1]] = known
    if last_needed > known_through:
        years = np.arange(max(birth_first, known_through - TREND_YEARS + 1), known_through + 1, dtype=np.float64)
        values = known[:, years.astype(np.int64) - birth_first]
        mean_year = years.sum() / len(years)
        mean_value = values.sum(axis=1) / len(years)
        dx = years - mean_year
        covariance = np.zeros(values.shape[0])
        variance = 0.0
        for k in range(len(years)):       # the same summation order as the Swift code
            covariance += dx[k] * (values[:, k] - mean_value)
            variance += dx[k] * dx[k]
        slope = covariance / variance if variance > 0 else np.zeros_like(covariance)
        future = np.arange(known_through + 1, last_needed + 1, dtype=np.float64)
        line = mean_value[:, None] + slope[:, None] * (future[None, :] - mean_year)
        out[:, known_through + 1 - birth_first: last_needed + 1 - birth_first] = np.maximum(0.0, line)
    return out


def project(enrollment, first_year, births, birth_first, base_year, years, history, known_through):
    ext = extend_births(births, birth_first, known_through, base_year + years - 3)
    ratio_years = np.arange(base_year - history + 1, base_year + 1)
    rows = ratio_years - first_year
    target = enrollment[:, rows, :]                                   # [d, k, g]
    source = np.empty_like(target)
    source[:, :, 1:] = enrollment[:, rows - 1, :-1]
    source[:, :, K1] = ext[:, ratio_years - AGE[K1] - birth_first]
    source[:, :, G1] = ext[:, ratio_years - AGE[G1] - birth_first]
    valid = source > 0
    yearly = np.where(valid, target / np.where(valid, source, 1.0), np.nan)
    count = valid.sum(axis=1)
    total = np.zeros(yearly.shape[::2])
    for k in range(len(ratio_years)):                                # sequential, as in Swift
        total += np.where(valid[:, k, :], yearly[:, k, :], 0.0)
    some = count > 0
    ratio = np.where(some, total / np.maximum(count, 1), 0.0)
    low = np.where(some, np.nanmin(np.where(valid, yearly, np.inf), axis=1), 0.0)
    high = np.where(some, np.nanmax(np.where(valid, yearly, -np.inf), axis=1), 0.0)

    out = np.zeros((3, enrollment.shape[0], years, 15))
    previous = [enrollment[:, base_year - first_year, :]] * 3
    for step in range(1, years + 1):
        year = base_year + step
        for band, r in enumerate((ratio, low, high)):
            current = np.empty_like(previous[band])
            current[:, 1:] = previous[band][:, :-1] * r[:, 1:]
            current[:, K1] = ext[:, year - AGE[K1] - birth_first] * r[:, K1]
            current[:, G1] = ext[:, year - AGE[G1] - birth_first] * r[:, G1]
            out[band, :, step - 1, :] = current
            previous[band] = current
    return out


def stage_totals(grades):
    return np.stack([grades[..., a:b].sum(axis=-1) for a, b in STAGES], axis=-2)


def run(births_cols, enrollment_cols, base_year, years, history, holdout):
    first_year = base_year - holdout - history
    districts, enrollment, births, birth_first = dense(births_cols, enrollment_cols, first_year, base_year)
    projection = project(enrollment, first_year, births, birth_first, base_year, years, history,
                         int(births_cols[1].max()))
    origin = base_year - holdout
    held = project(enrollment, first_year, births, birth_first, origin, holdout, history, origin)
    projected = stage_totals(held[0])                                  # [d, stage, h]
    actual = stage_totals(enrollment[:, origin - first_year + 1:, :])  # [d, stage, h]
    ape = np.abs(projected - actual) / np.where(actual > 0, actual, np.nan) * 100
    mape_by_horizon = np.nanmean(ape, axis=(0, 1))
    return projection, projected, mape_by_horizon


def main():
    directory, base_year, years, history, holdout, reps = sys.argv[1], *map(int, sys.argv[2:7])
    births_cols = read_columns(directory + "/births.csv", grade_column=False)
    enrollment_cols = read_columns(directory + "/enrollment.csv", grade_column=True)
    seconds = []
    for _ in range(reps):
        start = time.perf_counter()
        projection, backtest, mape = run(births_cols, enrollment_cols, base_year, years, history, holdout)
        seconds.append(time.perf_counter() - start)
    projection.astype("<f8").tofile(directory + "/numpy_projection.bin")
    backtest.astype("<f8").tofile(directory + "/numpy_backtest.bin")
    print(json.dumps({
        "seconds": seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "numpy": np.__version__,
        "mape_by_horizon": [round(float(m), 4) for m in mape],
    }))


if __name__ == "__main__":
    main()
