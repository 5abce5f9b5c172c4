// Validators for the official EWP schemas in ../shared/ewp-specs, for tests that check that what
// we emit is valid.
#pragma once

#include <string>

#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::testing {

// Compiled once per process: manifest v6 and catalogue v1 (each with the entry schemas of the APIs
// we serve and the httpsig security entries, so API entries are validated too), the echo v2,
// institutions v2, organizational units v2, factsheet v1 responses, common types
// (error-response), and the IIAs v7, Approval v2, IIA CNR v3 and Approval CNR v2 responses.
const ewp::SchemaValidator& manifest_schema();
const ewp::SchemaValidator& echo_response_schema();
const ewp::SchemaValidator& factsheet_response_schema();
const ewp::SchemaValidator& institutions_response_schema();
const ewp::SchemaValidator& ounits_response_schema();
const ewp::SchemaValidator& error_response_schema();
const ewp::SchemaValidator& catalogue_schema();
// IIAs v7 get, index and stats responses, and IIAs Approval v2 responses.
const ewp::SchemaValidator& iias_response_schema();
// OMobility CNR v2, OMobility LA CNR v1 and IMobility CNR v2 responses.
const ewp::SchemaValidator& mobility_cnr_response_schema();
// OMobility LAs v1.2.0: get, index, stats and update responses and the update request.
const ewp::SchemaValidator& las_schema();
// OMobilities v3.0.0: get, index and update responses and the update request.
const ewp::SchemaValidator& omobilities_v3_schema();
// Courses v0.7.1 and Simple Course Replication v1.0.0-rc9 responses.
const ewp::SchemaValidator& courses_schema();
// IMobilities v2.0.0 get responses.
const ewp::SchemaValidator& imobilities_v2_schema();
// Standalone EMREX ELMO documents: 1.7.0 (…/elmo-schemas/tree/v1) and 2.1.1 (…/tree/v2).
const ewp::SchemaValidator& elmo_v1_schema();
const ewp::SchemaValidator& elmo_v2_schema();
// IMobility ToRs get responses: v2.0.0 (with ELMO 1.7.0) and v3.0.0 (with ELMO 2.1.1).
const ewp::SchemaValidator& tors_v2_schema();
const ewp::SchemaValidator& tors_v3_schema();

}  // namespace mobility::testing
