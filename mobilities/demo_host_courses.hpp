// Demo host courses of fjordland.example's partners (agreements/host_courses.hpp), so that the
// destination pages list courses and the demo student can pick one in the course pre-approval
// (`mobility seed-demo`): Lumière-Nord (the courses earlier students had approved, and more),
// TU Rheinfeld and Valle Alto. Seeded only when fjordland.example keeps no course yet, so seeding
// again changes nothing.
#pragma once

#include "db/connection.hpp"

namespace mobility::mobilities {

Status seed_demo_host_courses(db::Connection& connection);

}  // namespace mobility::mobilities
