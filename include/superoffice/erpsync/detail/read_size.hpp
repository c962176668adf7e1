//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_READ_SIZE_HPP
#define SO_ERPSYNC_DETAIL_READ_SIZE_HPP

// How many bytes a read of a response offers the socket, and how much buffer an idle connection
// keeps: decisions without I/O (`exchange::read_some` and the pool apply them).
//
// Each read costs a system call and a trip through the scheduler, so a response should come in as
// few reads as the socket allows: one, when the connection's buffer is as large as the responses
// it carries. The buffer starts small (a connection may wait idle, and a client may hold
// thousands), learns the size of a response from its Content-Length once the head is parsed,
// and keeps that capacity for the connection's next response (a `flat_buffer` keeps what it
// grew to). Without a Content-Length (chunked), a read that filled all it was offered doubles
// the buffer. An offer never exceeds `max_read_size`, whatever the peer announces.
//
// The buffer grows to the next multiple of 512 bytes above the response, not to its exact size:
// the connection's next responses are often a few bytes longer (a count, a name, an explanation),
// and still come in one read.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace superoffice::erpsync::detail {

/// The least a read offers (Beast's `read_size` uses the same floor).
inline constexpr std::size_t min_read_size = 512;

/// The most one read offers: a larger body comes in reads of this size.
inline constexpr std::size_t max_read_size = 64 * 1024;

/// The buffer capacity a connection keeps when it goes back to the pool idle; a larger buffer
/// (after a large response) is freed, so that idle connections hold at most this much each.
inline constexpr std::size_t idle_buffer_capacity = 16 * 1024;

/// What the next read of a response offers, in bytes.
/// `capacity` and `buffered`: the connection's buffer (its bytes not yet parsed are `buffered`).
/// `response_read`: the bytes of this response read so far (0 before its first read).
/// `body_left`: the body bytes not yet received, once the head announced a Content-Length (none
/// before the head is parsed, or when the body is chunked). `last_filled`: the previous read of
/// this response got all it offered.
/// Once the response's size is known the offer covers all of it with room to spare (the next
/// multiple of 512 above it), so that the buffer grows to hold a whole response, and the
/// connection's next one of about that size comes in one read.
constexpr std::size_t next_read_size(std::size_t capacity, std::size_t buffered, std::size_t response_read,
                                     std::optional<std::uint64_t> body_left, bool last_filled) noexcept {
    std::size_t want = capacity - buffered;
    if (body_left) {
        auto const left = static_cast<std::size_t>(std::min<std::uint64_t>(*body_left, max_read_size));
        auto const whole = std::min(response_read, max_read_size) + left;
        want = std::max(want, (whole / min_read_size + 1) * min_read_size);
    } else if (last_filled) {
        want = std::max(want, 2 * std::min(capacity, max_read_size));
    }
    return std::clamp(want, min_read_size, max_read_size);
}

/// Frees the buffer of a connection going back to the pool idle when it grew beyond
/// `idle_buffer_capacity` (a `beast::flat_buffer`, empty between responses).
template <class Buffer>
void trim_idle_buffer(Buffer& b) {
    if (b.capacity() > idle_buffer_capacity)
        b.shrink_to_fit();
}

} // namespace superoffice::erpsync::detail

#endif
