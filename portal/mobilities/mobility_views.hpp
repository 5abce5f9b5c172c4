// What the mobility pages show of a mobility and of a learning-agreement version, as template data
// (templates/mobilities/*.mustache, partials la_version and mobility_facts). Values are shown as
// stored; the words come from the page's message catalogue.
#pragma once

#include <string>

#include <kainjow/mustache.hpp>

#include "db/learning_agreements.hpp"
#include "mobilities/learning_agreement.hpp"
#include "portal/web/messages.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

// The name of `hei_id` in the visitor's language (NameCache), else its id.
std::string hei_label(PageRequest& page, const std::string& hei_id);

// Student, both HEIs (by name), term and year, planned and actual dates, levels, nomination status
// (and the receiving HEI's comment on a rejection).
kainjow::mustache::data mobility_facts(PageRequest& page, const mobilities::Mobility& mobility, const Messages& messages);

// One version: its heading, its component tables (code, title, credits, term, the change with its
// reason) and who signed it when.
kainjow::mustache::data la_version_view(const mobilities::LaVersion& version, const std::string& heading,
                                        const Messages& messages);

// Every stored version, newest first, each as la_version_view with its state ("proposed, awaiting
// the receiving institution"), the receiving HEI's comment and, while awaiting, its proposal id;
// and its PDF's link, `pdf_base` + "<version>.pdf".
kainjow::mustache::data la_history_view(const std::vector<db::LaVersionRecord>& versions, const Messages& messages,
                                        const std::string& pdf_base);

// "Version 3".
std::string la_version_label(const Messages& messages, int version);

// Now, as a signature's xs:dateTime in UTC: "2026-12-07T12:00:00Z".
std::string signing_timestamp();

// The words of one component's values: "7.5 ects, 5 ects"; "1/2" (empty without a term); "added"
// (empty when unchanged); "timetable conflict: <the student's text>" (empty without a reason).
std::string credits_text(const std::vector<mobilities::Credit>& credits);
std::string term_text(const mobilities::Component& component);
std::string change_text(const mobilities::Component& component, const Messages& messages);
std::string reason_text(const mobilities::Component& component, const Messages& messages);

// "Semester (long-term)"; "Table A: components studied at the receiving institution".
std::string activity_text(const mobilities::Nomination& nomination, const Messages& messages);
std::string table_text(mobilities::ComponentTable table, const Messages& messages);

// The message of a nomination status: "Awaiting the receiving institution", ...
std::string status_text(const std::string& status, const Messages& messages);

}  // namespace mobility::portal::mobility_pages
