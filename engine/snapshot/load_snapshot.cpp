// Directory → Snapshot: the manifest, the files' bytes (one read, used for
// both parsing and the derived salt), workers.csv, the Annex A lists, and then
// each child's current stage from all the lists together. The rules for
// which records are open and how lists combine are in docs/snapshot-format.md;
// this file follows them in the same order.
#include "engine/snapshot/load_snapshot.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <unordered_map>

#include "engine/input/input_file.hpp"
#include "engine/snapshot/annex_a_list.hpp"
#include "engine/snapshot/column_match.hpp"
#include "engine/snapshot/csv_table.hpp"
#include "engine/snapshot/problem_log.hpp"
#include "engine/snapshot/pseudonymiser.hpp"
#include "engine/snapshot/snapshot_manifest.hpp"
#include "engine/snapshot/workers_file.hpp"

namespace casesim::snapshot {

namespace {

constexpr std::size_t kMaxFileBytes = 64ull * 1024 * 1024;

std::string read_bytes(const std::filesystem::path& directory, const std::string& name) {
  return input::read_input_file(directory / name, name, {"snapshot file", kMaxFileBytes});
}

std::size_t slot(AnnexList list) {
  return static_cast<std::size_t>(list);
}

// One child's rows across the lists.
struct ChildRows {
  std::array<const ListRow*, 9> open{};    // by list number; List 3: the referral still open
  std::vector<const ListRow*> referrals;   // every List 3 row
  std::vector<kernel::Date> work_started;  // List 4 and 5 start dates, open or closed
};

// What a stage needs from its list, for messages.
std::string open_record_words(AnnexList list) {
  switch (list) {
    case AnnexList::referrals: return "an open referral";
    case AnnexList::assessments: return "an open assessment";
    case AnnexList::section_47: return "an open section 47 enquiry";
    case AnnexList::children_in_need: return "an open CIN record";
    case AnnexList::child_protection: return "an open CP plan";
    case AnnexList::children_in_care: return "an open period of care";
  }
  return "";
}

// The list that holds a stage's record; CIN plans are known only from List 6.
AnnexList list_of(Stage stage) {
  switch (stage) {
    case Stage::referral: return AnnexList::referrals;
    case Stage::section_47: return AnnexList::section_47;
    case Stage::assessment: return AnnexList::assessments;
    case Stage::cin_plan: return AnnexList::children_in_need;
    case Stage::cp_plan: return AnnexList::child_protection;
    case Stage::looked_after: return AnnexList::children_in_care;
  }
  return AnnexList::children_in_need;
}

class SnapshotBuilder {
 public:
  SnapshotBuilder(kernel::Date extract_date, const Pseudonymiser& pseudonyms, ProblemLog& log,
                  std::map<std::string, std::string>* child_ids)
      : extract_date_(extract_date), pseudonyms_(pseudonyms), log_(log), child_ids_(child_ids) {}

  void add_workers(const WorkersTable& workers, std::vector<std::string>* names) {
    workers_file_ = workers.file;
    for (const WorkerRow& row : workers.rows) {
      Worker worker = row.worker;
      worker.pseudonym = pseudonyms_.worker(row.key);
      check_collision(worker_pseudonyms_, worker.pseudonym, row.key, workers.file, row.line, workers.worker_header,
                      "worker");
      worker_index_.emplace(row.key, static_cast<std::int32_t>(snapshot_.workers.size()));
      snapshot_.workers.push_back(std::move(worker));
      if (names) names->push_back(row.as_written);
    }
  }

  void add_list(ListTable table) {
    const AnnexList list = table.list;
    tables_[slot(list)] = std::make_unique<ListTable>(std::move(table));
    const ListTable& added = *tables_[slot(list)];
    for (const ListRow& row : added.rows) {
      auto [it, inserted] = children_.try_emplace(row.child_key);
      if (inserted) order_.push_back(row.child_key);
      ChildRows& rows = it->second;
      switch (added.list) {
        case AnnexList::referrals: rows.referrals.push_back(&row); break;
        case AnnexList::assessments:
        case AnnexList::section_47:
          if (row.start) rows.work_started.push_back(*row.start);
          [[fallthrough]];
        default:
          if (row.open) rows.open[slot(added.list)] = &row;
          break;
      }
    }
  }

  Snapshot build() {
    snapshot_.extract_date = extract_date_;
    for (const std::string& key : order_) add_child(key, children_.at(key));
    std::stable_sort(snapshot_.children.begin(), snapshot_.children.end(), [this](const Child& a, const Child& b) {
      return source_order_.at(a.pseudonym) < source_order_.at(b.pseudonym);
    });
    snapshot_.problems = log_.take();
    return std::move(snapshot_);
  }

 private:
  const ListTable& table(AnnexList list) const { return *tables_[slot(list)]; }

  void check_collision(std::map<std::string, std::string>& seen, const std::string& pseudonym, const std::string& key,
                       const std::string& file, int line, const std::string& column, const std::string& what) {
    const auto [it, inserted] = seen.emplace(pseudonym, key);
    if (!inserted && it->second != key) {
      throw SnapshotError(file, line, column,
                          "two different " + what + "s have the same pseudonym (among " +
                              std::to_string(seen.size() + 1) + " " + what + "s the chance of that is " +
                              collision_chance_in_words(seen.size() + 1) +
                              "); run again with --salt-file and another salt");
    }
  }

  // The worker index for a row's Allocated Worker; -1 when blank, or unknown
  // (reported; leniently the child is left unallocated).
  std::int32_t worker_of(AnnexList list, const ListRow& row) {
    if (row.worker_key.empty()) return -1;
    const auto it = worker_index_.find(row.worker_key);
    if (it != worker_index_.end()) return it->second;
    log_.report(table(list).file, row.line, table(list).worker_header,
                "worker not found in " + workers_file_ + " (names are matched ignoring case, spaces and punctuation)");
    return -1;
  }

  void add_child(const std::string& key, ChildRows& rows) {
    // List 3: only the latest referral can still be open, and only until an
    // assessment or enquiry starts on or after its date.
    if (!rows.referrals.empty()) {
      const ListRow* latest =
          *std::max_element(rows.referrals.begin(), rows.referrals.end(),
                            [](const ListRow* a, const ListRow* b) { return *a->start < *b->start; });
      const bool followed = std::any_of(rows.work_started.begin(), rows.work_started.end(),
                                        [latest](kernel::Date d) { return d >= *latest->start; });
      if (latest->open && !followed) rows.open[slot(AnnexList::referrals)] = latest;
    }

    std::array<std::int32_t, 9> workers{};
    std::optional<Stage> by_precedence;
    for (const AnnexList list : kAnnexLists) {
      const ListRow* row = rows.open[slot(list)];
      if (!row) continue;
      workers[slot(list)] = worker_of(list, *row);
      if (list != AnnexList::children_in_need)
        by_precedence = std::max(by_precedence.value_or(Stage::referral), stage_of(list));
    }
    const ListRow* cin = rows.open[slot(AnnexList::children_in_need)];
    if (!cin && !by_precedence) return;  // nothing open: a closed case

    Stage stage = by_precedence.value_or(Stage::cin_plan);
    if (cin && cin->case_status) {
      const Stage status = *cin->case_status;
      const ListTable& cin_table = table(AnnexList::children_in_need);
      const AnnexList needed = list_of(status);
      if (by_precedence && *by_precedence > status) {
        const AnnexList higher = list_of(*by_precedence);
        log_.report(cin_table.file, cin->line, cin_table.case_status_header,
                    "says " + stage_name(status) + ", but " + table(higher).file + ":" +
                        std::to_string(rows.open[slot(higher)]->line) + " is " + open_record_words(higher) +
                        ", which comes first");
      } else if (status != Stage::cin_plan && !rows.open[slot(needed)]) {
        const std::string where =
            tables_[slot(needed)]
                ? table(needed).file + " has no " + open_record_words(needed).substr(3) + " for this child"
                : "the snapshot has no " + annex_list_title(needed) + " (lists." + manifest_key(needed) + ": none)";
        log_.report(cin_table.file, cin->line, cin_table.case_status_header,
                    "says " + stage_name(status) + ", but " + where);
      } else {
        stage = status;
      }
    }

    const AnnexList source_list = list_of(stage);
    const ListRow& source = *rows.open[slot(source_list)];
    const ListTable& source_table = table(source_list);

    Child child;
    child.pseudonym = pseudonyms_.child(key);
    check_collision(child_pseudonyms_, child.pseudonym, key, source_table.file, source.line, "Child Unique ID",
                    "child");
    child.stage = stage;
    child.worker = workers[slot(source_list)];
    child.source = source_table.file + ":" + std::to_string(source.line);
    child.team = source.team;
    if (stage != Stage::cin_plan) child.stage_start = source.start;
    child.last_review = source.last_review;
    if (stage == Stage::looked_after || stage == Stage::cp_plan || stage == Stage::cin_plan) {
      child.last_visit = source.last_visit;
      if (!source.last_visit && !source.last_visit_reported) {
        log_.report(source_table.file, source.line, source_table.last_visit_header,
                    "missing for a child at stage " + stage_name(stage) +
                        "; the visit clock needs the last visit (with --lenient it is taken as unknown)");
      }
    } else if (cin) {
      child.last_visit = cin->last_visit;
    }
    child.referral_date = referral_date(rows, stage, source, source_table);
    source_order_.emplace(child.pseudonym, std::make_pair(static_cast<int>(source_list), source.line));
    if (child_ids_) (*child_ids_)[child.pseudonym] = source.child_id;
    snapshot_.children.push_back(std::move(child));
  }

  // The referral the open work came from: List 3's latest referral on or
  // before the stage began, else List 6's CIN Start Date (which Annex A
  // defines as the referral date). An assessment or enquiry without one is a
  // problem: its clocks run from the referral. A plan without one takes its
  // own start: the assessment clock has stopped and nothing else uses it.
  kernel::Date referral_date(const ChildRows& rows, Stage stage, const ListRow& source, const ListTable& source_table) {
    if (stage == Stage::referral) return *source.start;
    const ListRow* cin = rows.open[slot(AnnexList::children_in_need)];
    // List 3's latest referral on or before `on` (whatever its date without one).
    const auto latest_referral = [&rows](std::optional<kernel::Date> on) {
      std::optional<kernel::Date> found;
      for (const ListRow* referral : rows.referrals) {
        if ((!on || *referral->start <= *on) && (!found || *referral->start > *found)) found = referral->start;
      }
      return found;
    };
    if (stage == Stage::cin_plan || stage == Stage::cp_plan || stage == Stage::looked_after) {
      if (cin && cin->start) return *cin->start;
      const std::optional<kernel::Date> found = latest_referral(stage == Stage::cin_plan ? std::nullopt : source.start);
      return found ? *found : *source.start;
    }
    // An assessment or enquiry: its row is open, so it has its start date
    // (an open row without one is refused as its list is read).
    const kernel::Date began = *source.start;
    if (const std::optional<kernel::Date> found = latest_referral(began)) return *found;
    if (cin && cin->start && *cin->start <= began) return *cin->start;
    log_.report(
        source_table.file, source.line, source_table.start_header,
        "no referral on or before this date for this child in List 3 or List 6; the " +
            std::string(stage == Stage::assessment ? "assessment's 45 working days run" : "enquiry's clocks run") +
            " from the referral (with --lenient this date is used)");
    return began;
  }

  static Stage stage_of(AnnexList list) {
    switch (list) {
      case AnnexList::referrals: return Stage::referral;
      case AnnexList::assessments: return Stage::assessment;
      case AnnexList::section_47: return Stage::section_47;
      case AnnexList::children_in_need: return Stage::cin_plan;
      case AnnexList::child_protection: return Stage::cp_plan;
      case AnnexList::children_in_care: return Stage::looked_after;
    }
    return Stage::referral;
  }

  kernel::Date extract_date_;
  const Pseudonymiser& pseudonyms_;
  ProblemLog& log_;
  std::map<std::string, std::string>* child_ids_;
  Snapshot snapshot_;
  std::string workers_file_;
  std::unordered_map<std::string, std::int32_t> worker_index_;
  std::map<std::string, std::string> worker_pseudonyms_;
  std::map<std::string, std::string> child_pseudonyms_;
  std::array<std::unique_ptr<ListTable>, 9> tables_{};
  std::unordered_map<std::string, ChildRows> children_;
  std::vector<std::string> order_;
  std::map<std::string, std::pair<int, int>> source_order_;
};

}  // namespace

std::string stage_name(Stage stage) {
  switch (stage) {
    case Stage::referral: return "referral";
    case Stage::section_47: return "section 47 enquiry";
    case Stage::assessment: return "open assessment";
    case Stage::cin_plan: return "CIN plan";
    case Stage::cp_plan: return "CP plan";
    case Stage::looked_after: return "looked after";
  }
  return "";
}

Snapshot load_snapshot(const std::filesystem::path& directory, const LoadOptions& options) {
  std::error_code error;
  if (!std::filesystem::exists(directory, error)) {
    throw SnapshotError(directory.string(), 0, "", "no such snapshot directory");
  }
  if (!std::filesystem::is_directory(directory, error)) {
    throw SnapshotError(directory.string(), 0, "", "not a directory; a snapshot is a directory of CSV files");
  }
  const SnapshotManifest manifest = read_manifest(directory);

  const std::string workers_bytes = read_bytes(directory, manifest.workers_file);
  std::map<AnnexList, std::string> list_bytes;
  std::vector<std::string_view> salt_input{workers_bytes};
  for (const AnnexList list : kAnnexLists) {
    const auto& file = manifest.list_files.at(list);
    if (!file) continue;
    list_bytes[list] = read_bytes(directory, *file);
    salt_input.push_back(list_bytes[list]);
  }
  const std::string salt = options.salt ? *options.salt : salt_from_files(salt_input);
  // Shared with the snapshot's worker_pseudonym, which outlives this call.
  const auto shared_pseudonyms = std::make_shared<const Pseudonymiser>(salt);
  const Pseudonymiser& pseudonyms = *shared_pseudonyms;

  ProblemLog log(options.lenient);
  if (options.child_ids) options.child_ids->clear();
  SnapshotBuilder builder(manifest.extract_date, pseudonyms, log, options.child_ids);
  if (options.worker_names) options.worker_names->clear();
  builder.add_workers(
      read_workers_file(parse_csv_table(workers_bytes, manifest.workers_file), manifest.extract_date, log),
      options.worker_names);
  for (const auto& [list, bytes] : list_bytes) {
    const std::string& file = *manifest.list_files.at(list);
    builder.add_list(read_annex_list(list, parse_csv_table(bytes, file), manifest.extract_date, log));
  }
  Snapshot snapshot = builder.build();
  if (options.team) {
    TeamReport report = keep_team(snapshot, *options.team, manifest.workers_file, options.worker_names);
    if (options.team_report) *options.team_report = std::move(report);
  }
  snapshot.worker_pseudonym = [shared_pseudonyms](std::string_view name) {
    return shared_pseudonyms->worker(normalise_key(name));
  };
  return snapshot;
}

}  // namespace casesim::snapshot
