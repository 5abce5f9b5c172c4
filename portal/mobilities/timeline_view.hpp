// A mobility's timeline (mobilities/timeline.hpp) as the pages show it, in the visitor's language:
// each step with "done", "waiting for you / the student / the coordinator / <partner> since …" or
// "next", and its deadline. `viewer` is who reads it: a step they hold says "you".
#pragma once

#include <kainjow/mustache.hpp>

#include "db/mobilities.hpp"
#include "mobilities/timeline.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

kainjow::mustache::data timeline_view(PageRequest& page, const mobilities::Mobility& mobility,
                                      const std::vector<mobilities::TimelineStep>& steps, mobilities::Holder viewer);

// The timeline of our outgoing mobility `record` from the database; kUnavailable on trouble.
Result<kainjow::mustache::data> outgoing_timeline(PageRequest& page, const db::OMobilityRecord& record,
                                                  const mobilities::Mobility& mobility, mobilities::Holder viewer);

}  // namespace mobility::portal::mobility_pages
