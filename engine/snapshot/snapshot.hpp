#pragma once
// A team as it is on the day its data was extracted: its social workers and
// its open children, as plain, already-validated values. Built only by
// load_snapshot (the Annex A lists and workers.csv) or by tests; the model
// starts a replication from it instead of from an empty office.
//
// Identifiers are pseudonyms: a child's id and a worker's name never reach a
// Snapshot in clear, so nothing downstream (model, results, traces, reports)
// can write them.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/kernel/date.hpp"

namespace casesim::snapshot {

struct Worker {
  std::string pseudonym;  // "W-" and 16 hex digits
  std::string team;       // as written in workers.csv (a team name is not personal data)
  double fte = 1.0;
  bool agency = false;
  bool newly_qualified = false;
  kernel::Date started;                      // role start date
  std::optional<kernel::Date> absent_until;  // absent up to and including this date
};

// A child's current stage, by the precedence of annex-a.md: looked after > CP
// plan > CIN plan > open assessment > open section 47 enquiry > referral.
enum class Stage : std::uint8_t { referral, section_47, assessment, cin_plan, cp_plan, looked_after };

struct Child {
  std::string pseudonym;  // "C-" and 16 hex digits
  Stage stage = Stage::referral;
  std::int32_t worker = -1;  // index into Snapshot::workers; -1: unallocated
  // The date of the referral now open (List 3 Date of referral, or List 6 CIN
  // Start Date): the assessment's 45 working days run from it.
  kernel::Date referral_date;
  // When the current stage began: the section 47 strategy discussion, the
  // assessment start, the CP plan start or the date started to be looked after.
  // Not known for a CIN plan (Annex A has no CIN plan start date).
  std::optional<kernel::Date> stage_start;
  // The date of the last statutory visit (or the date the child was last
  // seen). nullopt: unknown (only with --lenient); never taken to be today.
  std::optional<kernel::Date> last_visit;
  // CP plan: date of the latest review conference; looked after: date of the
  // latest statutory review. nullopt: none yet.
  std::optional<kernel::Date> last_review;
  // Where the child's current stage came from, for messages ("list7.csv:14").
  std::string source;
  // That row's Allocated Team as written (a team name is not personal data);
  // places an unallocated child when one team is taken from an extract.
  std::string team;
};

// A row problem found with --lenient, reported and counted rather than fatal.
struct Problem {
  std::string file;    // file name within the snapshot directory
  int line = 0;        // 1-based physical line of the row
  std::string column;  // the column's header as written in the file
  std::string problem;
};

struct Snapshot {
  kernel::Date extract_date;  // the simulation starts on this date
  std::vector<Worker> workers;
  std::vector<Child> children;
  std::vector<Problem> problems;  // empty unless loaded with lenient
  // The pseudonym a worker's id or name, as a manager would write it (as in
  // workers.csv), has under this snapshot's key: how a scenario's timeline can
  // name a worker without the name going further. Empty for a snapshot built
  // by hand (tests); then only pseudonyms name workers.
  std::function<std::string(std::string_view)> worker_pseudonym = {};
};

}  // namespace casesim::snapshot
