// TeamModel: the scenario's timeline of dated changes, applied at the start of
// the first working day on or after each date, before anything else that day.
#include <algorithm>
#include <numeric>

#include "engine/model/team_model.hpp"
#include "engine/model/working_time.hpp"

namespace casesim::model {

using kernel::Day;
using Kind = scenario::TimelineEvent::Kind;

void TeamModel::apply_dated_changes(Day day) {
  if (!retained_.empty() && day >= retained_until_day_) close_retained_posts(day);
  const auto& changes = setup_.dated_changes();
  while (next_dated_change_ < changes.size() && changes[next_dated_change_].day <= day) {
    const DatedChange& change = changes[next_dated_change_++];
    staff_changed();
    const scenario::TimelineEvent& event = scenario_.timeline[change.event];
    const std::string what = scenario::describe(event);
    trace("dated_change", -1, change.post >= 0 ? worker_id(static_cast<std::size_t>(change.post)) : -1, -1, 0.0, what);
    switch (event.kind) {
      case Kind::worker_leaves: {
        // Only the worker who held the post at the start: one who has already
        // left (by turnover) cannot leave again.
        const auto p = static_cast<std::size_t>(change.post);
        if (posts_[p].in_use && posts_[p].holder != Post::Holder::vacant && posts_[p].serial == 1)
          dated_leaving(p, day, event.replaced);
        break;
      }
      case Kind::agency_workers_leave: {
        // The team's agency workers: those in the posts of the team it
        // started with (the listed or the snapshot's workers), not the
        // temporary cover escalation brought in nor workers the scenario
        // adds (additional workers, timeline starters), whom a plan pays for
        // precisely so that they stay.
        const snapshot::Snapshot* snapshot = setup_.snapshot();
        const std::size_t team_posts = snapshot ? snapshot->workers.size() : scenario_.team.social_workers.size();
        std::vector<std::size_t> agency;
        for (std::size_t p = 0; p < team_posts; ++p)
          if (posts_[p].in_use && !posts_[p].temporary && posts_[p].holder == Post::Holder::agency) agency.push_back(p);
        // Last in, first out; the later post first on a tie.
        std::stable_sort(agency.begin(), agency.end(), [&](std::size_t a, std::size_t b) {
          return posts_[a].started_day > posts_[b].started_day ||
                 (posts_[a].started_day == posts_[b].started_day && a > b);
        });
        const std::size_t n = std::min(agency.size(), static_cast<std::size_t>(event.count));
        for (std::size_t i = 0; i < n; ++i) dated_leaving(agency[i], day, event.replaced);
        break;
      }
      case Kind::worker_starts: {
        const auto p = static_cast<std::size_t>(change.post);
        posts_[p].reserved = false;
        posts_[p].in_use = true;
        posts_[p].fte = event.fte;
        start_worker(p, event.agency ? Post::Holder::agency : Post::Holder::permanent, day, event.newly_qualified);
        allocate_waiting();
        break;
      }
      case Kind::worker_absent: {
        Post& post = posts_[static_cast<std::size_t>(change.post)];
        if (post.in_use && post.holder != Post::Holder::vacant && post.serial == 1)
          post.absent_until = std::max(post.absent_until, change.until_day);
        break;
      }
      case Kind::caseload_cap:
        cap_.change_cases(event.cases);
        allocate_waiting();
        break;
      case Kind::supervision_interval:
        // Sessions already booked keep their dates; the new interval runs from them.
        if (supervision_interval_weeks_ <= 0 && scenario_.supervision.modelled) {
          for (Post& post : posts_)
            if (post.in_use && post.holder != Post::Holder::vacant)
              post.supervision_due = calendar_.add_working_days(day, kWorkingDaysPerWeek * event.weeks);
        }
        supervision_interval_weeks_ = event.weeks;
        break;
      case Kind::manager_absent: manager_.sick_until = std::max(manager_.sick_until, change.until_day); break;
      case Kind::manager_replaced:
        manager_.in_post = false;
        manager_.leaving_day = kNever;
        manager_.starts = day + 7 * event.weeks;
        manager_.forced_interim = event.interim ? 1 : 0;
        trace("manager_leaves", -1, -1, -1, 0.0, "dated change");
        break;
      case Kind::referral_rate: break;  // ModelSetup's referral rates already carry the factor
    }
  }
}

// The first leavers the timeline dates stay until the retention date, when
// that is later (TeamSettings::retained_leavers): they keep their cases and
// leave then as they would have.
void TeamModel::dated_leaving(std::size_t p, Day day, bool replaced) {
  if (retentions_left_ > 0 && retained_until_day_ > day) {
    --retentions_left_;
    retained_.push_back({p, posts_[p].serial, replaced});
    trace("worker_retained", -1, worker_id(p), retained_until_day_);
    return;
  }
  close_post(p, day, replaced);
}

// Only the holder who was retained, if still in post: one who has left
// meanwhile (resigned, or an agency tenure ended) does not leave again.
void TeamModel::close_retained_posts(Day day) {
  for (const RetainedLeaver& r : retained_) {
    const Post& post = posts_[r.post];
    if (post.in_use && post.holder != Post::Holder::vacant && post.serial == r.serial)
      close_post(r.post, day, r.replaced);
  }
  retained_.clear();
}

// A worker leaves on a dated change: their cases are handed on as when anyone
// leaves; the post closes unless it is to be recruited to.
void TeamModel::close_post(std::size_t p, Day day, bool replaced) {
  worker_leaves(p, day);
  if (replaced) return;
  Post& post = posts_[p];
  staff_changed();
  post.permanent_starts = kNever;
  post.agency_starts = kNever;
  post.in_use = false;
}

}  // namespace casesim::model
