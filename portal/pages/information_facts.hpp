// Per-agreement information as students read it (templates/partials/information_facts.mustache):
// on the destination page, and on the review page where the admin sees what students would see.
#pragma once

#include <kainjow/mustache.hpp>

#include "agreements/agreement_information.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {

kainjow::mustache::data information_facts_view(const agreements::AgreementInformation& information, const Messages& messages);

}  // namespace mobility::portal
