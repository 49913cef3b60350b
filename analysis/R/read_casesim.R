# read_casesim(): a casesim results file as a tidy data frame, in one call.
#
#   source("analysis/R/read_casesim.R")
#   metrics <- read_casesim("baseline.h5")                    # one row per variant, replication, metric
#   weekly <- read_casesim("baseline.h5", table = "series")   # one row per variant, replication, series, week
#
# The same tables as `casesim export FILE --long` and `--series` (the test
# suite checks that they agree value for value), read with rhdf5
# (Bioconductor; Debian: r-bioc-rhdf5) straight from the file:
#
# table = "long":   variant, replication, metric, value, unit, then one column
#                   per parameter an experiment's variants override (named by
#                   its field path, NaN where the variant's value is not one
#                   number; none for a plain run).
# table = "series": variant, replication, series, week, week_start (Date),
#                   warm_up (TRUE for the weeks the metrics do not count),
#                   value, unit.
#
# Only completed replications have rows, so a NaN value always means "not
# applicable" (a share or mean with nothing to count in that replication).
# Replications and weeks are numbered from 0, as in the file and the CSV.
# docs/results-format.md describes the file.
read_casesim <- function(path, table = c("long", "series")) {
  table <- match.arg(table)
  if (!requireNamespace("rhdf5", quietly = TRUE)) stop("read_casesim needs the rhdf5 package (Debian: r-bioc-rhdf5)")
  on.exit(rhdf5::h5closeAll(), add = TRUE)
  read <- function(name) rhdf5::h5read(path, name)
  variants <- as.character(read("/variants/names"))
  # /completed is [variant, replication]; rhdf5 reverses it to [replication, variant].
  completed_flags <- as.integer(read("/completed"))
  replications <- length(completed_flags) %/% length(variants)
  completed <- matrix(completed_flags == 1L, nrow = replications)

  if (table == "long") {
    metrics <- as.character(read("/metrics/names"))
    units <- as.character(read("/metrics/units"))
    # One column per metric, one row per (variant, replication), replication fastest.
    values <- vapply(metrics, function(m) as.vector(read(paste0("/summary/", m))),
                     numeric(replications * length(variants)))
    values <- matrix(values, ncol = length(metrics))
    rows <- expand.grid(metric = seq_along(metrics), replication = seq_len(replications) - 1L,
                        variant = seq_along(variants))
    slot <- (rows$variant - 1L) * replications + rows$replication + 1L
    out <- data.frame(variant = variants[rows$variant], replication = rows$replication,
                      metric = metrics[rows$metric], value = values[cbind(slot, rows$metric)],
                      unit = units[rows$metric], stringsAsFactors = FALSE)
    groups <- rhdf5::h5ls(path, recursive = FALSE)$name
    if ("parameters" %in% groups) {
      parameters <- as.character(read("/parameters/names"))
      # /parameters/values is [variant, parameter]; rhdf5 gives [parameter, variant].
      parameter_values <- matrix(as.numeric(read("/parameters/values")), nrow = length(parameters))
      for (p in seq_along(parameters)) out[[parameters[p]]] <- parameter_values[p, rows$variant]
    }
  } else {
    series <- as.character(read("/series/names"))
    units <- as.character(read("/series/units"))
    week_start <- as.Date(as.character(read("/series/week_start")))
    weeks <- length(week_start)
    warm_up_weeks <- as.integer(rhdf5::h5readAttributes(path, "/")$warm_up_weeks)
    # One column per series, one row per (variant, replication, week), week fastest.
    values <- vapply(series, function(s) as.vector(read(paste0("/series/", s))),
                     numeric(weeks * replications * length(variants)))
    values <- matrix(values, ncol = length(series))
    rows <- expand.grid(week = seq_len(weeks) - 1L, series = seq_along(series),
                        replication = seq_len(replications) - 1L, variant = seq_along(variants))
    slot <- ((rows$variant - 1L) * replications + rows$replication) * weeks + rows$week + 1L
    out <- data.frame(variant = variants[rows$variant], replication = rows$replication,
                      series = series[rows$series], week = rows$week, week_start = week_start[rows$week + 1L],
                      warm_up = rows$week < warm_up_weeks, value = values[cbind(slot, rows$series)],
                      unit = units[rows$series], stringsAsFactors = FALSE)
  }
  out <- out[completed[cbind(rows$replication + 1L, rows$variant)], , drop = FALSE]
  rownames(out) <- NULL
  out
}
