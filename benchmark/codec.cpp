//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// The codec benchmark: our JSON codec (`to_json` / `from_json`, a Boost.JSON SAX parser that fills
// the described carriers directly, and a writer that appends straight to a std::string) against
// three hand-written competitors doing the same work, in one Google Benchmark run:
//
//   ours            superoffice::erpsync::to_json / from_json
//   boost_json_dom  boost::json::parse into a json::value, then extraction; encode: build a
//                   json::object and serialize it
//   nlohmann        nlohmann::json::parse, then extraction; encode: build an nlohmann::json, dump()
//   rapidjson       rapidjson::Document::Parse (default flags), then extraction; encode: the SAX
//                   rapidjson::Writer<StringBuffer> over the struct (what a RapidJSON user writes)
//
// Cases (names are `<case>/<implementation>[/<size>]`, so a script can pair the rows):
//
//   encode_force_resync/<impl>/{1,100,1000,10000}
//   encode_force_resync_large_ids/<impl>/{100,10000}
//       A force_resync_request (ErpConnectionId and that many InternalKeyIds) to
//       {"ErpConnectionId":1,"InternalKeyIds":[...]}, ids of 1 to 6 digits (mostly 5 and 6, in no
//       order), or of 9 and 10 digits for _large_ids (a multiplicative hash over 10^8 to 2.1*10^9).
//       Each implementation keeps its output buffer across iterations (cleared, capacity kept)
//       where its API allows it: ours and Boost.JSON write into a reused std::string (Boost.JSON
//       through a json::serializer read in 4 KiB chunks, as json::serialize does into a fresh
//       string), RapidJSON into its reused StringBuffer; nlohmann's public API only returns a new
//       string (dump()). The three others build their own JSON from the struct each iteration (a
//       DOM, or RapidJSON's SAX calls).
//   decode_plugin_response/<impl>/{0,100,1000}
//       A plugin_response with that many changed records spread over AddedRecords, UpdatedRecords
//       and DeletedRecords, generated once, compact, with "TableRight":null,"FieldProperties":{}
//       on every carrier as the server sends them. Each iteration fills a fresh plugin_response.
//   decode_connections_sample/<impl>
//       test/data/rest_samples/GetConnectionsAndDisplayFields.response.json (the documentation's
//       sample) into a fresh std::vector<erp_connection_data>: nested field_metadata, enums by
//       name (including names this version does not know), FieldProperties maps.
//
// Why it is fair: the three DOM extractors are one hand-written set of per-carrier functions
// (every member of every carrier, by wire name, `extractor<Dom>` below) over a thin adapter per
// library, so they do exactly the same extraction work; they look members up by name with each
// library's own lookup, as hand-written code does. They follow our reader's rules: missing keys
// keep the default, null clears strings, containers, optionals and carriers, integers are range
// checked, a value of the wrong type is an error, enums are read by name with the library's own
// lookup (`open_enum::from_name`, unknown names kept verbatim) or by number, flag masks
// through `flag_set::parse`. Boost.JSON parses with allow_invalid_utf8, as our reader does.
// (Not reproduced: our case-insensitive fallback for keys, integral doubles for integers; the
// inputs here do not need either.) Before anything is timed, main() checks that every decoder
// fills structs equal, member by member, to ours for every case (plus a document exercising flag
// masks, enums by number, unknown keys and nulls) and that every encoder's output parses to the
// same JSON value as ours; it stops with a message otherwise.
//
// Throughput (bytes/s) is the input size for decoding and the output size for encoding.
//
// Built by the CMake target erpsync_bench_codec (SO_ERPSYNC_BUILD_BENCHMARKS=ON), or by hand from
// the repository root (the data path is relative to it), then run:
//   g++ -std=gnu++20 -O2 -DNDEBUG -I include -DSO_ERPSYNC_BENCH_DATA='"test/data"' benchmark/codec.cpp
//       -o /tmp/bench_codec -lbenchmark -lboost_json -lpthread
//   /tmp/bench_codec --benchmark_min_time=0.2
//
#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/json.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serializer.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#ifndef SO_ERPSYNC_BENCH_DATA
#error "SO_ERPSYNC_BENCH_DATA must name the test/data directory"
#endif

namespace {

namespace erp = superoffice::erpsync;
namespace json = boost::json;

/// A JSON document the extractors cannot take (wrong type, number out of range, syntax).
struct bad_json : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void mismatch(char const* expected) {
    throw bad_json(std::string("expected ") + expected);
}

template <class I, class V>
I checked_integer(V v) {
    if (!std::in_range<I>(v))
        throw bad_json("number out of range");
    return static_cast<I>(v);
}

// ------------------------------------------------------------------------------------------
// DOM adapters: the few accessors the extraction needs, each the library's own non-throwing
// typed access. `find` looks a member up by name (missing: nullptr).

struct boost_json_adapter {
    using value = json::value;
    using object = json::object;

    static bool is_null(value const& v) noexcept { return v.is_null(); }
    static bool is_string(value const& v) noexcept { return v.is_string(); }
    static object const& as_object(value const& v) {
        if (auto const* o = v.if_object())
            return *o;
        mismatch("an object");
    }
    static value const* find(object const& o, std::string_view key) { return o.if_contains(key); }
    template <class F>
    static void for_each_member(object const& o, F&& f) {
        for (auto const& kv : o)
            f(std::string_view(kv.key().data(), kv.key().size()), kv.value());
    }
    static std::span<value const> elements(value const& v) {
        if (auto const* a = v.if_array())
            return {a->data(), a->size()};
        mismatch("an array");
    }
    static std::string_view string(value const& v) {
        if (auto const* s = v.if_string())
            return {s->data(), s->size()};
        mismatch("a string");
    }
    static bool boolean(value const& v) {
        if (auto const* b = v.if_bool())
            return *b;
        mismatch("a boolean");
    }
    template <class I>
    static I integer(value const& v) {
        if (auto const* i = v.if_int64())
            return checked_integer<I>(*i);
        if (auto const* u = v.if_uint64())
            return checked_integer<I>(*u);
        mismatch("an integer");
    }
};

struct nlohmann_adapter {
    using value = nlohmann::json;
    using object = nlohmann::json; // checked to be an object

    static bool is_null(value const& v) noexcept { return v.is_null(); }
    static bool is_string(value const& v) noexcept { return v.is_string(); }
    static object const& as_object(value const& v) {
        if (v.is_object())
            return v;
        mismatch("an object");
    }
    static value const* find(object const& o, std::string_view key) {
        auto it = o.find(key);
        return it == o.end() ? nullptr : &*it;
    }
    template <class F>
    static void for_each_member(object const& o, F&& f) {
        for (auto const& [k, v] : o.get_ref<value::object_t const&>())
            f(std::string_view(k), v);
    }
    static std::span<value const> elements(value const& v) {
        if (auto const* a = v.get_ptr<value::array_t const*>())
            return {a->data(), a->size()};
        mismatch("an array");
    }
    static std::string_view string(value const& v) {
        if (auto const* s = v.get_ptr<value::string_t const*>())
            return *s;
        mismatch("a string");
    }
    static bool boolean(value const& v) {
        if (auto const* b = v.get_ptr<value::boolean_t const*>())
            return *b;
        mismatch("a boolean");
    }
    template <class I>
    static I integer(value const& v) {
        if (auto const* u = v.get_ptr<value::number_unsigned_t const*>())
            return checked_integer<I>(*u);
        if (auto const* i = v.get_ptr<value::number_integer_t const*>())
            return checked_integer<I>(*i);
        mismatch("an integer");
    }
};

#if defined(__clang__)
// RapidJSON 1.1's iterators declare operator== and operator!= as members taking the other
// iterator type, which C++20's reversed candidates make ambiguous for clang.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wambiguous-reversed-operator"
#endif

struct rapidjson_adapter {
    using value = rapidjson::Value;
    using object = rapidjson::Value; // checked to be an object

    static bool is_null(value const& v) noexcept { return v.IsNull(); }
    static bool is_string(value const& v) noexcept { return v.IsString(); }
    static object const& as_object(value const& v) {
        if (v.IsObject())
            return v;
        mismatch("an object");
    }
    static value const* find(object const& o, std::string_view key) {
        value const name(rapidjson::StringRef(key.data(), key.size()));
        auto it = o.FindMember(name);
        return it == o.MemberEnd() ? nullptr : &it->value;
    }
    template <class F>
    static void for_each_member(object const& o, F&& f) {
        for (auto it = o.MemberBegin(); it != o.MemberEnd(); ++it)
            f(std::string_view(it->name.GetString(), it->name.GetStringLength()), it->value);
    }
    static std::span<value const> elements(value const& v) {
        if (v.IsArray())
            return {v.Begin(), v.Size()};
        mismatch("an array");
    }
    static std::string_view string(value const& v) {
        if (v.IsString())
            return {v.GetString(), v.GetStringLength()};
        mismatch("a string");
    }
    static bool boolean(value const& v) {
        if (v.IsBool())
            return v.GetBool();
        mismatch("a boolean");
    }
    template <class I>
    static I integer(value const& v) {
        if (v.IsInt64())
            return checked_integer<I>(v.GetInt64());
        if (v.IsUint64())
            return checked_integer<I>(v.GetUint64());
        mismatch("an integer");
    }
};

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

// ------------------------------------------------------------------------------------------
// The hand-written extraction, once for the three DOMs: one function per carrier, every member
// by its wire name.

template <class Dom>
struct extractor {
    using value = typename Dom::value;
    using object = typename Dom::object;

    // --- values

    static void read(value const& v, std::string& out) {
        if (Dom::is_null(v)) {
            out.clear();
            return;
        }
        std::string_view s = Dom::string(v);
        out.assign(s.data(), s.size());
    }
    static void read(value const& v, bool& out) { out = Dom::boolean(v); }
    static void read(value const& v, std::int32_t& out) { out = Dom::template integer<std::int32_t>(v); }

    template <class E>
    requires erp::detail::is_described_enum_v<E>
    static void read(value const& v, E& out) {
        if (Dom::is_string(v)) {
            out = erp::detail::enum_from_name<E>(Dom::string(v)).value_or(E::unrecognized);
            return;
        }
        auto const e = static_cast<E>(Dom::template integer<std::underlying_type_t<E>>(v));
        out = erp::detail::is_described_value(e) ? e : E::unrecognized;
    }

    // an open enum keeps a name or number it does not know verbatim, as ours does
    template <class E>
    static void read(value const& v, erp::open_enum<E>& out) {
        using O = erp::open_enum<E>;
        if (Dom::is_string(v))
            out = O::from_name(Dom::string(v));
        else
            out = O::from_number(Dom::template integer<std::int64_t>(v));
    }

    template <class E>
    static void read(value const& v, erp::flag_set<E>& out) {
        using F = erp::flag_set<E>;
        if (Dom::is_null(v))
            out = F{};
        else if (Dom::is_string(v))
            out = F::parse(Dom::string(v));
        else
            out = F::from_bits(Dom::template integer<typename F::bits_type>(v));
    }

    template <class T>
    static void read(value const& v, std::optional<T>& out) {
        if (Dom::is_null(v))
            out.reset();
        else
            read(v, out ? *out : out.emplace());
    }

    template <class T>
    static void read(value const& v, std::vector<T>& out) {
        out.clear();
        if (Dom::is_null(v))
            return;
        auto const elements = Dom::elements(v);
        out.reserve(elements.size());
        for (value const& e : elements)
            read(e, out.emplace_back());
    }

    template <class T>
    static void read(value const& v, std::map<std::string, T>& out) {
        out.clear();
        if (Dom::is_null(v))
            return;
        Dom::for_each_member(Dom::as_object(v), [&](std::string_view key, value const& x) {
            auto [it, inserted] = out.try_emplace(std::string(key));
            if (!inserted)
                it->second = T{};
            read(x, it->second);
        });
    }

    // --- carriers

    /// Reads member `key` of `o` into `out` when present; a missing key keeps the default.
    template <class T>
    static void member(object const& o, std::string_view key, T& out) {
        if (value const* v = Dom::find(o, key))
            read(*v, out);
    }
    /// The object to read carrier `out` from, or nullptr when `v` is null (`out` reset).
    template <class C>
    static object const* begin_carrier(value const& v, C& out) {
        if (Dom::is_null(v)) {
            out = C{};
            return nullptr;
        }
        return &Dom::as_object(v);
    }
    /// The two members every carrier has.
    template <class C>
    static void carrier_members(object const& o, C& out) {
        member(o, "TableRight", out.TableRight);
        member(o, "FieldProperties", out.FieldProperties);
    }

    static void read(value const& v, erp::table_right& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "Mask", out.Mask);
        member(*o, "Reason", out.Reason);
    }
    static void read(value const& v, erp::field_right& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "Mask", out.Mask);
        member(*o, "Reason", out.Reason);
    }
    static void read(value const& v, erp::field_property& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "FieldRight", out.FieldRight);
        member(*o, "FieldType", out.FieldType);
        member(*o, "FieldLength", out.FieldLength);
    }
    static void read(value const& v, erp::changed_data_item& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "Tablename", out.Tablename);
        member(*o, "RecordId", out.RecordId);
        carrier_members(*o, out);
    }
    static void read(value const& v, erp::changed_data& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "AddedRecords", out.AddedRecords);
        member(*o, "UpdatedRecords", out.UpdatedRecords);
        member(*o, "DeletedRecords", out.DeletedRecords);
        carrier_members(*o, out);
    }
    static void read(value const& v, erp::plugin_response& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "IsOk", out.IsOk);
        member(*o, "UserExplanation", out.UserExplanation);
        member(*o, "TechExplanation", out.TechExplanation);
        member(*o, "ErrorCode", out.ErrorCode);
        member(*o, "Changes", out.Changes);
        member(*o, "Status", out.Status);
        carrier_members(*o, out);
    }
    static void read(value const& v, erp::field_metadata& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "FieldKey", out.FieldKey);
        member(*o, "Rank", out.Rank);
        member(*o, "DisplayName", out.DisplayName);
        member(*o, "DisplayDescription", out.DisplayDescription);
        member(*o, "FieldType", out.FieldType);
        member(*o, "ListName", out.ListName);
        member(*o, "DefaultValue", out.DefaultValue);
        member(*o, "MaxLength", out.MaxLength);
        member(*o, "Access", out.Access);
        member(*o, "ShowInSearch", out.ShowInSearch);
        carrier_members(*o, out);
    }
    static void read(value const& v, erp::erp_connection_data& out) {
        object const* o = begin_carrier(v, out);
        if (!o)
            return;
        member(*o, "ErpConnectionId", out.ErpConnectionId);
        member(*o, "ConnectionName", out.ConnectionName);
        member(*o, "Connected", out.Connected);
        member(*o, "ErpFields", out.ErpFields);
        member(*o, "CrmActorType", out.CrmActorType);
        member(*o, "ErpActorType", out.ErpActorType);
        member(*o, "ErpActorTypes", out.ErpActorTypes);
        carrier_members(*o, out);
    }
};

// ------------------------------------------------------------------------------------------
// The four implementations. Each encodes a force_resync_request into its own reused buffer
// (returning a view of the JSON) and decodes a document into a caller-provided value.

constexpr std::string_view erp_connection_id_key = "ErpConnectionId";
constexpr std::string_view internal_key_ids_key = "InternalKeyIds";

struct ours {
    static constexpr char const* name = "ours";
    std::string out;

    std::string_view encode(erp::force_resync_request const& r) {
        out.clear();
        if (auto ec = erp::to_json(r, out))
            throw bad_json("to_json: " + ec.message());
        return out;
    }
    template <class T>
    void decode(std::string_view text, T& v) {
        if (auto ec = erp::from_json(text, v))
            throw bad_json("from_json: " + ec.message());
    }
};

struct boost_json_dom {
    static constexpr char const* name = "boost_json_dom";
    std::string out;
    json::serializer serializer;

    std::string_view encode(erp::force_resync_request const& r) {
        json::object o;
        o.reserve(2);
        o.emplace(erp_connection_id_key, r.ErpConnectionId);
        json::array ids;
        ids.reserve(r.InternalKeyIds.size());
        for (std::int32_t id : r.InternalKeyIds)
            ids.emplace_back(id);
        o.emplace(internal_key_ids_key, std::move(ids));
        out.clear();
        serializer.reset(&o);
        char buf[4096];
        while (!serializer.done())
            out.append(serializer.read(buf));
        return out;
    }
    template <class T>
    void decode(std::string_view text, T& v) {
        json::parse_options opt;
        opt.allow_invalid_utf8 = true; // as our reader
        json::error_code ec;
        json::value const doc = json::parse(text, ec, {}, opt);
        if (ec)
            throw bad_json("boost::json::parse: " + ec.message());
        extractor<boost_json_adapter>::read(doc, v);
    }
};

struct nlohmann_dom {
    static constexpr char const* name = "nlohmann";
    std::string out;

    std::string_view encode(erp::force_resync_request const& r) {
        nlohmann::json::array_t ids;
        ids.reserve(r.InternalKeyIds.size());
        for (std::int32_t id : r.InternalKeyIds)
            ids.emplace_back(id);
        nlohmann::json j = nlohmann::json::object();
        j[erp_connection_id_key] = r.ErpConnectionId;
        j[internal_key_ids_key] = std::move(ids);
        out = j.dump(); // the public API returns a new string
        return out;
    }
    template <class T>
    void decode(std::string_view text, T& v) {
        nlohmann::json const doc = nlohmann::json::parse(text); // throws on a syntax error
        extractor<nlohmann_adapter>::read(doc, v);
    }
};

struct rapidjson_dom {
    static constexpr char const* name = "rapidjson";
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};

    std::string_view encode(erp::force_resync_request const& r) {
        buffer.Clear();
        writer.Reset(buffer);
        writer.StartObject();
        writer.Key(erp_connection_id_key.data(), erp_connection_id_key.size());
        writer.Int(r.ErpConnectionId);
        writer.Key(internal_key_ids_key.data(), internal_key_ids_key.size());
        writer.StartArray();
        for (std::int32_t id : r.InternalKeyIds)
            writer.Int(id);
        writer.EndArray();
        writer.EndObject();
        return {buffer.GetString(), buffer.GetSize()};
    }
    template <class T>
    void decode(std::string_view text, T& v) {
        rapidjson::Document doc;
        doc.Parse(text.data(), text.size());
        if (doc.HasParseError())
            throw bad_json("rapidjson: parse error at offset " + std::to_string(doc.GetErrorOffset()));
        extractor<rapidjson_adapter>::read(doc, v);
    }
};

// ------------------------------------------------------------------------------------------
// Test data

erp::force_resync_request make_force_resync(std::size_t n, bool large_ids) {
    erp::force_resync_request r;
    r.ErpConnectionId = 1;
    r.InternalKeyIds.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i)
        r.InternalKeyIds.push_back(static_cast<std::int32_t>(
            large_ids ? 100000000 + (i * 2654435761u) % 2000000000 // 9 and 10 digits
                      : 1 + (i * 7919) % 250000));                 // 1 to 6 digits
    return r;
}

/// A compact PluginResponse with `n` changed records spread over the three lists.
std::string make_plugin_response_json(std::size_t n) {
    static constexpr std::string_view tables[] = {"contact",     "person",   "project",   "sale",
                                                  "appointment", "document", "selection", "quote"};
    std::string lists[3];
    for (std::size_t i = 0; i < n; ++i) {
        std::string& l = lists[i % 3];
        if (!l.empty())
            l += ',';
        l += R"({"Tablename":")";
        l += tables[i % std::size(tables)];
        l += R"(","RecordId":)";
        l += std::to_string(1 + (i * 7919) % 250000);
        l += R"(,"TableRight":null,"FieldProperties":{}})";
    }
    std::string const count = std::to_string(n);
    return R"({"IsOk":true,"UserExplanation":")" + count +
           R"( records were synchronised.","TechExplanation":"ForceResync: )" + count +
           R"( records updated from the ERP","ErrorCode":"","Changes":{"AddedRecords":[)" + lists[0] +
           R"(],"UpdatedRecords":[)" + lists[1] + R"(],"DeletedRecords":[)" + lists[2] +
           R"(],"TableRight":null,"FieldProperties":{}},"Status":null,"TableRight":null,"FieldProperties":{}})";
}

/// Exercises what the benchmark's documents do not (not timed, only compared): flag masks,
/// enums by number and by a name in another case, unknown keys, nulls.
constexpr std::string_view parity_connections_json = R"([{
  "ErpConnectionId": 7, "ConnectionName": null, "Connected": true,
  "Unknown": {"a": [1, 2.5, {"b": null}], "c": "d"},
  "ErpFields": [{
    "FieldKey": "k", "Rank": 1, "FieldType": 5, "Access": "readonly", "DefaultValue": null,
    "TableRight": {"Mask": "Select, Update", "Reason": "r"},
    "FieldProperties": {
      "x": {"FieldRight": {"Mask": "FULL", "Reason": ""}, "FieldType": "System.String", "FieldLength": 3},
      "y": {"FieldRight": {"Mask": "Read, Write, 256", "Reason": "[SR_X]"}},
      "z": {"FieldRight": {"Mask": 96}}
    }
  }, null],
  "CrmActorType": "Person", "ErpActorType": 3, "ErpActorTypes": ["Customer", "nope", 2],
  "TableRight": {"Mask": 9, "Reason": "why"}, "FieldProperties": null
}, {"ErpConnectionId": 8, "ErpFields": null, "TableRight": null}])";

std::string read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ------------------------------------------------------------------------------------------
// Checks, before anything is timed

/// Member-by-member equality of two values; on a difference, `where` names it.
template <class T>
bool same(T const& a, T const& b, std::string& where) {
    namespace d = erp::detail;
    if constexpr (d::is_described_struct_v<T>) {
        bool equal = true;
        boost::mp11::mp_for_each<d::members_t<T>>([&](auto D) {
            if (equal && !same(a.*D.pointer, b.*D.pointer, where)) {
                where = D.name + (where.empty() || where[0] == '[' ? where : "." + where);
                equal = false;
            }
        });
        return equal;
    } else if constexpr (d::is_optional_v<T>) {
        if (a.has_value() != b.has_value()) {
            where = "(optional engaged in one only)";
            return false;
        }
        return !a || same(*a, *b, where);
    } else if constexpr (d::is_vector_v<T>) {
        if (a.size() != b.size()) {
            where = "(sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()) + ")";
            return false;
        }
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(a[i], b[i], where)) {
                where = "[" + std::to_string(i) + "]" + (where.empty() || where[0] == '[' ? "" : ".") + where;
                return false;
            }
        return true;
    } else if constexpr (d::is_string_map_v<T>) {
        if (a.size() != b.size()) {
            where = "(map sizes differ)";
            return false;
        }
        for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib)
            if (ia->first != ib->first || !same(ia->second, ib->second, where)) {
                where = ia->first + (where.empty() ? "" : "." + where);
                return false;
            }
        return true;
    } else {
        return a == b; // scalars, strings, enums, flag masks
    }
}

template <class Impl, class T>
void check_decoder(std::string_view what, std::string_view text, T const& expected) {
    T got{};
    Impl impl;
    impl.decode(text, got);
    std::string where;
    if (!same(expected, got, where))
        throw std::runtime_error(std::string(Impl::name) + " decodes " + std::string(what) +
                                 " differently from ours at " + (where.empty() ? "the root" : where));
}

template <class T>
T decode_ours(std::string_view text) {
    T v{};
    ours{}.decode(text, v);
    return v;
}

template <class T>
void check_decoders(std::string_view what, std::string_view text, T const& expected) {
    check_decoder<ours>(what, text, expected);
    check_decoder<boost_json_dom>(what, text, expected);
    check_decoder<nlohmann_dom>(what, text, expected);
    check_decoder<rapidjson_dom>(what, text, expected);
}

/// `Impl` writes JSON equal to ours (`expected`, parsed), and as many bytes.
template <class Impl>
void check_encoder(erp::force_resync_request const& r, std::string_view expected) {
    Impl impl;
    std::string_view const text = impl.encode(r);
    json::error_code ec;
    json::value const got = json::parse(text, ec);
    if (ec || got != json::parse(expected))
        throw std::runtime_error(std::string(Impl::name) + " encodes force_resync_request (" +
                                 std::to_string(r.InternalKeyIds.size()) + " ids) differently from ours");
    if (text.size() != expected.size())
        throw std::runtime_error(std::string(Impl::name) + " writes a different number of bytes than ours");
}

void check_encoders(erp::force_resync_request const& r) {
    std::string const text = std::string(ours{}.encode(r));
    std::string where;
    if (!same(r, decode_ours<erp::force_resync_request>(text), where))
        throw std::runtime_error("ours does not read back its own force_resync_request at " + where);
    check_encoder<boost_json_dom>(r, text);
    check_encoder<nlohmann_dom>(r, text);
    check_encoder<rapidjson_dom>(r, text);
}

// ------------------------------------------------------------------------------------------
// The timed loops

template <class Impl>
void bench_encode(benchmark::State& state, erp::force_resync_request const& r, std::size_t bytes) {
    Impl impl;
    for (auto _ : state) {
        std::string_view const text = impl.encode(r);
        benchmark::DoNotOptimize(text.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

template <class Impl, class T>
void bench_decode(benchmark::State& state, std::string_view text) {
    Impl impl;
    for (auto _ : state) {
        T v{};
        impl.decode(text, v);
        benchmark::DoNotOptimize(v);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

struct encode_case {
    std::string name; // "<case>" of the benchmark's name
    std::size_t size;
    erp::force_resync_request request;
    std::size_t bytes; // of ours' output
};

struct decode_case {
    std::string name; // "<case>" or "<case>/<size>"
    std::string text;
};

/// Calls `f(std::type_identity<Impl>{})` for the four implementations, in the order of the table.
template <class F>
void for_each_impl(F&& f) {
    f(std::type_identity<ours>{});
    f(std::type_identity<boost_json_dom>{});
    f(std::type_identity<nlohmann_dom>{});
    f(std::type_identity<rapidjson_dom>{});
}

template <class T>
void register_decode(decode_case const& c) {
    for_each_impl([&](auto tag) {
        using Impl = typename decltype(tag)::type;
        auto const slash = c.name.find('/');
        std::string const name = slash == std::string::npos
                                     ? c.name + "/" + Impl::name
                                     : c.name.substr(0, slash) + "/" + Impl::name + c.name.substr(slash);
        benchmark::RegisterBenchmark(name.c_str(),
                                     [&c](benchmark::State& s) { bench_decode<Impl, T>(s, c.text); });
    });
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return EXIT_FAILURE;

    std::vector<encode_case> encodes;
    std::vector<decode_case> plugin_responses;
    decode_case connections;
    try {
        auto add_encode = [&](std::string name, std::size_t n, bool large_ids) {
            erp::force_resync_request r = make_force_resync(n, large_ids);
            check_encoders(r);
            std::size_t const bytes = ours{}.encode(r).size();
            encodes.push_back({std::move(name), n, std::move(r), bytes});
        };
        for (std::size_t n : {1, 100, 1000, 10000})
            add_encode("encode_force_resync", n, false);
        for (std::size_t n : {100, 10000})
            add_encode("encode_force_resync_large_ids", n, true);

        for (std::size_t n : {0, 100, 1000}) {
            std::string text = make_plugin_response_json(n);
            auto const expected = decode_ours<erp::plugin_response>(text);
            auto const& changes = expected.Changes.value();
            if (changes.AddedRecords.size() + changes.UpdatedRecords.size() + changes.DeletedRecords.size() !=
                n)
                throw std::runtime_error(
                    "ours reads the wrong number of records from the generated response");
            check_decoders("plugin_response/" + std::to_string(n), text, expected);
            plugin_responses.push_back({"decode_plugin_response/" + std::to_string(n), std::move(text)});
        }

        connections = {
            "decode_connections_sample",
            read_file(SO_ERPSYNC_BENCH_DATA "/rest_samples/GetConnectionsAndDisplayFields.response.json")};
        auto const sample = decode_ours<std::vector<erp::erp_connection_data>>(connections.text);
        if (sample.size() != 1 || sample[0].ErpFields.size() != 1 || sample[0].FieldProperties.size() != 1 ||
            sample[0].ErpActorTypes.size() != 2)
            throw std::runtime_error("ours reads GetConnectionsAndDisplayFields.response.json unexpectedly");
        check_decoders("the GetConnectionsAndDisplayFields sample", connections.text, sample);

        auto const parity = decode_ours<std::vector<erp::erp_connection_data>>(parity_connections_json);
        if (parity.size() != 2 || parity[0].ErpFields.size() != 2 || !parity[0].TableRight ||
            parity[0].TableRight->Mask.bits() != 9)
            throw std::runtime_error("ours reads the parity document unexpectedly");
        check_decoders("the parity document", parity_connections_json, parity);
    } catch (std::exception const& e) {
        std::fprintf(stderr, "codec benchmark: the implementations do not do the same work: %s\n", e.what());
        return EXIT_FAILURE;
    }

    for (encode_case const& c : encodes)
        for_each_impl([&](auto tag) {
            using Impl = typename decltype(tag)::type;
            std::string const name = c.name + "/" + std::string(Impl::name) + "/" + std::to_string(c.size);
            benchmark::RegisterBenchmark(
                name.c_str(), [&c](benchmark::State& s) { bench_encode<Impl>(s, c.request, c.bytes); });
        });
    for (decode_case const& c : plugin_responses)
        register_decode<erp::plugin_response>(c);
    register_decode<std::vector<erp::erp_connection_data>>(connections);

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return EXIT_SUCCESS;
}
