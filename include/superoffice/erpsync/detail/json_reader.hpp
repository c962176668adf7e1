//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_JSON_READER_HPP
#define SO_ERPSYNC_DETAIL_JSON_READER_HPP

// A Boost.JSON basic_parser handler that parses straight into described carriers.
//
// Every supported C++ type gets a table of functions (`sink`) that receives parser events for a
// value of that type. The handler keeps a stack of frames (object or array being filled) and
// routes each event to the sink of the slot the value belongs to. No json::value is built.
//
// Rules: unknown keys are skipped (whatever their value); missing keys keep the default; `null`
// resets optionals, strings, containers and nested carriers; enums are read by name (exact, then
// ASCII case-insensitive) or number, an unknown name giving `unrecognized` (an `open_enum` keeps
// it verbatim, whatever the number); flag masks through
// flag_set::parse; text values (see `text_value`) through T::parse, a malformed one giving
// `invalid_value`, `null` giving T{}. The first failure stops the parse with an error code and
// the field path.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace superoffice::erpsync::detail {

class json_reader;

struct sink;

/// Where the next value goes: an object and the functions that fill it.
struct slot {
    void* obj = nullptr;
    sink const* fns = nullptr;
};

/// The functions that receive parser events for one C++ type. Each returns false after
/// recording an error in the reader.
struct sink {
    char const* expected; // "a string", "an object", ... for messages
    bool (*begin_object)(void*, json_reader&, slot& out);
    bool (*key)(void*, std::string_view, json_reader&, slot& out);
    bool (*begin_array)(void*, json_reader&, slot& out);
    bool (*element)(void*, json_reader&, slot& out);
    bool (*string)(void*, std::string_view, json_reader&);
    bool (*int64)(void*, std::int64_t, json_reader&);
    bool (*uint64)(void*, std::uint64_t, json_reader&);
    bool (*dbl)(void*, double, json_reader&);
    bool (*boolean)(void*, bool, json_reader&);
    bool (*null)(void*, json_reader&);
};

template <class T>
struct sink_for;

template <class T>
inline constexpr sink const* sink_of() noexcept;

/// One object or array being filled.
struct frame {
    slot target;
    bool is_array = false;
    std::size_t index = 0;      // array: elements seen; object: what its sink makes of it
    std::string_view key;       // object: key of the value being read
    std::size_t known_keys = 0; // object: keys that matched a member
};

/// The frames of a parse: the first ones in the reader itself (no allocation for the usual
/// depths), deeper ones on the heap.
class frame_stack {
public:
    frame_stack() noexcept = default;
    frame_stack(frame_stack const&) = delete;
    frame_stack& operator=(frame_stack const&) = delete;

    bool empty() const noexcept { return size_ == 0; }
    std::size_t size() const noexcept { return size_; }
    frame& back() noexcept { return data_[size_ - 1]; }
    frame const* begin() const noexcept { return data_; }
    frame const* end() const noexcept { return data_ + size_; }
    void pop_back() noexcept { --size_; }
    void push_back(frame const& f) {
        if (size_ == capacity_)
            grow();
        ::new (static_cast<void*>(data_ + size_)) frame(f);
        ++size_;
    }

private:
    static constexpr std::size_t inline_frames = 24;
    static_assert(std::is_trivially_copyable_v<frame> && std::is_trivially_destructible_v<frame>);

    void grow() {
        std::vector<frame> bigger;
        bigger.reserve(2 * capacity_);
        bigger.assign(data_, data_ + size_);
        heap_ = std::move(bigger);
        data_ = heap_.data();
        capacity_ = heap_.capacity();
    }

    alignas(frame) unsigned char inline_[inline_frames * sizeof(frame)]; // left uninitialised
    frame* data_ = reinterpret_cast<frame*>(inline_);
    std::size_t size_ = 0;
    std::size_t capacity_ = inline_frames;
    std::vector<frame> heap_;
};

class json_reader {
public:
    json_reader(slot root, diagnostics* diag) : root_(root), diag_(diag) {}

    // --- state the sinks use -------------------------------------------------------------
    SO_ERPSYNC_DECL bool fail(error e, std::string msg);
    SO_ERPSYNC_DECL bool type_error(char const* expected, char const* got);
    frame& top() noexcept { return frames_.back(); }

    /// The path of the value being read, e.g. `Changes.UpdatedRecords[3].RecordId`.
    SO_ERPSYNC_DECL std::string path() const;

    error_code const& error() const noexcept { return ec_; }
    bool root_null() const noexcept { return root_null_; }
    std::size_t root_known_keys() const noexcept { return root_known_keys_; }
    std::size_t root_keys() const noexcept { return root_keys_; }

    // --- basic_parser handler ------------------------------------------------------------
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }

    bool on_object_begin(error_code& ec) {
        slot t;
        if (!next(t, ec))
            return false;
        slot o;
        if (!t.fns->begin_object(t.obj, *this, o))
            return set(ec);
        frames_.push_back(frame{o, false, 0, {}, 0});
        return true;
    }
    bool on_object_end(std::size_t n, error_code&) {
        if (frames_.size() == 1) {
            root_known_keys_ = frames_.back().known_keys;
            root_keys_ = n;
        }
        frames_.pop_back();
        return true;
    }
    bool on_array_begin(error_code& ec) {
        slot t;
        if (!next(t, ec))
            return false;
        slot a;
        if (!t.fns->begin_array(t.obj, *this, a))
            return set(ec);
        frames_.push_back(frame{a, true, 0, {}, 0});
        return true;
    }
    bool on_array_end(std::size_t, error_code&) {
        frames_.pop_back();
        return true;
    }
    bool on_key_part(std::string_view s, std::size_t, error_code&) {
        scratch_.append(s);
        return true;
    }
    bool on_key(std::string_view s, std::size_t, error_code& ec) {
        std::string_view k = s;
        if (!scratch_.empty()) {
            scratch_.append(s);
            k = scratch_;
        }
        frame& f = top();
        f.key = {};
        bool ok = f.target.fns->key(f.target.obj, k, *this, pending_);
        scratch_.clear();
        return ok || set(ec);
    }
    bool on_string_part(std::string_view s, std::size_t, error_code&) {
        scratch_.append(s);
        return true;
    }
    bool on_string(std::string_view s, std::size_t, error_code& ec) {
        slot t;
        if (!next(t, ec))
            return false;
        std::string_view v = s;
        if (!scratch_.empty()) {
            scratch_.append(s);
            v = scratch_;
        }
        bool ok = t.fns->string(t.obj, v, *this);
        scratch_.clear();
        return ok || set(ec);
    }
    bool on_number_part(std::string_view, error_code&) { return true; }
    bool on_int64(std::int64_t v, std::string_view, error_code& ec) {
        slot t;
        return next(t, ec) && (t.fns->int64(t.obj, v, *this) || set(ec));
    }
    bool on_uint64(std::uint64_t v, std::string_view, error_code& ec) {
        slot t;
        return next(t, ec) && (t.fns->uint64(t.obj, v, *this) || set(ec));
    }
    bool on_double(double v, std::string_view, error_code& ec) {
        slot t;
        return next(t, ec) && (t.fns->dbl(t.obj, v, *this) || set(ec));
    }
    bool on_bool(bool v, error_code& ec) {
        slot t;
        return next(t, ec) && (t.fns->boolean(t.obj, v, *this) || set(ec));
    }
    bool on_null(error_code& ec) {
        if (frames_.empty())
            root_null_ = true;
        slot t;
        return next(t, ec) && (t.fns->null(t.obj, *this) || set(ec));
    }
    bool on_comment_part(std::string_view, error_code&) { return true; }
    bool on_comment(std::string_view, error_code&) { return true; }

private:
    bool set(error_code& ec) {
        ec = ec_;
        return false;
    }
    // The slot of the value that starts now.
    bool next(slot& out, error_code&) {
        if (frames_.empty()) {
            out = root_;
            return true;
        }
        frame& f = top();
        if (!f.is_array) {
            out = pending_;
            return true;
        }
        ++f.index;
        return f.target.fns->element(f.target.obj, *this, out) || (void(0), false);
    }

    slot root_;
    slot pending_;
    diagnostics* diag_;
    frame_stack frames_;
    std::string scratch_;
    error_code ec_;
    bool root_null_ = false;
    std::size_t root_known_keys_ = 0;
    std::size_t root_keys_ = 0;
};

// ----------------------------------------------------------------------------------------
// Sinks

/// Whether the `n` bytes at `a` and `b` are equal, by words (names are short).
template <class W>
inline bool same_word(char const* a, char const* b) noexcept {
    W x, y;
    std::memcpy(&x, a, sizeof x);
    std::memcpy(&y, b, sizeof y);
    return x == y;
}
inline bool same_bytes(char const* a, char const* b, std::size_t n) noexcept {
    if (n >= 8) {
        std::size_t i = 0;
        for (; n - i > 8; i += 8)
            if (!same_word<std::uint64_t>(a + i, b + i))
                return false;
        return same_word<std::uint64_t>(a + n - 8, b + n - 8); // the last 8, overlapping
    }
    if (n >= 4)
        return same_word<std::uint32_t>(a, b) && same_word<std::uint32_t>(a + n - 4, b + n - 4);
    if (n >= 2)
        return same_word<std::uint16_t>(a, b) && same_word<std::uint16_t>(a + n - 2, b + n - 2);
    return n == 0 || *a == *b;
}
/// The same for a size known at compile time: straight-line compares.
template <std::size_t N>
inline bool same_bytes(char const* a, char const* b) noexcept {
    if constexpr (N > 8)
        return same_word<std::uint64_t>(a, b) && same_bytes<N - 8>(a + 8, b + 8);
    else if constexpr (N == 8)
        return same_word<std::uint64_t>(a, b);
    else if constexpr (N >= 4)
        return same_word<std::uint32_t>(a, b) && same_word<std::uint32_t>(a + N - 4, b + N - 4);
    else if constexpr (N >= 2)
        return same_word<std::uint16_t>(a, b) && same_word<std::uint16_t>(a + N - 2, b + N - 2);
    else if constexpr (N == 1)
        return *a == *b;
    else
        return true;
}

/// Default event functions: each is a type error naming what the type expected.
template <class T>
struct sink_base {
    static constexpr char const* expected() noexcept {
        if constexpr (text_value<T>)
            return T::expected_text;
        else if constexpr (std::is_same_v<T, bool>)
            return "a boolean";
        else if constexpr (is_integer_v<T>)
            return "an integer";
        else if constexpr (std::is_floating_point_v<T>)
            return "a number";
        else if constexpr (std::is_same_v<T, std::string> || std::is_enum_v<T> || is_open_enum_v<T> ||
                           is_flag_set_v<T>)
            return "a string";
        else if constexpr (is_vector_v<T>)
            return "an array";
        else
            return "an object";
    }
    static bool begin_object(void*, json_reader& r, slot&) { return r.type_error(expected(), "an object"); }
    static bool key(void*, std::string_view, json_reader&, slot&) { return false; }
    static bool begin_array(void*, json_reader& r, slot&) { return r.type_error(expected(), "an array"); }
    static bool element(void*, json_reader&, slot&) { return false; }
    static bool string(void*, std::string_view, json_reader& r) {
        return r.type_error(expected(), "a string");
    }
    static bool int64(void*, std::int64_t, json_reader& r) { return r.type_error(expected(), "a number"); }
    static bool uint64(void*, std::uint64_t, json_reader& r) { return r.type_error(expected(), "a number"); }
    static bool dbl(void*, double, json_reader& r) { return r.type_error(expected(), "a number"); }
    static bool boolean(void*, bool, json_reader& r) { return r.type_error(expected(), "a boolean"); }
    static bool null(void*, json_reader& r) { return r.type_error(expected(), "null"); }
};

/// Values nobody asked for (unknown keys): everything is accepted and dropped.
struct ignore_sink {
    SO_ERPSYNC_DECL static bool begin_object(void*, json_reader&, slot& out);
    SO_ERPSYNC_DECL static bool key(void*, std::string_view, json_reader&, slot& out);
    SO_ERPSYNC_DECL static bool begin_array(void*, json_reader&, slot& out);
    SO_ERPSYNC_DECL static bool element(void*, json_reader&, slot& out);
    static bool string(void*, std::string_view, json_reader&) { return true; }
    static bool int64(void*, std::int64_t, json_reader&) { return true; }
    static bool uint64(void*, std::uint64_t, json_reader&) { return true; }
    static bool dbl(void*, double, json_reader&) { return true; }
    static bool boolean(void*, bool, json_reader&) { return true; }
    static bool null(void*, json_reader&) { return true; }
    static constexpr sink table{"anything", &begin_object, &key, &begin_array, &element, &string,
                                &int64,     &uint64,       &dbl, &boolean,     &null};
    static slot self() noexcept { return {nullptr, &table}; }
};

template <class T>
T& as(void* p) noexcept {
    return *static_cast<T*>(p);
}

template <class T, class Enable = void>
struct sink_impl;

// bool
template <>
struct sink_impl<bool> : sink_base<bool> {
    static bool boolean(void* p, bool v, json_reader&) {
        as<bool>(p) = v;
        return true;
    }
};

// integers: range checked; an integral double (5.0) is accepted
template <class T>
struct sink_impl<T, std::enable_if_t<is_integer_v<T>>> : sink_base<T> {
    template <class V>
    static bool store(void* p, V v, json_reader& r) {
        if (!std::in_range<T>(v))
            return r.fail(error::value_out_of_range,
                          "the number " + std::to_string(v) + " does not fit the field");
        as<T>(p) = static_cast<T>(v);
        return true;
    }
    static bool int64(void* p, std::int64_t v, json_reader& r) { return store(p, v, r); }
    static bool uint64(void* p, std::uint64_t v, json_reader& r) { return store(p, v, r); }
    static bool dbl(void* p, double v, json_reader& r) {
        if (std::trunc(v) != v)
            return r.type_error("an integer", "a fractional number");
        // max() rounds up to 2^digits as a double, so compare against that bound exclusively
        if (!(v >= static_cast<double>(std::numeric_limits<T>::min()) &&
              v < std::ldexp(1.0, std::numeric_limits<T>::digits)))
            return r.fail(error::value_out_of_range, "the number does not fit the field");
        as<T>(p) = static_cast<T>(v);
        return true;
    }
};

// floating point
template <class T>
struct sink_impl<T, std::enable_if_t<std::is_floating_point_v<T>>> : sink_base<T> {
    static bool int64(void* p, std::int64_t v, json_reader&) {
        as<T>(p) = static_cast<T>(v);
        return true;
    }
    static bool uint64(void* p, std::uint64_t v, json_reader&) {
        as<T>(p) = static_cast<T>(v);
        return true;
    }
    static bool dbl(void* p, double v, json_reader&) {
        as<T>(p) = static_cast<T>(v);
        return true;
    }
};

// std::string: null reads as empty
template <>
struct sink_impl<std::string> : sink_base<std::string> {
    static bool string(void* p, std::string_view v, json_reader&) {
        auto& s = as<std::string>(p);
        s.clear();
        s.append(v.data(), v.size()); // cheaper than assign's general replace
        return true;
    }
    static bool null(void* p, json_reader&) {
        as<std::string>(p).clear();
        return true;
    }
};

// text values: the string goes through T::parse; null reads as T{}; other JSON types are refused
template <class T>
struct sink_impl<T, std::enable_if_t<text_value<T>>> : sink_base<T> {
    static bool string(void* p, std::string_view v, json_reader& r) {
        std::string why;
        std::optional<T> parsed = T::parse(v, &why);
        if (!parsed)
            return r.fail(error::invalid_value, std::string("expected ") + T::expected_text +
                                                    (why.empty() ? std::string() : ": " + why));
        as<T>(p) = std::move(*parsed);
        return true;
    }
    static bool null(void* p, json_reader&) {
        as<T>(p) = T{};
        return true;
    }
};

// described enums: by name, else `unrecognized`; numbers accepted
template <class T>
struct sink_impl<T, std::enable_if_t<is_described_enum_v<T>>> : sink_base<T> {
    static bool string(void* p, std::string_view v, json_reader&) {
        if (auto e = enum_from_name<T>(v))
            as<T>(p) = *e;
        else
            as<T>(p) = T::unrecognized;
        return true;
    }
    template <class V>
    static bool number(void* p, V v, json_reader& r) {
        using U = std::underlying_type_t<T>;
        if (!std::in_range<U>(v))
            return r.fail(error::value_out_of_range,
                          "the enum value " + std::to_string(v) + " is out of range");
        T e = static_cast<T>(static_cast<U>(v));
        as<T>(p) = is_described_value(e) ? e : T::unrecognized;
        return true;
    }
    static bool int64(void* p, std::int64_t v, json_reader& r) { return number(p, v, r); }
    static bool uint64(void* p, std::uint64_t v, json_reader& r) { return number(p, v, r); }
};

// open enums: by name, else the name verbatim; numbers, else the number verbatim (no range error)
template <class E>
struct sink_impl<open_enum<E>> : sink_base<open_enum<E>> {
    using O = open_enum<E>;
    static bool string(void* p, std::string_view v, json_reader&) {
        as<O>(p) = O::from_name(v);
        return true;
    }
    static bool int64(void* p, std::int64_t v, json_reader&) {
        as<O>(p) = O::from_number(v);
        return true;
    }
    static bool uint64(void* p, std::uint64_t v, json_reader&) {
        as<O>(p) = O::from_number(v);
        return true;
    }
};

// flag masks: "A, B", "A B", numbers; null reads as empty
template <class E>
struct sink_impl<flag_set<E>> : sink_base<flag_set<E>> {
    using F = flag_set<E>;
    static bool string(void* p, std::string_view v, json_reader&) {
        as<F>(p) = F::parse(v);
        return true;
    }
    template <class V>
    static bool number(void* p, V v, json_reader& r) {
        using B = typename F::bits_type;
        if (!std::in_range<B>(v))
            return r.fail(error::value_out_of_range,
                          "the flag mask " + std::to_string(v) + " is out of range");
        as<F>(p) = F::from_bits(static_cast<B>(v));
        return true;
    }
    static bool int64(void* p, std::int64_t v, json_reader& r) { return number(p, v, r); }
    static bool uint64(void* p, std::uint64_t v, json_reader& r) { return number(p, v, r); }
    static bool null(void* p, json_reader&) {
        as<F>(p) = F{};
        return true;
    }
};

// std::optional<T>: null resets, anything else fills the value
template <class T>
struct sink_impl<std::optional<T>> {
    using O = std::optional<T>;
    static sink const* inner() noexcept { return sink_of<T>(); }
    static void* fill(void* p) {
        auto& o = as<O>(p);
        if (!o)
            o.emplace();
        return &*o;
    }
    static bool begin_object(void* p, json_reader& r, slot& out) {
        return inner()->begin_object(fill(p), r, out);
    }
    static bool key(void*, std::string_view, json_reader&, slot&) { return false; }
    static bool begin_array(void* p, json_reader& r, slot& out) {
        return inner()->begin_array(fill(p), r, out);
    }
    static bool element(void*, json_reader&, slot&) { return false; }
    static bool string(void* p, std::string_view v, json_reader& r) { return inner()->string(fill(p), v, r); }
    static bool int64(void* p, std::int64_t v, json_reader& r) { return inner()->int64(fill(p), v, r); }
    static bool uint64(void* p, std::uint64_t v, json_reader& r) { return inner()->uint64(fill(p), v, r); }
    static bool dbl(void* p, double v, json_reader& r) { return inner()->dbl(fill(p), v, r); }
    static bool boolean(void* p, bool v, json_reader& r) { return inner()->boolean(fill(p), v, r); }
    static bool null(void* p, json_reader&) {
        as<O>(p).reset();
        return true;
    }
    static constexpr char const* expected() noexcept { return sink_impl<T>::expected(); }
};

// std::vector<T>: null reads as empty
template <class T>
struct sink_impl<T, std::enable_if_t<is_vector_v<T>>> : sink_base<T> {
    using V = typename T::value_type;
    static bool begin_array(void* p, json_reader&, slot& out) {
        as<T>(p).clear();
        out = {p, sink_of<T>()};
        return true;
    }
    // The first growth goes straight to about 1 KiB of elements (at most 16), not 1, 2, 4...
    static constexpr std::size_t first_capacity = std::clamp<std::size_t>(1024 / sizeof(V), 1, 16);
    static bool element(void* p, json_reader&, slot& out) {
        auto& v = as<T>(p);
        if (v.capacity() == 0)
            v.reserve(first_capacity);
        v.emplace_back();
        out = {&v.back(), sink_of<V>()};
        return true;
    }
    static bool null(void* p, json_reader&) {
        as<T>(p).clear();
        return true;
    }
};

// maps keyed by string: null reads as empty; a repeated key keeps the last value
template <class T>
struct sink_impl<T, std::enable_if_t<is_string_map_v<T>>> : sink_base<T> {
    using V = typename T::mapped_type;
    static bool begin_object(void* p, json_reader&, slot& out) {
        as<T>(p).clear();
        out = {p, sink_of<T>()};
        return true;
    }
    static bool key(void* p, std::string_view k, json_reader& r, slot& out) {
        auto& m = as<T>(p);
        auto [it, inserted] = m.try_emplace(std::string(k));
        if (!inserted)
            it->second = V{};
        r.top().key = it->first;
        ++r.top().known_keys;
        out = {&it->second, sink_of<V>()};
        return true;
    }
    static bool null(void* p, json_reader&) {
        as<T>(p).clear();
        return true;
    }
};

// described carriers: keys matched to members (exact, then case-insensitive), others skipped
template <class T>
struct sink_impl<T, std::enable_if_t<is_described_struct_v<T> && !text_value<T>>> : sink_base<T> {
    struct entry {
        std::string_view name;
        std::size_t declared = 0; // position in the description
    };
    template <class D>
    static slot member(void* p) noexcept {
        auto& m = as<T>(p).*D::pointer;
        return {&m, sink_of<std::remove_cvref_t<decltype(m)>>()};
    }
    // The slot of the member declared i-th: a switch, inlined (no call through a pointer).
    static slot member(std::size_t i, void* p) noexcept {
        if constexpr (boost::mp11::mp_size<members_t<T>>::value == 0)
            return {};
        else
            return boost::mp11::mp_with_index<boost::mp11::mp_size<members_t<T>>::value>(
                i, [p](auto I) { return member<boost::mp11::mp_at_c<members_t<T>, I>>(p); });
    }
    static constexpr std::size_t member_count = boost::mp11::mp_size<members_t<T>>::value;
    // The members sorted by name length (stable), so a key is only compared with the names of
    // its own length: `by_size[n]` to `by_size[n + 1]` are the entries of length n.
    static constexpr auto make_table() {
        std::array<entry, member_count> t{};
        std::size_t i = 0;
        boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
            t[i] = entry{D.name, i};
            ++i;
        });
        for (std::size_t a = 1; a < member_count; ++a)
            for (std::size_t b = a; b > 0 && t[b - 1].name.size() > t[b].name.size(); --b) {
                entry e = t[b - 1];
                t[b - 1] = t[b];
                t[b] = e;
            }
        return t;
    }
    static constexpr auto table = make_table();
    static constexpr std::size_t longest_name = member_count ? table[member_count - 1].name.size() : 0;
    static constexpr auto make_by_size() {
        std::array<std::size_t, longest_name + 2> b{};
        std::size_t i = 0;
        for (std::size_t n = 0; n < b.size(); ++n) {
            while (i < member_count && table[i].name.size() < n)
                ++i;
            b[n] = i;
        }
        return b;
    }
    static constexpr auto by_size = make_by_size();

    static entry const* find(std::string_view k) noexcept {
        if (k.size() > longest_name)
            return nullptr;
        entry const* const first = table.data() + by_size[k.size()];
        entry const* const last = table.data() + by_size[k.size() + 1];
        for (entry const* e = first; e != last; ++e)
            if (same_bytes(e->name.data(), k.data(), k.size()))
                return e;
        for (entry const* e = first; e != last; ++e)
            if (iequals(e->name, k))
                return e;
        return nullptr;
    }

    static bool begin_object(void* p, json_reader&, slot& out) {
        out = {p, sink_of<T>()};
        return true;
    }
    // Servers send the members in their declared order, so the member declared after the
    // previous key's is tried first (the frame's `index`, unused by objects, remembers it).
    static bool key(void* p, std::string_view k, json_reader& r, slot& out) {
        frame& f = r.top();
        if constexpr (member_count > 0)
            if (f.index < member_count) {
                // one switch: the expected name, of known size, compared inline, and its slot
                bool const expected = boost::mp11::mp_with_index<member_count>(f.index, [&](auto I) {
                    using D = boost::mp11::mp_at_c<members_t<T>, I>;
                    constexpr std::string_view name = D::name;
                    if (k.size() != name.size() || !same_bytes<name.size()>(name.data(), k.data()))
                        return false;
                    f.key = name;
                    f.index = I + 1;
                    ++f.known_keys;
                    out = member<D>(p);
                    return true;
                });
                if (expected)
                    return true;
            }
        entry const* const hit = find(k);
        if (!hit) {
            out = ignore_sink::self();
            return true;
        }
        f.key = hit->name;
        f.index = hit->declared + 1;
        ++f.known_keys;
        out = member(hit->declared, p);
        return true;
    }
    static bool null(void* p, json_reader&) {
        as<T>(p) = T{};
        return true;
    }
};

template <class T>
struct sink_for {
    using I = sink_impl<T>;
    static constexpr sink table{I::expected(), &I::begin_object, &I::key,   &I::begin_array,
                                &I::element,   &I::string,       &I::int64, &I::uint64,
                                &I::dbl,       &I::boolean,      &I::null};
};

template <class T>
inline constexpr sink const* sink_of() noexcept {
    static_assert(!std::is_same_v<T, void>);
    if constexpr (is_optional_v<T> || is_vector_v<T> || is_string_map_v<T> || is_described_struct_v<T> ||
                  is_described_enum_v<T> || is_open_enum_v<T> || is_flag_set_v<T> ||
                  std::is_arithmetic_v<T> || std::is_same_v<T, std::string> || text_value<T>)
        return &sink_for<T>::table;
    else
        static_assert(
            always_false_v<T>,
            "superoffice::erpsync: this type cannot be read from JSON. Use bool, an integer, "
            "double, std::string, a described enum, open_enum, flag_set, a type with a text "
            "form (see superoffice::erpsync::text_value), std::optional, std::vector, std::map<std::string, "
            "T> or a struct described with BOOST_DESCRIBE_STRUCT.");
}

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/json_reader.ipp>
#endif

#endif
