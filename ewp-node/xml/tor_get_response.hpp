// The IMobility ToRs get response, <imobility-tors-get-response> with one <tor> per transcript:
// <omobility-id>, (v3 only) <receiving-academic-year-id>, the ELMO document, and the Egracons
// <gradeConversionTable> (one <iscedTable> per ISCED-F code, <gradeFrequency label percentage>).
// Shared by the per-version folders apis/imobility-tors-v2 (ELMO 1.x) and apis/imobility-tors-v3
// (ELMO 2.1.1), which name their format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "ewp-node/xml/elmo_xml.hpp"
#include "mobilities/transcript.hpp"

namespace mobility::ewp {

struct TorResponseFormat {
  const char* response_ns;  // the get-response namespace of the API version
  ElmoVersion elmo;
  bool has_academic_year;  // <receiving-academic-year-id> (v3)
  const char* api;         // "IMobility ToRs v2", for messages
};

// The response, <tor>s in order. With has_academic_year a ToR without
// receiving_academic_year_id is written without it (and fails that version's schema).
std::string tor_get_response_xml(const TorResponseFormat& format, const std::vector<mobilities::TranscriptOfRecords>& tors);

// Every <tor> of a partner's get response. invalid_argument with the first problem: "the
// <API> answer is not XML", "the <API> answer is not a <imobility-tors-get-response>", "a <tor>
// has no <omobility-id>", (v3) "a <tor> has no <receiving-academic-year-id>", "a <tor> has no
// <elmo>" (in that version's ELMO namespace), an ELMO problem (elmo_xml.hpp read_elmo) prefixed
// with the omobility-id ("<tor> 'ID': the <elmo> has no <learner>"), or "a <gradeFrequency>
// percentage 'x' is not a decimal".
Result<std::vector<mobilities::TranscriptOfRecords>> read_tor_get_response(const TorResponseFormat& format, std::string_view xml);

}  // namespace mobility::ewp
