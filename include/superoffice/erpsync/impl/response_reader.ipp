//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_RESPONSE_READER_IPP
#define SO_ERPSYNC_IMPL_RESPONSE_READER_IPP

// `response_reader`'s callbacks, out of line: included by `detail/response_reader.hpp` in
// header-only builds, compiled once by `superoffice/erpsync/src.hpp` with
// SO_ERPSYNC_SEPARATE_COMPILATION (the class's vtable is emitted there too).

#include <superoffice/erpsync/detail/response_reader.hpp>

#include <cstdint>
#include <string>

SO_ERPSYNC_DECL superoffice::erpsync::detail::response_reader::response_reader(std::string& body,
                                                                               std::string& retry_after)
    : body_(body), retry_after_(retry_after) {
    body_.clear();
    retry_after_.clear();
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::response_reader::on_response_impl(int code, string_view,
                                                                                     int, error_code&) {
    status_ = static_cast<unsigned>(code);
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::response_reader::on_field_impl(field name, string_view,
                                                                                  string_view value,
                                                                                  error_code&) {
    if (name == field::retry_after && retry_after_.empty())
        retry_after_.assign(value.data(), value.size());
    else if (name == field::content_length && value != "0")
        announces_body_ = true;
    else if (name == field::transfer_encoding)
        announces_body_ = true;
}

SO_ERPSYNC_DECL void
superoffice::erpsync::detail::response_reader::on_body_init_impl(boost::optional<std::uint64_t> const& length,
                                                                 error_code&) {
    // basic_parser has checked the length against body_limit; still, a declared length is
    // not trusted for more than a modest reservation: the rest grows as bytes arrive
    if (length)
        body_.reserve(static_cast<std::size_t>(*length < 64 * 1024 ? *length : 64 * 1024));
}

SO_ERPSYNC_DECL std::size_t superoffice::erpsync::detail::response_reader::on_body_impl(string_view s,
                                                                                        error_code&) {
    body_.append(s.data(), s.size());
    return s.size();
}

SO_ERPSYNC_DECL std::size_t
superoffice::erpsync::detail::response_reader::on_chunk_body_impl(std::uint64_t, string_view s, error_code&) {
    body_.append(s.data(), s.size());
    return s.size();
}

#endif
