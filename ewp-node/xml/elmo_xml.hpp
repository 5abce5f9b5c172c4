// EMREX ELMO, the Transcript of Records format the IMobility ToRs responses embed: ELMO 1.x
// (namespace …/elmo-schemas/tree/v1, ToRs v2) and ELMO 2.1.1 (…/tree/v2, ToRs v3), written from
// and read into mobilities::Transcript. One codec serves both: the parts the model keeps have the
// same names and order in both versions, except that ELMO 2 gives <citizenship> and <country> a
// type attribute (we write "ISO"), requires <alternativeName> (we write it empty: the model has no
// non-Latin name) and names the birth date <dateOfBirth> (ELMO 1: <bday>; read either).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "base/status.hpp"
#include "ewp-node/xml/xml_writer.hpp"
#include "mobilities/transcript.hpp"

namespace mobility::ewp {

enum class ElmoVersion { kV1, kV2 };

// The namespace URI of that ELMO version.
const char* elmo_namespace(ElmoVersion version);

// Fills `elmo` (an empty <elmo> element in elmo_namespace(version), declared on its document) with
// the transcript, in schema order; optional parts only when present.
void write_elmo(XmlElement& elmo, const mobilities::Transcript& transcript, ElmoVersion version);

// A standalone ELMO document (root <elmo>), as EMREX exchanges it.
std::string elmo_document_xml(const mobilities::Transcript& transcript, ElmoVersion version);

// The transcript in an <elmo> element of that version. invalid_argument, with the first problem:
//   "the <elmo> has no <learner>", "the <elmo> has no <report>", "a <report> has no <issuer>",
//   "a <category> count 'x' is not a whole number", "the <learner> <gender> 'x' is not 0, 1, 2 or 9",
//   "an <attachment> <content> is not a base64 data: URI".
// Elements the model does not keep are skipped.
Result<mobilities::Transcript> read_elmo(xmlNodePtr elmo, ElmoVersion version);

// A standalone ELMO document: also "the ELMO answer is not XML" and "the ELMO answer is not a
// <elmo>" (wrong root or namespace).
Result<mobilities::Transcript> read_elmo_document(std::string_view xml, ElmoVersion version);

}  // namespace mobility::ewp
