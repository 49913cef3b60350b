#include "engine/snapshot/annex_a_list.hpp"

#include <map>
#include <tuple>
#include <utility>

#include "engine/snapshot/column_match.hpp"
#include "engine/snapshot/row_cells.hpp"

namespace casesim::snapshot {

namespace {

constexpr int kNone = -1;

// Where each role's column is among a list's ColumnSpecs, which are in
// Ofsted's order (for messages): Child Unique ID first, Allocated Worker last.
struct Layout {
  std::vector<ColumnSpec> specs;
  int worker = kNone;
  int start = kNone;
  int end = kNone;
  int flag = kNone;  // List 3 "Referral NFA?", List 5 "Was an ICPC deemed unnecessary?"
  int last_visit = kNone;
  int last_review = kNone;
  int case_status = kNone;
  int team = kNone;  // optional: an authority-wide extract places unallocated children by it
};

constexpr int kChildId = 0;

Layout layout_of(AnnexList list) {
  Layout layout;
  layout.specs = {{"Child Unique ID"}};
  auto add = [&layout](std::string_view header, bool required = true) {
    layout.specs.push_back(ColumnSpec{header, required});
    return static_cast<int>(layout.specs.size() - 1);
  };
  switch (list) {
    case AnnexList::referrals:
      layout.start = add("Date of referral");
      layout.flag = add("Referral NFA?");
      break;
    case AnnexList::assessments:
      layout.start = add("Continuous Assessment Start Date");
      layout.end = add("Continuous Assessment Date of Authorisation");
      break;
    case AnnexList::section_47:
      layout.start = add("Strategy discussion initiating Section 47 Enquiry Start Date");
      layout.flag = add("Was an ICPC deemed unnecessary?");
      layout.end = add("Date of Initial Child Protection Conference");
      break;
    case AnnexList::children_in_need:
      layout.start = add("CIN Start Date");
      layout.last_visit = add("Date Child Was Last Seen");
      layout.end = add("CIN Closure Date");
      layout.case_status = add("Case Status", false);
      break;
    case AnnexList::child_protection:
      layout.start = add("Child Protection Plan Start Date");
      layout.last_visit = add("Date of the Last Statutory Visit");
      layout.last_review = add("Date of latest review conference");
      layout.end = add("Child Protection Plan End Date");
      break;
    case AnnexList::children_in_care:
      layout.start = add("Date Started to be Looked After");
      layout.last_visit = add("Date of Last Social Work Visit");
      layout.last_review = add("Date of Latest Statutory Review");
      layout.end = add("Date Ceased to be Looked After");
      break;
  }
  layout.team = add("Allocated Team", false);
  layout.worker = add("Allocated Worker");
  return layout;
}

// Case Status as councils' systems write it. `closed` is the one value that
// is not a stage.
struct StatusReading {
  bool known = false;
  bool closed = false;
  std::optional<Stage> stage;
};

StatusReading read_case_status(const std::string& text) {
  static const std::map<std::string, Stage, std::less<>> kStages = {
      {"lookedafter", Stage::looked_after},
      {"childlookedafter", Stage::looked_after},
      {"cla", Stage::looked_after},
      {"lac", Stage::looked_after},
      {"childincare", Stage::looked_after},
      {"cpplan", Stage::cp_plan},
      {"childprotectionplan", Stage::cp_plan},
      {"cpp", Stage::cp_plan},
      {"cinplan", Stage::cin_plan},
      {"childinneedplan", Stage::cin_plan},
      {"openassessment", Stage::assessment},
      {"assessment", Stage::assessment},
      {"section47", Stage::section_47},
      {"s47", Stage::section_47},
      {"opensection47", Stage::section_47},
      {"opens47", Stage::section_47},
      {"section47enquiry", Stage::section_47},
      {"s47enquiry", Stage::section_47},
      {"referral", Stage::referral},
      {"openreferral", Stage::referral},
  };
  const std::string key = normalise_key(text);
  if (key == "closed" || key == "caseclosed") return {true, true, std::nullopt};
  const auto it = kStages.find(key);
  if (it == kStages.end()) return {};
  return {true, false, it->second};
}

std::string header_of(const CsvTable& table, const std::vector<std::optional<std::size_t>>& columns, int spec) {
  if (spec == kNone || !columns[static_cast<std::size_t>(spec)]) return "";
  return table.header[*columns[static_cast<std::size_t>(spec)]];
}

auto comparable(const ListRow& row) {
  return std::tie(row.worker_key, row.open, row.start, row.end, row.last_visit, row.last_review, row.case_status);
}

}  // namespace

std::string annex_list_title(AnnexList list) {
  switch (list) {
    case AnnexList::referrals: return "List 3 (referrals)";
    case AnnexList::assessments: return "List 4 (assessments)";
    case AnnexList::section_47: return "List 5 (section 47 enquiries)";
    case AnnexList::children_in_need: return "List 6 (children in need)";
    case AnnexList::child_protection: return "List 7 (child protection)";
    case AnnexList::children_in_care: return "List 8 (children in care)";
  }
  return "";
}

ListTable read_annex_list(AnnexList list, const CsvTable& table, kernel::Date extract_date, ProblemLog& log) {
  const Layout layout = layout_of(list);
  const auto columns = find_columns(table, layout.specs, " (a list in another year's layout?)");
  auto column = [&columns](int spec) { return *columns[static_cast<std::size_t>(spec)]; };
  auto has = [&columns](int spec) { return spec != kNone && columns[static_cast<std::size_t>(spec)].has_value(); };

  ListTable result;
  result.list = list;
  result.file = table.file;
  result.start_header = header_of(table, columns, layout.start);
  result.worker_header = header_of(table, columns, layout.worker);
  result.last_visit_header = header_of(table, columns, layout.last_visit);
  result.case_status_header = header_of(table, columns, layout.case_status);

  // Lists 4-8: a child's open row; List 3: a child's referral on a date.
  std::map<std::pair<std::string, std::optional<kernel::Date>>, std::size_t> seen;

  for (const CsvRow& csv_row : table.rows) {
    const RowCells cells(table, csv_row, extract_date, log);
    if (!cells.check_width()) continue;
    ListRow row;
    row.line = csv_row.line;
    row.child_id = cells.text(column(kChildId));
    row.child_key = normalise_key(row.child_id);
    if (row.child_key.empty()) {
      cells.report(column(kChildId), "missing; every row needs the child's id");
      continue;
    }
    row.worker_key = normalise_key(cells.text(column(layout.worker)));
    if (has(layout.team)) row.team = cells.text(column(layout.team));

    const auto start = cells.date(column(layout.start));
    if (start.bad) continue;
    row.start = start.date;
    if (has(layout.end)) {
      const auto end = cells.date(column(layout.end));
      if (end.bad) continue;
      row.end = end.date;
    }
    bool flag = false;
    if (has(layout.flag)) {
      const auto answer = cells.yes_no(column(layout.flag), false);
      if (!answer) continue;
      flag = *answer;
    }
    if (has(layout.last_visit)) {
      const auto visit = cells.date(column(layout.last_visit));
      row.last_visit = visit.date;
      row.last_visit_reported = visit.bad;
    }
    if (has(layout.last_review)) row.last_review = cells.date(column(layout.last_review)).date;
    bool status_closed = false;
    if (has(layout.case_status) && !cells.text(column(layout.case_status)).empty()) {
      const auto status = read_case_status(cells.text(column(layout.case_status)));
      if (!status.known) {
        cells.report(column(layout.case_status),
                     "unknown value; expected looked after, CP plan, CIN plan, open assessment, section 47, "
                     "referral or closed");
      } else if (status.closed) {
        status_closed = true;
      } else if (row.end) {
        cells.report(column(layout.case_status),
                     "says the case is open but the row has a " + header_of(table, columns, layout.end));
        continue;
      } else {
        row.case_status = status.stage;
      }
    }

    switch (list) {
      case AnnexList::referrals: row.open = !flag; break;
      case AnnexList::section_47: row.open = !flag && !row.end; break;
      case AnnexList::children_in_need: row.open = !row.end && !status_closed; break;
      default: row.open = !row.end; break;
    }
    if (!row.start && (row.open || list == AnnexList::referrals)) {
      cells.report(column(layout.start), list == AnnexList::referrals ? "missing; every referral needs its date"
                                                                      : "missing; an open record needs its start date");
      continue;
    }
    if (row.start && row.end && *row.end < *row.start) {
      cells.report(column(layout.end), "before the " + result.start_header + " on the same row");
      continue;
    }

    if (row.open || list == AnnexList::referrals) {
      const std::optional<kernel::Date> date_key =
          list == AnnexList::referrals ? row.start : std::optional<kernel::Date>{};
      const auto [it, inserted] = seen.try_emplace({row.child_key, date_key}, result.rows.size());
      if (!inserted) {
        const ListRow& first = result.rows[it->second];
        if (comparable(first) == comparable(row)) continue;  // the same record exported twice
        cells.report(column(kChildId),
                     "the same child has another " +
                         std::string(list == AnnexList::referrals ? "referral on this date" : "open row") +
                         " at line " + std::to_string(first.line) +
                         " with different data; a list holds one open record per child");
        continue;
      }
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace casesim::snapshot
