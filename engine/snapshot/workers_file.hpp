#pragma once
// workers.csv: the team as the workforce census describes it, one row per
// social worker (Annex A has no table of workers, and a worker with no cases
// does not appear in it at all).
#include <string>
#include <vector>

#include "engine/kernel/date.hpp"
#include "engine/snapshot/csv_table.hpp"
#include "engine/snapshot/problem_log.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::snapshot {

struct WorkerRow {
  int line = 0;
  std::string key;         // the id or name, normalised (normalise_key): what the lists' Allocated Worker matches
  std::string as_written;  // for the analyst's terminal only (--show-names)
  Worker worker;           // pseudonym left empty
};

struct WorkersTable {
  std::string file;
  std::string worker_header;  // as written
  std::vector<WorkerRow> rows;
};

// Throws SnapshotError for a missing required column or a file with no
// workers. Row problems go to `log`; leniently the row is skipped. A second
// row for the same worker (after normalising) is a problem on that row.
WorkersTable read_workers_file(const CsvTable& table, kernel::Date extract_date, ProblemLog& log);

}  // namespace casesim::snapshot
