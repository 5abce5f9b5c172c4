#include "portal/agreements/iia_form.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "base/text.hpp"

namespace mobility::agreements::pages {
namespace {

constexpr size_t kMaxCode = 200;     // db: iia.iia_code
constexpr size_t kMaxReason = 2000;  // db: iia_version.reason
constexpr size_t kMaxFreeText = 4000;
constexpr size_t kMaxField = 1000;

std::string value_of(const http::HeaderList& form, const std::string& name) {
  for (const auto& [key, value] : form) {
    if (key == name) return value;
  }
  return "";
}

std::optional<int> whole_number(std::string_view text) {
  text = trim_blanks(text);
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || text.size() > 6 || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

std::optional<std::string> optional_text(std::string_view text) {
  text = trim_blanks(text);
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// Pieces of `text` between any of `separators`, blanks trimmed, empty ones left out.
std::vector<std::string> pieces(std::string_view text, std::string_view separators) {
  std::vector<std::string> result;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find_first_of(separators, start), text.size());
    std::string_view piece = trim_blanks(text.substr(start, end - start));
    if (!piece.empty()) result.emplace_back(piece);
    start = end + 1;
  }
  return result;
}

// "en B2, nb" → skills; a piece of more than two words becomes a language check_iia refuses.
std::vector<LanguageSkill> languages_of(const std::string& text) {
  std::vector<LanguageSkill> skills;
  for (const std::string& piece : pieces(text, ",;")) {
    auto words = pieces(piece, " ");
    LanguageSkill skill{words.front(), std::nullopt, std::nullopt, false};
    if (words.size() == 2) skill.cefr_level = words[1];
    if (words.size() > 2) skill.language = piece;
    skills.push_back(skill);
  }
  return skills;
}

std::vector<SubjectArea> subject_areas_of(const std::string& text) {
  std::vector<SubjectArea> areas;
  for (const std::string& line : pieces(text, "\n")) {
    size_t space = line.find(' ');
    SubjectArea area{line.substr(0, space), std::nullopt, std::nullopt};
    if (space != std::string::npos) area.isced_clarification = optional_text(std::string_view(line).substr(space + 1));
    areas.push_back(area);
  }
  return areas;
}

std::optional<std::vector<int>> eqf_levels_of(const std::string& text) {
  std::vector<int> levels;
  for (const std::string& piece : pieces(text, ", ")) {
    auto level = whole_number(piece);
    if (!level) return std::nullopt;
    levels.push_back(*level);
  }
  return levels;
}

std::string spec_field(size_t row, const char* name) { return "spec" + std::to_string(row) + "_" + name; }

// Puts the spec's sides the way round `outgoing` says, keeping each side's unit and contacts.
void set_direction(MobilitySpec& spec, bool outgoing, const std::string& our_hei_id, const std::string& partner_hei_id) {
  bool was_outgoing = spec.sending_hei_id == our_hei_id;
  if (!spec.sending_hei_id.empty() && was_outgoing != outgoing) {
    std::swap(spec.sending_ounit_id, spec.receiving_ounit_id);
    std::swap(spec.sending_contacts, spec.receiving_contacts);
  }
  spec.sending_hei_id = outgoing ? our_hei_id : partner_hei_id;
  spec.receiving_hei_id = outgoing ? partner_hei_id : our_hei_id;
}

void fill_spec(MobilitySpec& spec, const SpecFields& row, size_t index, std::vector<FieldProblem>& problems) {
  if (auto mobilities = whole_number(row.mobilities)) {
    spec.mobilities_per_year = *mobilities;
  } else {
    problems.push_back({spec_field(index, "mobilities"), "iia_error_mobilities"});
  }
  spec.mobilities_per_year_not_yet_defined = false;  // the person has now given a value
  spec.receiving_first_academic_year_id = std::string(trim_blanks(row.first_year));
  spec.receiving_last_academic_year_id = std::string(trim_blanks(row.last_year));
  spec.recommended_language_skills = languages_of(row.languages);
  spec.subject_areas = subject_areas_of(row.isced);
  if (auto levels = eqf_levels_of(row.eqf_levels)) {
    spec.eqf_levels = *levels;
  } else {
    problems.push_back({spec_field(index, "eqf"), "iia_error_eqf"});
  }
  spec.total_months_per_year = optional_text(row.months);
  spec.total_days_per_year = optional_text(row.days);
  spec.blended = row.blended;
  spec.other_info_terms = optional_text(row.other_info);
}

void check_text(std::vector<FieldProblem>& problems, const std::string& field, const std::string& value, size_t max_length) {
  if (value.size() > max_length) {
    problems.push_back({field, "field_too_long"});
  } else if (!is_clean_utf8(value)) {
    problems.push_back({field, "field_invalid_text"});
  } else if (value.find_first_of("<>") != std::string::npos) {
    problems.push_back({field, "agreements_error_markup"});
  }
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

}  // namespace

bool SpecFields::empty() const {
  return type.empty() && first_year.empty() && last_year.empty() && mobilities.empty() && languages.empty() && isced.empty() &&
         eqf_levels.empty() && months.empty() && days.empty() && other_info.empty() && !blended;
}

DraftFields fields_from_form(const http::HeaderList& form) {
  DraftFields fields{value_of(form, "partner_hei_id"), value_of(form, "iia_code"), value_of(form, "ounit_id"),
                     value_of(form, "reason"),         value_of(form, "version"),  {}};
  size_t rows = std::min<size_t>(whole_number(value_of(form, "spec_count")).value_or(0), kMaxSpecRows);
  for (size_t row = 0; row < rows; ++row) {
    auto field = [&](const char* name) { return value_of(form, spec_field(row, name)); };
    fields.specs.push_back({field("type"), field("direction"), field("first_year"), field("last_year"), field("mobilities"),
                            field("languages"), field("isced"), field("eqf"), field("months"), field("days"), field("other_info"),
                            field("blended") == "1", field("remove") == "1"});
  }
  return fields;
}

std::vector<SpecFields> spec_fields_of(const Iia& content, const std::string& our_hei_id) {
  std::vector<SpecFields> rows;
  for (const MobilitySpec& spec : content.mobility_specs) {
    std::vector<std::string> languages, areas, levels;
    for (const auto& skill : spec.recommended_language_skills)
      languages.push_back(skill.language + (skill.cefr_level ? " " + *skill.cefr_level : ""));
    for (const auto& area : spec.subject_areas)
      areas.push_back(area.isced_f_code + (area.isced_clarification ? " " + *area.isced_clarification : ""));
    for (int level : spec.eqf_levels) levels.push_back(std::to_string(level));
    rows.push_back({mobility_type_name(spec.type), spec.sending_hei_id == our_hei_id ? "outgoing" : "incoming",
                    spec.receiving_first_academic_year_id, spec.receiving_last_academic_year_id,
                    std::to_string(spec.mobilities_per_year), joined(languages, ", "), joined(areas, "\n"), joined(levels, ", "),
                    spec.total_months_per_year.value_or(""), spec.total_days_per_year.value_or(""),
                    spec.other_info_terms.value_or(""), spec.blended, false});
  }
  return rows;
}

std::string reason_problem(const std::string& reason) {
  std::vector<FieldProblem> problems;
  check_text(problems, "reason", reason, kMaxReason);
  if (problems.empty() && trim_blanks(reason).empty()) return "field_required";
  return problems.empty() ? "" : problems.front().message_key;
}

std::vector<FieldProblem> text_problems(const DraftFields& fields) {
  std::vector<FieldProblem> problems;
  check_text(problems, "partner_hei_id", fields.partner_hei_id, kMaxField);
  check_text(problems, "iia_code", fields.iia_code, kMaxCode);
  check_text(problems, "ounit_id", fields.ounit_id, kMaxField);
  if (std::string reason = reason_problem(fields.reason); !reason.empty()) problems.push_back({"reason", reason});
  for (size_t row = 0; row < fields.specs.size(); ++row) {
    const SpecFields& spec = fields.specs[row];
    for (const auto& [name, value] : {std::pair{"type", &spec.type},
                                      {"direction", &spec.direction},
                                      {"first_year", &spec.first_year},
                                      {"last_year", &spec.last_year},
                                      {"mobilities", &spec.mobilities},
                                      {"languages", &spec.languages},
                                      {"isced", &spec.isced},
                                      {"eqf", &spec.eqf_levels},
                                      {"months", &spec.months},
                                      {"days", &spec.days}}) {
      check_text(problems, spec_field(row, name), *value, kMaxField);
    }
    check_text(problems, spec_field(row, "other_info"), spec.other_info, kMaxFreeText);
  }
  return problems;
}

DraftContent content_from_fields(const DraftFields& fields, const std::string& our_hei_id,
                                 const std::optional<std::string>& our_ounit_id, const std::optional<Iia>& stored) {
  DraftContent draft;
  Iia& content = draft.content;
  if (stored) {
    content = *stored;
  } else {
    IiaPartner ours, theirs;
    ours.hei_id = our_hei_id;
    ours.ounit_id = our_ounit_id;
    theirs.hei_id = fields.partner_hei_id;
    content.partners = {ours, theirs};
  }
  std::string partner_hei_id = content.partners.size() == 2 ? content.partners[1].hei_id : "";
  std::vector<MobilitySpec> specs;
  std::vector<size_t> rows;
  for (size_t row = 0; row < fields.specs.size(); ++row) {
    const SpecFields& fields_row = fields.specs[row];
    if (fields_row.remove || fields_row.empty()) continue;
    bool kept = stored && row < stored->mobility_specs.size();
    MobilitySpec spec = kept ? stored->mobility_specs[row] : MobilitySpec{};
    if (auto type = mobility_type_from_name(fields_row.type)) {
      spec.type = *type;
    } else {
      draft.problems.push_back({spec_field(row, "type"), "agreements_error_type"});
    }
    if (fields_row.direction != "outgoing" && fields_row.direction != "incoming") {
      draft.problems.push_back({spec_field(row, "direction"), "agreements_error_direction"});
    }
    bool outgoing = fields_row.direction == "outgoing";
    if (!kept) (outgoing ? spec.sending_ounit_id : spec.receiving_ounit_id) = our_ounit_id;
    set_direction(spec, outgoing, our_hei_id, partner_hei_id);
    fill_spec(spec, fields_row, row, draft.problems);
    specs.push_back(std::move(spec));
    rows.push_back(row);
  }
  content.mobility_specs = std::move(specs);
  for (const IiaProblem& problem : check_iia(content)) {
    FieldProblem mapped{field_of_problem(problem, rows), problem.message_key};
    if (std::find(draft.problems.begin(), draft.problems.end(), mapped) == draft.problems.end()) draft.problems.push_back(mapped);
  }
  return draft;
}

std::string field_of_problem(const IiaProblem& problem, const std::vector<size_t>& rows) {
  const std::string& path = problem.field;
  if (path.starts_with("partners")) return "partner_hei_id";
  constexpr std::string_view kSpecs = "mobility_specs[";
  if (!path.starts_with(kSpecs)) return "specs";
  size_t close = path.find(']');
  auto index = whole_number(std::string_view(path).substr(kSpecs.size(), close - kSpecs.size()));
  if (!index || static_cast<size_t>(*index) >= rows.size() || close + 1 >= path.size()) return "specs";
  std::string rest = path.substr(close + 2);
  static const std::vector<std::pair<std::string, const char*>> kFields = {{"type", "type"},
                                                                           {"sending_hei_id", "direction"},
                                                                           {"receiving_hei_id", "direction"},
                                                                           {"receiving_first_academic_year_id", "first_year"},
                                                                           {"receiving_last_academic_year_id", "last_year"},
                                                                           {"mobilities_per_year", "mobilities"},
                                                                           {"recommended_language_skills", "languages"},
                                                                           {"subject_areas", "isced"},
                                                                           {"total_months_per_year", "months"},
                                                                           {"eqf_levels", "eqf"},
                                                                           {"total_days_per_year", "days"}};
  for (const auto& [prefix, field] : kFields) {
    if (rest.starts_with(prefix)) return spec_field(rows[*index], field);
  }
  return "specs";
}

}  // namespace mobility::agreements::pages
