#!/usr/bin/env python3
"""The caseload benchmark in plain Python: one heapq event loop.

Written from the specification in benchmarks/README.md ("The caseload
benchmark"), as the peer casesim is timed against. Nothing beyond the standard
library, and no tricks a modeller would not write: every worker's daily visit
round is an event on the heap, as the spec counts it.

    benchmarks/caseload/peer_heapq.py [--days 20000] [--seed 12345] ...
"""
import argparse
import heapq
import math
import random
import sys
import time
from collections import deque

ARRIVAL, CLOSURE, ROUND = 0, 1, 2


def erlang_c(servers, offered_load):
    """P(wait > 0) in an M/M/c queue, by the stable Erlang-B recursion."""
    blocking = 1.0
    for k in range(1, servers + 1):
        blocking = offered_load * blocking / (k + offered_load * blocking)
    rho = offered_load / servers
    return blocking / (1.0 - rho + rho * blocking)


def batch_means_ci(values, batches=20):
    """Mean and 95% half-width of `values` from `batches` consecutive batch means."""
    size = len(values) // batches
    if size == 0:
        return float("nan"), float("nan")
    means = [sum(values[b * size:(b + 1) * size]) / size for b in range(batches)]
    mean = sum(means) / batches
    var = sum((m - mean) ** 2 for m in means) / (batches - 1)
    return mean, 2.093 * math.sqrt(var / batches)  # t(0.975, 19 degrees of freedom)


def run(workers, cap, rate, duration, interval, visits_per_day, lookahead, days, seed):
    rng = random.Random(seed)
    heap = []
    seq = 0
    load = [0] * workers
    # Per worker: case id -> due day of its next visit.
    caseload = [dict() for _ in range(workers)]
    case_worker = {}
    queue = deque()  # arrival times of referrals waiting for a worker
    next_case_id = 0
    waits = []
    c = {"events": 0, "arrivals": 0, "closures": 0, "rounds": 0, "visits": 0, "late_visits": 0, "overdue": 0}

    def allocate(now):
        nonlocal seq, next_case_id
        best = -1
        for w in range(workers):
            if load[w] < cap and (best < 0 or load[w] < load[best]):
                best = w
        if best < 0:
            return False
        case_id = next_case_id
        next_case_id += 1
        load[best] += 1
        caseload[best][case_id] = math.floor(now) + interval
        case_worker[case_id] = best
        closes = now + rng.expovariate(1.0 / duration)
        if closes < days:
            heapq.heappush(heap, (closes, seq, CLOSURE, case_id))
            seq += 1
        return True

    heapq.heappush(heap, (rng.expovariate(rate), seq, ARRIVAL, 0))
    seq += 1
    for w in range(workers):
        heapq.heappush(heap, (0.0, seq, ROUND, w))
        seq += 1

    while heap:
        now, _, kind, subject = heapq.heappop(heap)
        if now >= days:
            break
        c["events"] += 1
        if kind == ARRIVAL:
            c["arrivals"] += 1
            if not queue and allocate(now):
                waits.append(0.0)
            else:
                queue.append(now)
            heapq.heappush(heap, (now + rng.expovariate(rate), seq, ARRIVAL, 0))
            seq += 1
        elif kind == CLOSURE:
            c["closures"] += 1
            w = case_worker.pop(subject)
            del caseload[w][subject]
            load[w] -= 1
            if queue and allocate(now):
                waits.append(now - queue.popleft())
        else:
            c["rounds"] += 1
            day = int(now)
            cases = caseload[subject]
            eligible = sorted((due, case_id) for case_id, due in cases.items() if due <= day + lookahead)
            for due, case_id in eligible[:visits_per_day]:
                c["visits"] += 1
                if due < day:
                    c["late_visits"] += 1
                cases[case_id] = day + interval
            for due, _ in eligible[visits_per_day:]:
                if due == day:
                    c["overdue"] += 1
            if day + 1 < days:
                heapq.heappush(heap, (float(day + 1), seq, ROUND, subject))
                seq += 1

    c["queue_at_end"] = len(queue)
    c["open_at_end"] = sum(load)
    return c, waits


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=10)
    p.add_argument("--cap", type=int, default=18)
    p.add_argument("--rate", type=float, default=2.9)
    p.add_argument("--duration", type=float, default=60.0)
    p.add_argument("--interval", type=int, default=10)
    p.add_argument("--visits", type=int, default=2)
    p.add_argument("--lookahead", type=int, default=1)
    p.add_argument("--days", type=int, default=20000)
    p.add_argument("--seed", type=int, default=12345)
    a = p.parse_args()

    wall0, cpu0 = time.perf_counter(), time.process_time()
    c, waits = run(a.workers, a.cap, a.rate, a.duration, a.interval, a.visits, a.lookahead, a.days, a.seed)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0

    waited = [x for x in waits if x > 0.0]
    mean_wait, wait_hw = batch_means_ci(waits)
    share, share_hw = batch_means_ci([1.0 if x > 0.0 else 0.0 for x in waits])
    servers, offered = a.workers * a.cap, a.rate * a.duration
    p_wait = erlang_c(servers, offered)
    wq = p_wait / (servers / a.duration - a.rate)
    for key in ("events", "arrivals", "closures", "rounds", "visits", "late_visits", "overdue"):
        print(f"{key:32s} {c[key]}")
    print(f"{'overdue per 1000 visits':32s} {1000.0 * c['overdue'] / max(c['visits'], 1):.3f}")
    print(f"{'allocated referrals':32s} {len(waits)}")
    print(f"{'mean unallocated wait (days)':32s} {mean_wait:.3f} +- {wait_hw:.3f}  (Erlang C: {wq:.3f})")
    print(f"{'fraction that waited':32s} {share:.4f} +- {share_hw:.4f}  (Erlang C: {p_wait:.4f})")
    print(f"{'mean wait of those that waited':32s} {sum(waited) / max(len(waited), 1):.3f}")
    print(f"{'queue at T':32s} {c['queue_at_end']}")
    print(f"{'open cases at T':32s} {c['open_at_end']}")
    print(f"{'wall seconds':32s} {wall:.3f}")
    print(f"{'cpu seconds':32s} {cpu:.3f}")
    print(f"{'events/s':32s} {c['events'] / wall:.0f}")
    print(f"{'us per simulated day (cpu)':32s} {1e6 * cpu / a.days:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
