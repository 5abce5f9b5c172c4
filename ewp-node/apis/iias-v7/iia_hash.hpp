// The IIA hash of EWP Inter-Institutional Agreements v7, computed natively.
//
// An IIAs v7 `<iia>` carries `iia-hash`: the lower-case hex SHA-256 of the "text-to-hash" that the
// official XSLT 2.0 (ewp-specs-api-iias, resources/xsltKit/transform_version_7.xsl) builds from
// that `<iia>`. No XSLT 2.0 processor exists in Debian, so the same string is built here by a
// walk over the libxml2 tree:
//   1. `_@terminated-as-a-whole@_` when cooperation-conditions has terminated-as-a-whole true/1;
//   2. for each partner at position p: `_iia-id_<p>=<its iia-id, or nothing>_`;
//   3. for each child of cooperation-conditions (a mobility spec), every descendant element in
//      document order, except those under a sending/receiving contact, the academic-year elements
//      and any subtree marked not-yet-defined true/1: first its attributes (but not-yet-defined and
//      v6-value) as `_@grandparent.parent.element.attribute=<value>@_`, then, for a leaf,
//      `_grandparent.parent.element=<value>_` (isced-f-code reads its v6-value when non-empty);
//      then `_receiving-first-academic-year-id=<v>_` and `_receiving-last-academic-year-id=<v>_`.
// Values are raw string values, blanks kept: whitespace inside a leaf changes the hash.
//
// Choices where we differ from running the XSLT on a whole document, on purpose:
// - Everything is read inside the one `<iia>` given. The XSLT reads terminated-as-a-whole and the
//   valid-for-approval markers with `//` (the whole document), so in a multi-IIA response one
//   terminated or legacy IIA leaks into every other IIA's result. We do not reproduce that quirk:
//   an IIA hashes the same alone or beside others.
// - Element names are compared by local name only, as the XSLT does, so IIAs v6 documents are read
//   too; for them the academic years come from the first and last `receiving-academic-year-id`,
//   exactly as transform_version_6.xsl does, which gives a v6 IIA the v7 hash of the same
//   agreement (the migration property the spec's vectors show).
// - Like the XSLT, a contact element itself is visited (only what is inside it is skipped); a
//   schema-valid contact has neither attributes nor an empty body, so this never shows in practice.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mobility::ewp {

// The exact text-to-hash of one `<iia>` element (v7 or v6 form).
std::string iia_text_to_hash(xmlNodePtr iia);

// Lower-case hex SHA-256 of iia_text_to_hash(iia): the `iia-hash` it should carry.
std::string iia_hash(xmlNodePtr iia);

// False when an element of this IIA has not-yet-defined true/1 or a non-empty v6-value: a legacy
// (v6-approved, unmodified) IIA that MUST NOT be approved (the XSLT's valid-for-approval=false).
bool iia_valid_for_approval(xmlNodePtr iia);

// One `<iia>` of a get response, its carried hash beside the one we compute.
struct IiaHashCheck {
  std::vector<std::string> partner_iia_ids;  // per `<partner>`, in order; "" where one has no iia-id
  std::string carried_hash;                  // its `<iia-hash>`, "" when absent (as in IIAs v6)
  std::string computed_hash;                 // iia_hash() of it
  bool valid_for_approval = true;            // iia_valid_for_approval() of it

  bool matches() const { return carried_hash == computed_hash; }
};

// Checks every `<iia>` of an IIAs get response, in document order. invalid_argument when the text
// is not well-formed XML or its root is not `<iias-get-response>`.
Result<std::vector<IiaHashCheck>> check_iia_hashes(std::string_view get_response_xml);

}  // namespace mobility::ewp
