#!/usr/bin/env python3
"""The peer for bench/run.sh: the same national radar and 10-nearest-neighbour computation as Wijkradar's,
in numpy and scikit-learn, on the same bundled CSV. Prints "name mediaan_ms=… min_ms=… runs=…".

NaN-aware distances use sklearn's nan_euclidean_distances (sqrt(n/present · Σ), a constant multiple of
Wijkradar's root mean square, so the order of neighbours is the same).
"""
import gzip, os, sys, time

import numpy as np
import pandas as pd
from sklearn.metrics.pairwise import nan_euclidean_distances

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSV = os.path.join(ROOT, "Sources", "DataImport", "Bundled", "cbs-kwb-2022-wijk.csv.gz")
URBANITY = {"extremely urbanised": 1, "strongly urbanised": 2, "moderately urbanised": 3, "hardly urbanised": 4, "not urbanised": 5}
RULES = [("income_low", 1), ("income_high", -1), ("dwelling_value", -1), ("employment_rate", -1), ("dwelling_ownership", -1), ("edu_appl_sci", -1)]
FEATURES = ["pop_0_14", "pop_65plus", "dwelling_value", "dwelling_ownership", "employment_rate", "income_low", "income_high", "edu_appl_sci", "urbanity"]


def load():
    frame = pd.read_csv(gzip.open(CSV), na_values=["NA"])
    frame["urbanity"] = frame["urbanity"].map(URBANITY)
    return frame


def compute(frame):
    # Radar: z-scores (sample sd), direction-adjusted mean over available rules, fired rules, ranking.
    rules = frame[[c for c, _ in RULES]].to_numpy(dtype=float)
    z = (rules - np.nanmean(rules, axis=0)) / np.nanstd(rules, axis=0, ddof=1)
    adjusted = z * np.array([s for _, s in RULES])
    present = ~np.isnan(adjusted)
    composite = np.where(present.sum(axis=1) * 2 >= len(RULES), np.nansum(adjusted, axis=1) / np.maximum(present.sum(axis=1), 1), np.nan)
    fired = (np.nan_to_num(adjusted, nan=-np.inf) >= 1.0).sum(axis=1)
    ranking = np.lexsort((frame["code"].to_numpy(), -fired, -np.nan_to_num(composite, nan=-np.inf)))
    # Similarity: standardise, NaN-aware distances between all pairs, 10 nearest per wijk.
    features = frame[FEATURES].to_numpy(dtype=float)
    zf = (features - np.nanmean(features, axis=0)) / np.nanstd(features, axis=0, ddof=1)
    distances = nan_euclidean_distances(zf, zf)
    np.fill_diagonal(distances, np.inf)
    distances = np.nan_to_num(distances, nan=np.inf)
    neighbours = np.argpartition(distances, 10, axis=1)[:, :10]
    order = np.take_along_axis(distances, neighbours, axis=1).argsort(axis=1)
    return ranking, np.take_along_axis(neighbours, order, axis=1)


def main(runs):
    frame = load()
    compute(frame)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        compute(frame)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"numpy_sklearn_radar_en_gelijkende_wijken_{len(frame)} mediaan_ms={times[len(times) // 2]:.2f} min_ms={times[0]:.2f} runs={runs}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
