# read_casesim() (analysis/R/read_casesim.R) against `casesim export`: for
# each results file, the data frame it reads with rhdf5 holds the same rows,
# in the same order, with the same values as the CSV the program writes (NaN,
# not applicable, being an empty cell in the CSV), for the metrics (--long,
# with an experiment's parameters) and for the weekly series (--series). Then
# the docs' R example of read_casesim runs as written.
#
# Usage: /usr/bin/Rscript --vanilla read_casesim_tidy.R CASESIM WORK_DIR RESULTS.h5 [RESULTS.h5 ...]
arguments <- commandArgs(trailingOnly = TRUE)
casesim <- arguments[1]
work <- arguments[2]
paths <- arguments[-(1:2)]
script <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE))
source_dir <- file.path(dirname(normalizePath(script)), "..", "..")
source(file.path(source_dir, "analysis", "R", "read_casesim.R"))

check <- function(ok, what) if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE)
dir.create(work, showWarnings = FALSE, recursive = TRUE)

exported <- function(path, table) {
  csv <- file.path(work, paste0("r-", sub("\\.h5$", "", basename(path)), "-", table, ".csv"))
  status <- system2(casesim, c("export", shQuote(path), paste0("--", table), "--output", shQuote(csv), "--force"))
  check(status == 0, paste("casesim export", path, table))
  read.csv(csv, check.names = FALSE, stringsAsFactors = FALSE, colClasses = c(variant = "character"))
}

# Numbers equal exactly, with NaN (read_casesim) and NA (an empty CSV cell) both "not applicable".
same_values <- function(a, b) identical(is.na(a), is.na(b)) && all(a[!is.na(a)] == b[!is.na(b)])

for (path in paths) {
  tidy <- read_casesim(path)
  csv <- exported(path, "long")
  check(identical(names(tidy), names(csv)), paste(path, "long columns:", paste(names(tidy), collapse = ",")))
  check(nrow(tidy) == nrow(csv), paste(path, "long rows", nrow(tidy), nrow(csv)))
  check(identical(tidy$variant, csv$variant), paste(path, "variants"))
  check(all(tidy$replication == csv$replication), paste(path, "replications"))
  check(identical(tidy$metric, csv$metric), paste(path, "metrics"))
  check(identical(tidy$unit, csv$unit), paste(path, "units"))
  for (column in setdiff(names(tidy), c("variant", "replication", "metric", "unit")))
    check(same_values(tidy[[column]], as.numeric(csv[[column]])), paste(path, column))

  weekly <- read_casesim(path, table = "series")
  csv <- exported(path, "series")
  check(identical(names(weekly), names(csv)), paste(path, "series columns"))
  check(nrow(weekly) == nrow(csv), paste(path, "series rows", nrow(weekly), nrow(csv)))
  check(identical(weekly$variant, csv$variant) && identical(weekly$series, csv$series), paste(path, "series labels"))
  check(all(weekly$replication == csv$replication) && all(weekly$week == csv$week), paste(path, "weeks"))
  check(identical(weekly$week_start, as.Date(csv$week_start)), paste(path, "week_start"))
  check(identical(weekly$warm_up, as.logical(csv$warm_up)), paste(path, "warm_up"))
  check(same_values(weekly$value, as.numeric(csv$value)), paste(path, "series values"))
  check(identical(weekly$unit, csv$unit), paste(path, "series units"))
  cat(basename(path), ": ", nrow(tidy), " metric rows and ", nrow(weekly), " weekly rows as the CSV\n", sep = "")
}

# The docs' example, with its file name replaced by the first file's.
docs <- file.path(source_dir, "docs", "results-format.md")
docs_text <- paste(readLines(docs, encoding = "UTF-8", warn = FALSE), collapse = "\n")
blocks <- regmatches(docs_text, gregexpr("```r\n(.*?)```", docs_text))[[1]]
example <- blocks[grepl("read_casesim(", blocks, fixed = TRUE)]
check(length(example) == 1, "docs/results-format.md has one ```r example calling read_casesim")
code <- sub("```$", "", sub("^```r\n", "", example))
code <- gsub("\"baseline.h5\"", deparse(paths[1]), code, fixed = TRUE)
code <- gsub("source(\"analysis/R/read_casesim.R\")", "", code, fixed = TRUE)
eval(parse(text = code), envir = new.env())
