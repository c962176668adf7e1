//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#include "input.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace erpsync_cli {

std::string read_stdin() {
    return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
}

std::string keep_selected(std::string const& json, std::string_view select) {
    std::vector<std::string_view> keep;
    for (std::size_t i = 0; i <= select.size();) {
        std::size_t end = std::min(select.find(',', i), select.size());
        std::string_view item = select.substr(i, end - i);
        item.remove_prefix(std::min(item.find_first_not_of(' '), item.size()));
        item = item.substr(0, std::min(item.find_first_of(" ./"), item.size()));
        if (!item.empty())
            keep.push_back(item);
        i = end + 1;
    }
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(json, ec);
    if (ec || keep.empty())
        return json;
    auto filter = [&](boost::json::value& x) {
        auto const* o = x.if_object();
        if (!o)
            return;
        boost::json::object kept;
        for (auto const& kv : *o)
            for (auto k : keep)
                if (iequals(k, kv.key())) {
                    kept.emplace(kv.key(), kv.value());
                    break;
                }
        x = std::move(kept);
    };
    if (auto* a = v.if_array())
        for (auto& e : *a)
            filter(e);
    else
        filter(v);
    return boost::json::serialize(v);
}

key_reader::key_reader(std::string const& path) : path_(path) {
    if (path != "-") {
        file_.open(path, std::ios::binary);
        if (!file_)
            throw usage_error("cannot read " + path);
    }
}

std::optional<std::string> key_reader::next(erp::error_code& ec) {
    std::istream& in = path_ == "-" ? std::cin : file_;
    std::string text;
    while (std::getline(in, text)) {
        ++line_;
        auto t = trim(text);
        if (!t.empty())
            return std::string(t);
    }
    if (in.bad())
        ec = make_error_code(boost::system::errc::io_error);
    return std::nullopt;
}

std::uint64_t key_reader::count(std::string const& path) {
    if (path == "-")
        return 0;
    std::ifstream f(path, std::ios::binary);
    std::uint64_t n = 0;
    std::string text;
    while (std::getline(f, text))
        n += !trim(text).empty();
    return n;
}

} // namespace erpsync_cli
