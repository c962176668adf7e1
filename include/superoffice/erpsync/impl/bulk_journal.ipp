//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_BULK_JOURNAL_IPP
#define SO_ERPSYNC_IMPL_BULK_JOURNAL_IPP

#include <superoffice/erpsync/bulk_journal.hpp>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/system/errc.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>

namespace superoffice::erpsync {

namespace detail {

inline error_code journal_errno() noexcept {
    int const e = errno;
    return error_code(e ? e : EIO, boost::system::generic_category());
}

inline error_code journal_refused(std::string* why, std::string text) {
    if (why)
        *why = std::move(text);
    return make_error_code(boost::system::errc::invalid_argument);
}

} // namespace detail

SO_ERPSYNC_DECL error_code bulk_journal::open(std::string const& path, std::string_view run, bool resume,
                                              std::string* why) {
    file_.reset();
    buffer_.clear();
    done_.clear();
    info_ = {};
    namespace fs = std::filesystem;
    std::error_code fec;
    auto const size = fs::exists(path, fec) ? fs::file_size(path, fec) : std::uintmax_t(0);
    if (fec)
        return detail::journal_refused(why, path + ": " + fec.message());
    if (size > 0 && !resume)
        return detail::journal_refused(why, path + " exists: resume its run, or remove it");

    bool const has_header = size > 0;
    if (has_header) {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return detail::journal_errno();
        std::string line;
        std::uint64_t good_end = 0; // bytes up to the end of the last complete line
        std::vector<bool> failed;
        std::uint64_t taken = 0;
        while (std::getline(in, line)) {
            if (in.eof()) { // no '\n': a write cut short by a kill; cut off below
                info_.repaired = !line.empty();
                break;
            }
            ++info_.lines;
            std::string const where = path + " line " + std::to_string(info_.lines) + ": ";
            boost::system::error_code jec;
            auto v = boost::json::parse(line, jec);
            auto const* o = jec ? nullptr : v.if_object();
            if (!o)
                return detail::journal_refused(why, where + "not a JSON object");
            if (info_.lines == 1) {
                auto const* r = o->if_contains("run");
                if (!o->if_contains("erpsync_bulk_journal") || !r || !r->is_string())
                    return detail::journal_refused(why, where + "not a bulk journal");
                if (r->get_string() != run)
                    return detail::journal_refused(why, path + " is the journal of run \"" +
                                                            std::string(r->get_string()) + "\", not of \"" +
                                                            std::string(run) + "\"");
            } else if (auto const* t = o->if_contains("taken")) {
                if (!t->is_uint64() && !t->is_int64())
                    return detail::journal_refused(why, where + "bad \"taken\"");
                taken = std::max<std::uint64_t>(taken, t->to_number<std::uint64_t>());
            } else {
                auto const* i = o->if_contains("i");
                auto const* out = o->if_contains("outcome");
                if (!i || !(i->is_uint64() || i->is_int64()) || !out || !out->is_string())
                    return detail::journal_refused(why, where + "not a key's line");
                auto const pos = i->to_number<std::uint64_t>();
                if (pos >= done_.size()) {
                    done_.resize(pos + 1);
                    failed.resize(pos + 1);
                }
                auto const& s = out->get_string();
                auto const* alone = o->if_contains("alone");
                if (s == "succeeded" || (s == "refused" && alone && alone->is_bool() && alone->get_bool())) {
                    if (!done_[pos])
                        ++(s == "succeeded" ? info_.succeeded : info_.refused);
                    done_[pos] = true;
                } else if (s == "refused" || s == "failed") {
                    failed[pos] = true;
                } else {
                    return detail::journal_refused(why, where + "unknown outcome");
                }
            }
            good_end += line.size() + 1;
        }
        if (in.bad())
            return detail::journal_errno();
        in.close();
        if (info_.lines == 0) // only a torn header: start again
            info_.repaired = true;
        if (good_end < size) {
            fs::resize_file(path, good_end, fec);
            if (fec)
                return detail::journal_refused(why, path + ": " + fec.message());
        }
        info_.taken = taken;
        for (std::uint64_t p = 0; p < taken; ++p) {
            bool const d = p < done_.size() && done_[p];
            bool const f = p < failed.size() && failed[p];
            info_.to_retry += !d && f;
            info_.in_flight += !d && !f;
        }
    }
    file_.reset(std::fopen(path.c_str(), "ab"));
    if (!file_)
        return detail::journal_errno();
    // unbuffered: each flush is one write of whole lines (a kill cannot cut a batch's lines into
    // several writes; it tears at most a line the system itself cut short)
    std::setvbuf(file_.get(), nullptr, _IONBF, 0);
    if (!has_header || info_.lines == 0) {
        boost::json::object h;
        h["erpsync_bulk_journal"] = 1;
        h["run"] = run;
        buffer_ = boost::json::serialize(h) + '\n';
        return flush();
    }
    return {};
}

SO_ERPSYNC_DECL void bulk_journal::taken(std::uint64_t position) {
    buffer_ += "{\"taken\":";
    buffer_ += std::to_string(position);
    buffer_ += "}\n";
}

SO_ERPSYNC_DECL void bulk_journal::record(std::uint64_t position, boost::json::value const& key,
                                          key_outcome const& o, bool alone) {
    if (o.status == key_status::not_attempted || o.status == key_status::skipped)
        return;
    boost::json::object line;
    line["i"] = position;
    line["key"] = key;
    switch (o.status) {
    case key_status::succeeded:
        line["outcome"] = "succeeded";
        break;
    case key_status::refused:
        line["outcome"] = "refused";
        line["alone"] = alone;
        break;
    case key_status::failed:
    case key_status::not_attempted:
    case key_status::skipped:
        line["outcome"] = "failed";
        break;
    }
    line["attempts"] = o.attempts;
    line["calls"] = o.calls;
    if (o.ec) {
        line["error"] = o.ec.message();
        line["message"] = o.message;
    }
    buffer_ += boost::json::serialize(line);
    buffer_ += '\n';
}

SO_ERPSYNC_DECL error_code bulk_journal::flush() {
    if (!file_)
        return {};
    if (!buffer_.empty()) {
        errno = 0;
        if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size())
            return detail::journal_errno();
        buffer_.clear();
    }
    errno = 0;
    if (std::fflush(file_.get()) != 0)
        return detail::journal_errno();
    return {};
}

SO_ERPSYNC_DECL error_code bulk_journal::close() {
    auto ec = flush();
    file_.reset();
    return ec;
}

} // namespace superoffice::erpsync

#endif
