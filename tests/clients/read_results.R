# Reads the sample results file with rhdf5, as docs/results-format.md tells a
# researcher to, and checks every value, shape and label in it.
#
# The file comes from write_sample_results (tests/clients/write_sample_results.cpp):
# 2 variants x 3 replications x 5 weeks, replication 2 of variant 1 unwritten;
# /summary/<metric m>[v, r] = 100 v + 10 r + m, except NaN (not applicable)
# for unallocated_wait_mean at (0, 1) and for assessments_within_standard_share
# in every replication of variant 1; /series/<series s>[v, r, w] = 1000 v +
# 100 r + 10 s + w; and two duration histograms of 92 bins (sample_durations there)
# (0-based, in HDF5's order; rhdf5 reverses the axes, so in R the summary is
# x[r + 1, v + 1] and the series x[w + 1, r + 1, v + 1]).
#
# First the R example in the docs runs verbatim (only the file name changed),
# so the docs cannot drift from what works; then the same calls check the rest.
#
# A second file, from write_sample_results --snapshot, checks the docs' example
# for a run from a snapshot (children and dated changes).
#
# Usage: /usr/bin/Rscript --vanilla read_results.R SAMPLE.h5 [SNAPSHOT_SAMPLE.h5]
library(rhdf5)

path <- commandArgs(trailingOnly = TRUE)[1]
script <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE))
docs <- file.path(dirname(normalizePath(script)), "..", "..", "docs", "results-format.md")

check <- function(ok, what) if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE)
same_bytes <- function(a, b) identical(charToRaw(a), charToRaw(b))

variants_expected <- c("baseline", "extra_worker")
metrics_expected <- c("referrals_received", "unallocated_wait_mean", "assessments_within_standard_share")
series_expected <- c("caseload", "unallocated")
weeks_expected <- c("2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22", "2024-04-29")

# --- the documented example, verbatim -------------------------------------
docs_text <- paste(readLines(docs, encoding = "UTF-8", warn = FALSE), collapse = "\n")
blocks <- regmatches(docs_text, regexpr("```r\n(.*?)```", docs_text))
check(length(blocks) == 1, "docs/results-format.md has an ```r example")
code <- sub("```$", "", sub("^```r\n", "", blocks))
check(grepl("\"baseline.h5\"", code, fixed = TRUE), "the R example reads \"baseline.h5\"")
example <- new.env()
eval(parse(text = gsub("\"baseline.h5\"", deparse(path), code, fixed = TRUE)), envir = example)

check(example$run$seed == 20240401, "seed attribute")
check(same_bytes(example$run$scenario_name, "sample"), "scenario_name attribute")
check(identical(as.vector(example$variants), variants_expected), "variant names")
# rhdf5 reverses the axes: completed is [replication, variant].
check(identical(dim(example$completed), c(3L, 2L)), "completed is replication x variant")
check(identical(example$completed, matrix(c(TRUE, TRUE, TRUE, TRUE, TRUE, FALSE), nrow = 3)), "completed values")
check(identical(dim(example$waits), c(3L, 2L)), "summary is replication x variant")
check(identical(example$applies, matrix(c(TRUE, FALSE, TRUE, TRUE, TRUE, FALSE), nrow = 3)),
      "applies: completed and not NaN")
check(identical(example$n, c(baseline = 2, extra_worker = 2)), "replications where it applies")
# Means over the replications where it applies: (1 + 21) / 2 and (101 + 111) / 2.
check(identical(example$mean_wait, c(baseline = 11, extra_worker = 106)), "mean wait per variant")
# The same lines on a metric that applies in no replication of a variant: NaN, n 0.
shares <- new.env()
eval(parse(text = gsub("/summary/unallocated_wait_mean", "/summary/assessments_within_standard_share",
                       gsub("\"baseline.h5\"", deparse(path), code, fixed = TRUE), fixed = TRUE)), envir = shares)
check(identical(shares$n, c(baseline = 3, extra_worker = 0)), "a share applying in no replication: n 0")
check(identical(shares$mean_wait, c(baseline = 12, extra_worker = NaN)), "a share applying in no replication: NaN")
check(identical(example$weeks, as.Date(weeks_expected)), "week start dates")
check(identical(dim(example$caseload), c(5L, 3L, 2L)), "series is week x replication x variant")
# Variant 1: mean of 100 r + w over r = 0, 1, 2; variant 2: of 1000 + 100 r + w over r = 0, 1.
check(identical(example$caseload_mean, matrix(c(100:104, 1050:1054) + 0, nrow = 5)), "mean caseload per week")
check(identical(example$caseload_long$variant, rep(variants_expected, each = 5)), "long frame: variant column")
check(identical(example$caseload_long$week, rep(as.Date(weeks_expected), times = 2)), "long frame: week column")
check(identical(example$caseload_long$caseload, c(100:104, 1050:1054) + 0), "long frame: caseload column")

# --- the whole file, with the same calls ----------------------------------
run <- h5readAttributes(path, "/", bit64conversion = "double")
check(setequal(names(run), c("format_version", "casesim_version", "scenario_name", "scenario_file", "seed",
                             "start_date", "horizon_weeks", "warm_up_weeks", "stream_scheme_version",
                             "boost_version", "command_line", "created_utc", "scenario_description",
                             "coordinates")),
      "the thirteen root attributes, and the coordinates xarray reads")
check(same_bytes(run$scenario_description, "A sample team, for the clients' tests."), "scenario_description")
check(identical(run$format_version, 3L), "format_version is integer 3")
check(identical(run$horizon_weeks, 5L) && identical(run$warm_up_weeks, 1L), "horizon and warm-up weeks")
check(identical(run$stream_scheme_version, 1L), "stream_scheme_version")
for (field in c("casesim_version", "scenario_file", "start_date", "boost_version", "command_line", "created_utc"))
  check(is.character(run[[field]]) && length(run[[field]]) == 1, paste(field, "is one string"))
check(same_bytes(run$scenario_file, "scenarios/sample.yaml"), "scenario_file")
check(same_bytes(run$start_date, "2024-04-01"), "start_date")
check(same_bytes(run$boost_version, "1.74.0"), "boost_version")
check(same_bytes(run$command_line, "write_sample_results sample.h5"), "command_line")
check(same_bytes(run$created_utc, "2024-04-01T09:00:00Z"), "created_utc")
check(same_bytes(h5read(path, "/scenario/text"), "name: sample\n# Caf\u00e9 \u00a35\n"), "scenario text, UTF-8")

check(identical(as.vector(h5read(path, "/metrics/names")), metrics_expected), "metric names")
check(identical(as.vector(h5read(path, "/metrics/units")), c("referrals", "working days", "share")), "metric units")
check(identical(as.vector(h5read(path, "/metrics/descriptions")),
                c("Referrals received after the warm-up.", "Mean wait from acceptance to allocation.",
                  "Share of assessments done within 45 working days.")),
      "metric descriptions")
check(identical(as.vector(h5read(path, "/series/names")), series_expected), "series names")
check(identical(as.vector(h5read(path, "/series/units")), c("cases", "cases")), "series units")
check(identical(as.vector(h5read(path, "/series/descriptions")),
                c("Allocated cases in the team at the end of the week.",
                  "Accepted cases waiting for allocation at the end of the week.")),
      "series descriptions")
check(identical(as.vector(h5read(path, "/series/week_start")), weeks_expected), "week_start strings")

completed <- h5read(path, "/completed")
check(is.raw(completed), "rhdf5 returns uint8 as raw, as documented")
check(identical(as.integer(completed), c(1L, 1L, 1L, 1L, 1L, 0L)), "completed as integers")

for (m in seq_along(metrics_expected)) {
  x <- h5read(path, paste0("/summary/", metrics_expected[m]))
  check(is.double(x) && identical(dim(x), c(3L, 2L)), paste(metrics_expected[m], "shape"))
  for (v in 0:1) for (r in 0:2) {
    value <- x[r + 1, v + 1]
    not_applicable <- (m == 2 && v == 0 && r == 1) || (m == 3 && v == 1)
    if (v == 1 && r == 2) check(is.nan(value), paste(metrics_expected[m], "unwritten slot is NaN"))
    else if (not_applicable) check(is.nan(value), paste(metrics_expected[m], "not applicable is NaN at", v, r))
    else check(value == 100 * v + 10 * r + (m - 1), paste(metrics_expected[m], "value at", v, r))
  }
}
for (s in seq_along(series_expected)) {
  x <- h5read(path, paste0("/series/", series_expected[s]))
  check(is.double(x) && identical(dim(x), c(5L, 3L, 2L)), paste(series_expected[s], "shape"))
  for (v in 0:1) for (r in 0:2) for (w in 0:4) {
    value <- x[w + 1, r + 1, v + 1]
    if (v == 1 && r == 2) check(is.nan(value), paste(series_expected[s], "unwritten slot is NaN"))
    else check(value == 1000 * v + 100 * r + 10 * (s - 1) + w, paste(series_expected[s], "value at", v, r, w))
  }
}

check(identical(as.vector(h5read(path, "/distributions/names")), c("assessment_working_days", "icpc_working_days")),
      "distribution names")
assessments <- h5read(path, "/distributions/assessment_working_days")
check(identical(dim(assessments), c(92L, 3L, 2L)), "a distribution is bin x replication x variant")
check(assessments[44, 1, 1] == 10 && assessments[44, 3, 1] == 12 && assessments[92, 1, 1] == 1 &&
      sum(assessments[, 2, 1]) == 0 && assessments[13, 2, 2] == 4 && sum(assessments[, 3, 2]) == 0,
      "assessment counts in their bins")
h5closeAll()

# --- the duration histograms' example, verbatim -----------------------------
# Variant 0's assessments: 5 on day 20, 10 + r on day 43 and 1 beyond 90 in
# replications 0 and 2; none in replication 1.
find_r_block <- function(containing) {
  starts <- gregexpr("```r\n", docs_text, fixed = TRUE)[[1]]
  for (start in starts) {
    rest <- substring(docs_text, start + 5)
    block <- substring(rest, 1, regexpr("```", rest, fixed = TRUE) - 1)
    if (grepl(containing, block, fixed = TRUE)) return(block)
  }
  stop("docs/results-format.md has no ```r example with ", containing, call. = FALSE)
}
histograms <- new.env()
eval(parse(text = gsub("\"baseline.h5\"", deparse(path),
                       find_r_block("/distributions/assessment_working_days"), fixed = TRUE)), envir = histograms)
check(same_bytes(histograms$bins$unit, "assessments"), "distribution unit attribute")
check(identical(tail(as.vector(histograms$bins$bin_labels), 1), "more than 90"), "bin labels")
check(identical(histograms$first_day, as.numeric(0:91)), "each bin's first working day")
check(identical(dim(histograms$counts), c(92L, 3L)), "the first variant's counts: bin x replication")
check(identical(histograms$done, c(16, 0, 18)), "assessments per replication")
# 41-45 working days: 10 of 16 and 12 of 18; not applicable where none completed.
check(identical(histograms$share, c(10 / 16, NaN, 12 / 18)), "share in DfE's band 41-45")
# Pooled: 10 on day 20, 22 on day 43, 2 beyond: the 17th of 34 took 43 days.
check(identical(histograms$median_days, 43), "pooled median")

# The first ```r block of the docs that holds `containing`, or NULL.
docs_r_block <- function(containing) {
  for (start in gregexpr("```r\n", docs_text, fixed = TRUE)[[1]]) {
    rest <- substring(docs_text, start + 5)
    block <- substring(rest, 1, regexpr("```", rest, fixed = TRUE) - 1)
    if (grepl(containing, block, fixed = TRUE)) return(block)
  }
  NULL
}

# --- a run from a snapshot (write_sample_results --snapshot) ----------------
# 1 variant x 3 replications (replication 2 unwritten) x 4 children;
# visit_late rows r0: 1 1 0 0, r1: 1 0 1 0, so each child's chance is 1, 0.5, 0.5, 0.
snapshot_path <- commandArgs(trailingOnly = TRUE)[2]
if (!is.na(snapshot_path)) {
  snapshot_code <- docs_r_block("\"agency-leave.h5\"")
  check(!is.null(snapshot_code), "docs/results-format.md has an ```r example reading \"agency-leave.h5\"")
  snap <- new.env()
  eval(parse(text = gsub("\"agency-leave.h5\"", deparse(snapshot_path), snapshot_code, fixed = TRUE)), envir = snap)
  check(same_bytes(snap$snapshot$extract_date, "2027-01-15"), "snapshot extract_date")
  check(identical(snap$snapshot$problems, 2), "snapshot problems, as a double")
  check(identical(snap$changes$date, as.Date(c("2027-03-01", "2027-04-06"))), "timeline dates")
  check(identical(snap$changes$event, c("2 agency workers leave",
                                        "New NQSW, a newly qualified permanent worker (1 FTE), starts")), "timeline events")
  check(identical(snap$children$id, c("C-0000000a", "C-0000000b", "C-0000000c", "C-0000000d")), "children ids")
  check(identical(snap$children$stage, c("CP plan", "CIN plan", "looked after", "open assessment")), "children stages")
  check(identical(snap$children$overdue_at_start, c(FALSE, TRUE, FALSE, FALSE)), "overdue at start")
  check(is.raw(snap$late) && identical(dim(snap$late), c(4L, 3L, 1L)), "visit_late is raw child x replication x variant")
  check(identical(snap$late_first, matrix(c(1L, 1L, 0L, 0L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L), nrow = 4)),
        "visit_late of the first variant")
  # The unwritten replication holds 0s; counting it would give 2/3, 1/3, 1/3, 0.
  check(identical(snap$children$chance, c(1, 0.5, 0.5, 0)), "each child's chance over completed replications")
  check(identical(snap$most_at_risk$id, c("C-0000000a", "C-0000000b", "C-0000000c", "C-0000000d")),
        "most at risk first")
  h5closeAll()
}
# --- a paired what-if (write_sample_results --what-if) ----------------------
# visits_overdue 10 + r without and 15 + 2r with (differences 5, 6, 7); per-worker
# caseload 1000 v + 100 r + 10 w + k.
what_if_path <- commandArgs(trailingOnly = TRUE)[3]
if (!is.na(what_if_path)) {
  what_if_code <- docs_r_block("what_if")
  check(!is.null(what_if_code), "docs/results-format.md has an ```r example reading a what-if")
  wi <- new.env()
  eval(parse(text = gsub("\"agency-leave.h5\"", deparse(what_if_path), what_if_code, fixed = TRUE)), envir = wi)
  check(identical(as.integer(wi$what_if), 1L), "what_if attribute")
  check(identical(wi$difference, c(5, 6, 7)), "paired differences, with minus without")
  check(identical(as.vector(wi$workers), c("W-000000000000000a", "", "W-000000000000000b")), "children's workers")
  check(identical(as.vector(wi$worker_ids), c("W-000000000000000a", "W-000000000000000b")), "worker ids")
  check(identical(dim(wi$caseload), c(2L, 2L, 3L, 2L)), "caseload is worker x week x replication x variant")
  expected <- array(0, dim = c(2, 2, 3, 2))
  for (k in 0:1) for (w in 0:1) for (r in 0:2) for (v in 0:1)
    expected[k + 1, w + 1, r + 1, v + 1] <- 1000 * v + 100 * r + 10 * w + k
  check(identical(wi$caseload, expected), "per-worker caseload values")
  check(identical(dim(wi$caseload_mean), c(2L, 2L, 2L)), "mean caseload is worker x week x variant")
  check(identical(wi$caseload_mean[2, 1, 2], 1101), "mean over the pairs")
  h5closeAll()
}
cat("rhdf5 read the results file as documented: all checks passed\n")
