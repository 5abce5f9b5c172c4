#include "portal/pages/accessibility_page.hpp"

namespace mobility::portal {

void add_accessibility_page(http::Router& router, const Site& site, std::string contact_email) {
  site.add_page(router, "GET", "/accessibility", [contact_email = std::move(contact_email)](PageRequest& page) {
    kainjow::mustache::data view;
    view.set("contact_email", contact_email);
    view.set("has_contact_email", !contact_email.empty());
    view.set("date", kAccessibilityStatementDate);
    return page.render(200, "accessibility", "accessibility_title", view);
  });
}

}  // namespace mobility::portal
