// HTTP dates in the RFC 1123 form that EWP's Date and Original-Date headers use:
// "Sun, 05 Jan 2014 21:31:40 GMT" (two-digit day, English names, always GMT).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace mobility::http {

using Clock = std::chrono::system_clock;

// `time` formatted as above, to the second.
std::string format_http_date(Clock::time_point time);

// The time a header value denotes, or nullopt unless it has exactly the form above (a valid
// weekday name is required but not checked against the date, as HTTP parsers commonly do) and
// Clock can hold it (years 1970 to 2262).
std::optional<Clock::time_point> parse_http_date(std::string_view text);

// Checks every Date and Original-Date header of a message, signed or not: each must parse and lie
// within `max_skew` of `now`. nullopt when all do, else a message for the other side's developer.
std::optional<std::string> date_headers_problem(const HeaderList& headers, Clock::time_point now, std::chrono::seconds max_skew);

}  // namespace mobility::http

// The EWP code reads dates through these names.
namespace mobility::ewp {
using http::Clock;
using http::date_headers_problem;
using http::format_http_date;
using http::parse_http_date;
}  // namespace mobility::ewp
