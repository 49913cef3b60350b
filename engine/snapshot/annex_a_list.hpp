#pragma once
// One Annex A list (3 to 8) read into validated rows: whose child, whose
// worker, whether the record is open on the extract date, and the dates the
// clocks need. Which rows are open, list by list, is documented in
// docs/snapshot-format.md; load_snapshot combines the lists per child.
#include <optional>
#include <string>
#include <vector>

#include "engine/kernel/date.hpp"
#include "engine/snapshot/csv_table.hpp"
#include "engine/snapshot/problem_log.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::snapshot {

enum class AnnexList {
  referrals = 3,
  assessments = 4,
  section_47 = 5,
  children_in_need = 6,
  child_protection = 7,
  children_in_care = 8
};

inline constexpr AnnexList kAnnexLists[] = {AnnexList::referrals,        AnnexList::assessments,
                                            AnnexList::section_47,       AnnexList::children_in_need,
                                            AnnexList::child_protection, AnnexList::children_in_care};

// "List 6 (children in need)".
std::string annex_list_title(AnnexList list);

struct ListRow {
  int line = 0;
  std::string child_key;   // Child Unique ID, normalised (normalise_key); never leaves the loader
  std::string child_id;    // Child Unique ID as written: only for LoadOptions::child_ids
  std::string worker_key;  // Allocated Worker, normalised; "" when unallocated
  std::string team;        // Allocated Team as written; "" when blank or no such column
  bool open = false;       // List 3: the referral was not NFA (whether it is still open depends on Lists 4-5)
  // List 3 date of referral, List 4 assessment start, List 5 strategy
  // discussion, List 6 CIN start, List 7 plan start, List 8 date started to be
  // looked after. Always set on an open row (and on every List 3 row).
  std::optional<kernel::Date> start;
  // The date that closed the record (authorisation, ICPC, closure, plan end, ceased).
  std::optional<kernel::Date> end;
  // Lists 6-8 (last seen / last statutory visit / last social work visit).
  std::optional<kernel::Date> last_visit;
  bool last_visit_reported = false;         // unreadable, already reported (lenient)
  std::optional<kernel::Date> last_review;  // Lists 7-8
  std::optional<Stage> case_status;         // List 6: Case Status naming an open stage
};

struct ListTable {
  AnnexList list = AnnexList::referrals;
  std::string file;
  // Headers as written in the file, for messages.
  std::string start_header;
  std::string worker_header;
  std::string last_visit_header;   // Lists 6-8
  std::string case_status_header;  // List 6, when the column is there
  std::vector<ListRow> rows;       // valid rows; at most one open row per child in Lists 4-8
};

// Throws SnapshotError when a required column is missing. Row problems go to
// `log`: strictly the first one throws; leniently the row is skipped, or
// kept with the bad visit or review date unknown, or with a Case Status it
// cannot read left blank. A child with two open rows in Lists 4-8 that differ
// (or two List 3 referrals on the same date that differ) is a problem on the
// second row, which is skipped; an exact repeat is dropped silently.
ListTable read_annex_list(AnnexList list, const CsvTable& table, kernel::Date extract_date, ProblemLog& log);

}  // namespace casesim::snapshot
