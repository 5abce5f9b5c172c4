// What the staff and student pages share: the HEI a visitor acts for, the person as the author
// of a change, and the 503 page for a failed query.
#pragma once

#include <optional>
#include <string>

#include "agreements/iia_book.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The HEI of the visitor's first grant that has one (students, coordinators and admins belong to
// one); nullopt when signed out or an operator.
std::optional<std::string> home_hei_of(const PageRequest& page);

// Sets `hei_id` to the visitor's HEI and answers as PageRequest::refuse_unless(`action`, the
// whole of that HEI) does; nullopt when the visitor may go on.
std::optional<http::Response> refuse_unless_at_home_hei(PageRequest& page, Action action, std::optional<std::string>& hei_id);

// The scope of the visitor's own student record (their first student grant); empty when they
// hold none, which Action::kViewOwnExchange then refuses.
Scope own_student_scope(const PageRequest& page);

// The signed-in person as the author of a change, with the strongest role they hold at their HEI.
agreements::Editor editor_of(const PageRequest& page);

// The 503 page for a failed query, logged with the request id.
http::Response unavailable(const PageRequest& page, const Status& status);

// The query parameter `name` of the request, "" when absent.
std::string query_value(const PageRequest& page, std::string_view name);

}  // namespace mobility::portal
