// The EWP namespace URIs we read and write, exactly as the specifications spell them (they are
// compared byte for byte; prefixes never matter).
#pragma once

namespace mobility::ewp::ns {

inline constexpr const char* kCommonTypes =
    "https://github.com/erasmus-without-paper/ewp-specs-architecture/blob/stable-v1/common-types.xsd";
inline constexpr const char* kSecIntro = "https://github.com/erasmus-without-paper/ewp-specs-sec-intro/tree/stable-v2";
inline constexpr const char* kCliauthHttpsig =
    "https://github.com/erasmus-without-paper/ewp-specs-sec-cliauth-httpsig/tree/stable-v1";
inline constexpr const char* kSrvauthTlscert =
    "https://github.com/erasmus-without-paper/ewp-specs-sec-srvauth-tlscert/tree/stable-v1";
inline constexpr const char* kSrvauthHttpsig =
    "https://github.com/erasmus-without-paper/ewp-specs-sec-srvauth-httpsig/tree/stable-v1";
inline constexpr const char* kDiscovery = "https://github.com/erasmus-without-paper/ewp-specs-api-discovery/tree/stable-v6";
inline constexpr const char* kDiscoveryEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-discovery/blob/stable-v6/manifest-entry.xsd";
inline constexpr const char* kRegistry = "https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1";
inline constexpr const char* kRegistryEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-registry/blob/stable-v1/manifest-entry.xsd";
inline constexpr const char* kEchoEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-echo/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kEchoResponse = "https://github.com/erasmus-without-paper/ewp-specs-api-echo/tree/stable-v2";
inline constexpr const char* kFactsheetEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-factsheet/blob/stable-v1/manifest-entry.xsd";
inline constexpr const char* kFactsheetResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-factsheet/tree/stable-v1";
inline constexpr const char* kContact = "https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1";
inline constexpr const char* kPhoneNumber = "https://github.com/erasmus-without-paper/ewp-specs-types-phonenumber/tree/stable-v1";
inline constexpr const char* kIiasEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/manifest-entry.xsd";
inline constexpr const char* kIiasGetResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd";
inline constexpr const char* kIiasIndexResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/index-response.xsd";
inline constexpr const char* kIiasStatsResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/stats-response.xsd";
inline constexpr const char* kIiasApprovalEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iias-approval/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kIiasApprovalResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iias-approval/tree/stable-v2";
inline constexpr const char* kInstitutionsEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-institutions/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kInstitutionsResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-institutions/tree/stable-v2";
inline constexpr const char* kOunitsEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-ounits/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kOunitsResponse = "https://github.com/erasmus-without-paper/ewp-specs-api-ounits/tree/stable-v2";
inline constexpr const char* kAddress = "https://github.com/erasmus-without-paper/ewp-specs-types-address/tree/stable-v1";
inline constexpr const char* kIiaCnrEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iia-cnr/blob/stable-v3/manifest-entry.xsd";
inline constexpr const char* kIiaCnrResponse = "https://github.com/erasmus-without-paper/ewp-specs-api-iia-cnr/tree/stable-v3";
inline constexpr const char* kIiaApprovalCnrEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iia-approval-cnr/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kIiaApprovalCnrResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iia-approval-cnr/tree/stable-v2";
inline constexpr const char* kOMobilityCnrEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-cnr/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kOMobilityCnrResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-cnr/tree/stable-v2";
inline constexpr const char* kOMobilityLaCnrEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-la-cnr/blob/stable-v1/manifest-entry.xsd";
inline constexpr const char* kOMobilityLaCnrResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-la-cnr/tree/stable-v1";
inline constexpr const char* kIMobilityCnrEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-imobility-cnr/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kIMobilityCnrResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-imobility-cnr/tree/stable-v2";
inline constexpr const char* kAcademicTermV2 =
    "https://github.com/erasmus-without-paper/ewp-specs-types-academic-term/tree/stable-v2";
inline constexpr const char* kOmobilityLasEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/manifest-entry.xsd";
inline constexpr const char* kOmobilityLasGetResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd";
inline constexpr const char* kOmobilityLasIndexResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/index-response.xsd";
inline constexpr const char* kOmobilityLasUpdateRequest =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/update-request.xsd";
inline constexpr const char* kOmobilityLasUpdateResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/update-response.xsd";
inline constexpr const char* kOmobilityLasStatsResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/stats-response.xsd";
inline constexpr const char* kOmobilitiesEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v3/manifest-entry.xsd";
inline constexpr const char* kOmobilitiesGetResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v3/endpoints/get-response.xsd";
inline constexpr const char* kOmobilitiesIndexResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v3/endpoints/index-response.xsd";
inline constexpr const char* kOmobilitiesUpdateRequest =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v3/endpoints/update-request.xsd";
inline constexpr const char* kOmobilitiesUpdateResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v3/endpoints/update-response.xsd";
inline constexpr const char* kImobilitiesEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-imobilities/blob/stable-v2/manifest-entry.xsd";
inline constexpr const char* kImobilitiesGetResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-imobilities/blob/stable-v2/endpoints/get-response.xsd";
inline constexpr const char* kCoursesEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-courses/blob/stable-v1/manifest-entry.xsd";
inline constexpr const char* kCoursesResponse = "https://github.com/erasmus-without-paper/ewp-specs-api-courses/tree/stable-v1";
inline constexpr const char* kCourseReplicationEntry =
    "https://github.com/erasmus-without-paper/ewp-specs-api-course-replication/blob/stable-v1/manifest-entry.xsd";
inline constexpr const char* kCourseReplicationResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-course-replication/tree/stable-v1";
inline constexpr const char* kElmoV1 = "https://github.com/emrex-eu/elmo-schemas/tree/v1";
inline constexpr const char* kElmoV2 = "https://github.com/emrex-eu/elmo-schemas/tree/v2";
inline constexpr const char* kImobilityTorsV2GetResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-imobility-tors/blob/stable-v2/endpoints/get-response.xsd";
inline constexpr const char* kImobilityTorsV3GetResponse =
    "https://github.com/erasmus-without-paper/ewp-specs-api-imobility-tors/blob/stable-v3/endpoints/get-response.xsd";
inline constexpr const char* kXml = "http://www.w3.org/XML/1998/namespace";

}  // namespace mobility::ewp::ns
