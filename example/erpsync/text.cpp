//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#include "text.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <algorithm>

namespace erpsync_cli {

namespace {
char lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
} // namespace

bool iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string fold(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '_' && c != '-')
            out += lower(c);
    return out;
}

std::string split_camel(std::string_view wire, char sep) {
    std::string out;
    for (std::size_t i = 0; i < wire.size(); ++i) {
        char const c = wire[i];
        if (i > 0 && c >= 'A' && c <= 'Z')
            out += sep;
        out += lower(c);
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string json_quoted(std::string_view s) {
    return boost::json::serialize(boost::json::string(s));
}

std::string join(std::vector<std::string> const& items, std::string_view sep) {
    std::string out;
    for (auto const& i : items) {
        if (!out.empty())
            out += sep;
        out += i;
    }
    return out;
}

std::string join_path(std::string const& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string indent_json(std::string_view s, std::string_view lead) {
    std::string out;
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    auto newline = [&] {
        out += '\n';
        out += lead;
        out.append(depth * 2, ' ');
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char const c = s[i];
        if (in_string) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            out += c;
            break;
        case '{':
        case '[':
            out += c;
            if (i + 1 < s.size() && (s[i + 1] == '}' || s[i + 1] == ']')) {
                out += s[++i];
            } else {
                ++depth;
                newline();
            }
            break;
        case '}':
        case ']':
            depth = depth > 0 ? depth - 1 : 0;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace erpsync_cli
