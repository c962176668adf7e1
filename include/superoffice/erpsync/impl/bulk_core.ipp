//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_BULK_CORE_IPP
#define SO_ERPSYNC_IMPL_BULK_CORE_IPP

#include <superoffice/erpsync/detail/bulk_core.hpp>

#include <algorithm>
#include <iterator>
#include <utility>

namespace superoffice::erpsync::detail {

SO_ERPSYNC_DECL bool refusal_names_key(std::string_view message, std::string_view key) noexcept {
    if (key.empty())
        return false;
    auto const boundary = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == ':' ||
               c == '\'' || c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' ||
               c == '}' || c == '<' || c == '>';
    };
    for (std::size_t at = message.find(key); at != std::string_view::npos; at = message.find(key, at + 1)) {
        bool const starts = at == 0 || boundary(message[at - 1]);
        std::size_t const end = at + key.size();
        bool const ends = end == message.size() || boundary(message[end]);
        if (starts && ends)
            return true;
    }
    return false;
}

SO_ERPSYNC_DECL bulk_core::bulk_core(settings s) : s_(s) {
    s_.batch_size = std::max<std::size_t>(1, s_.batch_size);
    s_.concurrency = std::max<std::size_t>(1, s_.concurrency);
}

SO_ERPSYNC_DECL void bulk_core::count(key_fate f, std::size_t n) noexcept {
    switch (f) {
    case key_fate::succeeded:
        st_.succeeded += n;
        break;
    case key_fate::refused:
        st_.refused += n;
        break;
    case key_fate::failed:
        st_.failed += n;
        break;
    case key_fate::unresolved:
        st_.unresolved += n;
        break;
    }
}

SO_ERPSYNC_DECL bulk_core::action bulk_core::next() {
    if (stopped_) {
        for (auto& b : waiting_) {
            for (auto k : b.keys)
                drained_.push_back({k, key_fate::unresolved, b.depth});
            count(key_fate::unresolved, b.keys.size());
            held_ -= b.keys.size();
        }
        waiting_.clear();
        return {flying_.empty() ? action_kind::done : action_kind::wait};
    }
    if (taking_ || flying_.size() >= s_.concurrency)
        return {action_kind::wait};
    if (!waiting_.empty()) {
        batch b = std::move(waiting_.front());
        waiting_.pop_front();
        ++st_.calls;
        if (b.depth > 0)
            ++st_.isolation_calls;
        auto const id = b.id;
        auto it = flying_.emplace(id, std::move(b)).first;
        return {action_kind::send, 0, &it->second};
    }
    if (!exhausted_) {
        taking_ = true;
        return {action_kind::take, s_.batch_size};
    }
    return {flying_.empty() ? action_kind::done : action_kind::wait};
}

SO_ERPSYNC_DECL void bulk_core::taken(std::vector<ordinal> keys, bool exhausted) {
    taking_ = false;
    // a source that gives nothing is at its end, whatever it says (else the run could not end)
    exhausted_ = exhausted_ || exhausted || keys.empty();
    if (keys.empty())
        return;
    held_ += keys.size();
    st_.taken += keys.size();
    st_.max_held = std::max(st_.max_held, held_);
    waiting_.push_back(batch{next_id_++, std::move(keys), 0});
}

SO_ERPSYNC_DECL std::vector<bulk_core::settlement> bulk_core::finished(std::uint64_t id, batch_verdict v,
                                                                       std::vector<ordinal> const& named) {
    std::vector<settlement> out;
    auto it = flying_.find(id);
    if (it == flying_.end())
        return out;
    batch b = std::move(it->second);
    flying_.erase(it);
    auto settle_all = [&](key_fate f) {
        out.reserve(b.keys.size());
        for (auto k : b.keys)
            out.push_back({k, f, b.depth + 1});
        count(f, b.keys.size());
        held_ -= b.keys.size();
        return std::move(out);
    };
    switch (v) {
    case batch_verdict::succeeded:
        return settle_all(key_fate::succeeded);
    case batch_verdict::failed:
        return settle_all(key_fate::failed);
    case batch_verdict::refused:
        break;
    }
    if (b.keys.size() == 1 || !s_.isolate)
        return settle_all(key_fate::refused);

    // split: the parts go first in the queue, in this order
    std::vector<batch> parts;
    unsigned const depth = b.depth + 1;
    std::vector<ordinal> hinted;
    if (s_.use_hints && !named.empty()) {
        std::vector<ordinal> sorted_named = named;
        std::sort(sorted_named.begin(), sorted_named.end());
        for (auto k : b.keys)
            if (std::binary_search(sorted_named.begin(), sorted_named.end(), k))
                hinted.push_back(k);
    }
    if (!hinted.empty() && hinted.size() < b.keys.size()) {
        ++st_.hinted_splits;
        std::sort(hinted.begin(), hinted.end());
        std::vector<ordinal> rest;
        rest.reserve(b.keys.size() - hinted.size());
        for (auto k : b.keys) {
            if (std::binary_search(hinted.begin(), hinted.end(), k))
                parts.push_back(batch{next_id_++, {k}, depth});
            else
                rest.push_back(k);
        }
        parts.push_back(batch{next_id_++, std::move(rest), depth});
    } else {
        auto const half = static_cast<std::ptrdiff_t>(b.keys.size() / 2);
        parts.push_back(
            batch{next_id_++, std::vector<ordinal>(b.keys.begin(), b.keys.begin() + half), depth});
        parts.push_back(batch{next_id_++, std::vector<ordinal>(b.keys.begin() + half, b.keys.end()), depth});
    }
    ++st_.splits;
    waiting_.insert(waiting_.begin(), std::make_move_iterator(parts.begin()),
                    std::make_move_iterator(parts.end()));
    return out;
}

SO_ERPSYNC_DECL void bulk_core::stop() noexcept {
    stopped_ = true;
}

SO_ERPSYNC_DECL std::vector<bulk_core::settlement> bulk_core::drain() {
    return std::exchange(drained_, {});
}

SO_ERPSYNC_DECL void bulk_core::set_concurrency(std::size_t n) noexcept {
    s_.concurrency = std::max<std::size_t>(1, n);
}

SO_ERPSYNC_DECL bulk_core::batch const* bulk_core::find(std::uint64_t id) const noexcept {
    auto it = flying_.find(id);
    return it == flying_.end() ? nullptr : &it->second;
}

} // namespace superoffice::erpsync::detail

#endif
