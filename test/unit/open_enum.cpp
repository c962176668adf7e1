// open_enum: a name or number this version does not know survives decode -> encode in JSON
// (scalars, arrays, optionals, nested carriers, top-level answers); known values behave as the
// plain enum (comparisons, switch, assignment) and are written as before.
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/open_enum.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace erp = superoffice::erpsync;

namespace {

template <class T>
T decode(std::string_view text) {
    T v{};
    erp::diagnostics d;
    BOOST_TEST_REQUIRE(!erp::from_json(text, v, &d), d.to_string());
    return v;
}

template <class T>
std::string encode(T const& v) {
    erp::diagnostics d;
    auto r = erp::to_json(v, &d);
    BOOST_TEST_REQUIRE(r.has_value(), d.to_string());
    return *r;
}

/// Decodes, encodes, decodes again: the second encoding is the first.
template <class T>
std::string round_trip(std::string_view text) {
    T const first = decode<T>(text);
    std::string const out = encode(first);
    T const second = decode<T>(out);
    BOOST_TEST(encode(second) == out);
    return out;
}

using actor = erp::open_enum<erp::erp_actor_type>;

// what user code written for the plain enum does with a carrier member: must keep compiling
int classify(actor a) {
    switch (a) {
    case erp::erp_actor_type::Customer:
        return 1;
    case erp::erp_actor_type::Supplier:
        return 2;
    default:
        return 0;
    }
}
erp::erp_actor_type as_plain(erp::erp_actor_type t) {
    return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_open_enum)

BOOST_AUTO_TEST_CASE(known_values_behave_as_the_plain_enum) {
    actor a = erp::erp_actor_type::Customer;
    BOOST_TEST((a == erp::erp_actor_type::Customer));
    BOOST_TEST((erp::erp_actor_type::Customer == a));
    BOOST_TEST((a != erp::erp_actor_type::Supplier));
    BOOST_TEST(classify(a) == 1);
    BOOST_TEST((as_plain(a) == erp::erp_actor_type::Customer));
    erp::erp_actor_type const plain = a;
    BOOST_TEST((plain == erp::erp_actor_type::Customer));
    a = erp::erp_actor_type::Supplier;
    BOOST_TEST(classify(a) == 2);
    BOOST_TEST(!a.is_unknown());
    BOOST_TEST(a.name() == "Supplier");
    BOOST_TEST((actor{} == erp::erp_actor_type::Unknown)); // E{}, as the plain enum
    // members of carriers: assignment, comparison, optionals and arrays as before
    erp::erp_connection_data c;
    c.ErpActorType = erp::erp_actor_type::Partner;
    c.ErpActorTypes = {erp::erp_actor_type::Customer, erp::erp_actor_type::Sale};
    BOOST_TEST((c.ErpActorType == erp::erp_actor_type::Partner));
    BOOST_TEST((c.ErpActorTypes[1] == erp::erp_actor_type::Sale));
    erp::plugin_response p;
    p.Status = erp::quote_status::Warning;
    BOOST_TEST((p.Status == erp::quote_status::Warning));
    BOOST_TEST((*p.Status != erp::quote_status::Ok));
    // no heap for known values: as small as a pointer and the enum
    static_assert(sizeof(actor) <= 2 * sizeof(void*));
    static_assert(std::is_nothrow_move_constructible_v<actor>);
}

BOOST_AUTO_TEST_CASE(an_unknown_name_is_kept_and_compares_as_unrecognized) {
    auto a = actor::from_name("Warehouse");
    BOOST_TEST(a.is_unknown());
    BOOST_TEST(!a.is_number());
    BOOST_TEST(a.name() == "Warehouse");
    BOOST_TEST((a == erp::erp_actor_type::unrecognized));
    BOOST_TEST(classify(a) == 0); // default:
    actor copy = a;
    BOOST_TEST(copy.name() == "Warehouse");
    BOOST_TEST((copy == a));
    BOOST_TEST(!(copy == actor::from_name("Depot")));
    BOOST_TEST(!(actor::from_number(77) == actor::from_name("77"))); // a number is not a name
    copy = erp::erp_actor_type::Customer;                            // assigning a known value drops the text
    BOOST_TEST(!copy.is_unknown());
    BOOST_TEST(copy.name() == "Customer");
    // names are matched exactly, then ASCII case-insensitively, as for the plain enum
    BOOST_TEST((actor::from_name("supplier") == erp::erp_actor_type::Supplier));
    BOOST_TEST((actor::from_number(3) == erp::erp_actor_type::Partner));
    auto n = actor::from_number(77);
    BOOST_TEST(n.is_unknown());
    BOOST_TEST(n.is_number());
    BOOST_TEST(n.name() == "77");
}

BOOST_AUTO_TEST_CASE(an_unknown_scalar_name_survives_decode_and_encode) {
    auto out = round_trip<erp::force_resync_external_request>(
        R"({"ErpConnectionId":1,"ErpActorType":"Warehouse","ExternalKeys":["K1"]})");
    BOOST_TEST(out == R"({"ErpConnectionId":1,"ErpActorType":"Warehouse","ExternalKeys":["K1"]})");
    auto r = decode<erp::force_resync_external_request>(out);
    BOOST_TEST((r.ErpActorType == erp::erp_actor_type::unrecognized));
    BOOST_TEST(r.ErpActorType.name() == "Warehouse");
    // text that needs escaping is escaped again
    auto odd =
        round_trip<erp::erp_actor_type_request>(R"({"ErpConnectionId":0,"ErpActorType":"a\"b\\c\u00e6"})");
    BOOST_TEST(odd == "{\"ErpConnectionId\":0,\"ErpActorType\":\"a\\\"b\\\\c\xc3\xa6\"}");
}

BOOST_AUTO_TEST_CASE(an_unknown_number_survives_as_a_number) {
    auto out = round_trip<erp::force_resync_external_request>(R"({"ErpConnectionId":1,"ErpActorType":77})");
    BOOST_TEST(out == R"({"ErpConnectionId":1,"ErpActorType":77,"ExternalKeys":[]})");
    // any integer: beyond the enum's 16 bits, negative, the largest unsigned
    for (std::string n : {"70000", "-5", "-1", "18446744073709551615", "-9223372036854775808"}) {
        auto o = round_trip<erp::force_resync_external_request>(R"({"ErpActorType":)" + n + "}");
        BOOST_TEST(o.find("\"ErpActorType\":" + n + ",") != std::string::npos, o);
    }
    // a known number reads as the enumerator and is written by name, as before
    BOOST_TEST(round_trip<erp::force_resync_external_request>(R"({"ErpActorType":2})")
                   .find(R"("ErpActorType":"Supplier")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_values_survive_in_arrays_optionals_and_nested_carriers) {
    // arrays of enums, enums of nested carriers in arrays, an optional enum, a top-level array
    std::string const text =
        R"([{"ErpConnectionId":1,"ConnectionName":"a","Connected":true,)"
        R"("ErpFields":[{"FieldKey":"k","Rank":0,"DisplayName":"","DisplayDescription":"","FieldType":"Barcode",)"
        R"("ListName":"","DefaultValue":"","MaxLength":0,"Access":"Hidden","ShowInSearch":false}],)"
        R"("CrmActorType":"Invoice","ErpActorType":"Customer","ErpActorTypes":["Customer","Warehouse",42,"Sale"]}])";
    auto out = round_trip<std::vector<erp::erp_connection_data>>(text);
    BOOST_TEST(out == text);
    auto v = decode<std::vector<erp::erp_connection_data>>(out);
    BOOST_TEST_REQUIRE(v.size() == 1u);
    BOOST_TEST(v[0].ErpFields[0].FieldType.name() == "Barcode");
    BOOST_TEST(v[0].ErpFields[0].Access.name() == "Hidden");
    BOOST_TEST(v[0].CrmActorType.name() == "Invoice");
    BOOST_TEST_REQUIRE(v[0].ErpActorTypes.size() == 4u);
    BOOST_TEST((v[0].ErpActorTypes[0] == erp::erp_actor_type::Customer));
    BOOST_TEST(v[0].ErpActorTypes[1].name() == "Warehouse");
    BOOST_TEST(v[0].ErpActorTypes[2].is_number());
    BOOST_TEST((v[0].ErpActorTypes[3] == erp::erp_actor_type::Sale));

    auto p = round_trip<erp::plugin_response>(R"({"IsOk":true,"Status":"Pending"})");
    BOOST_TEST(p.find(R"("Status":"Pending")") != std::string::npos, p);
    // a map of carriers holding unknown values
    auto m = round_trip<std::map<std::string, erp::erp_sync_actor_summary>>(
        R"({"a":{"ActorType":"Warehouse","HasMappings":true,"Defaults":"","Mappings":""}})");
    BOOST_TEST(m == R"({"a":{"ActorType":"Warehouse","HasMappings":true,"Defaults":"","Mappings":""}})");
}

BOOST_AUTO_TEST_CASE(a_top_level_enum_answer_keeps_an_unknown_name) {
    erp::response_t<erp::ops::get_crm_actor_type> t{};
    erp::diagnostics d;
    BOOST_TEST_REQUIRE(!erp::detail::decode_response(200, R"("Invoice")", &t, &d), d.to_string());
    BOOST_TEST(t.name() == "Invoice");
    BOOST_TEST((t == erp::crm_actor_type::unrecognized));
    BOOST_TEST(encode(t) == R"("Invoice")");
    erp::response_t<erp::ops::can_delete_erp_sync_connector_entity> code{};
    BOOST_TEST_REQUIRE(!erp::detail::decode_response(200, R"("ErrorLocked")", &code, &d), d.to_string());
    BOOST_TEST(encode(code) == R"("ErrorLocked")");
    BOOST_TEST_REQUIRE(!erp::detail::decode_response(200, R"("NoError")", &code, &d), d.to_string());
    BOOST_TEST((code == erp::erp_sync_response_code::NoError));
}

BOOST_AUTO_TEST_CASE(known_names_are_written_unchanged) {
    std::string const text = R"({"ErpConnectionId":3,"CrmRecordId":4,"CrmActorType":"Person",)"
                             R"("ErpKey":"S-1","ErpActorType":"Supplier"})";
    BOOST_TEST(round_trip<erp::create_actor_link_request>(text) == text);
    // the documentation's alias is read and the canonical name written, as for the plain enum
    BOOST_TEST(round_trip<erp::plugin_response>(R"({"Status":"Warn"})").find(R"("Status":"Warning")") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_documented_sample_with_unknown_names_round_trips) {
    // the documentation's sample holds lorem words where ErpActorType names go
    std::ifstream in(std::string(SO_ERPSYNC_TEST_DATA_DIR) +
                         "/rest_samples/GetConnectionsAndDisplayFields.response.json",
                     std::ios::binary);
    BOOST_TEST_REQUIRE(in.good());
    std::stringstream s;
    s << in.rdbuf();
    auto v = decode<std::vector<erp::erp_connection_data>>(s.str());
    BOOST_TEST_REQUIRE(!v.empty());
    BOOST_TEST_REQUIRE(v[0].ErpActorTypes.size() == 2u);
    BOOST_TEST(v[0].ErpActorTypes[0].name() == "veritatis");
    BOOST_TEST(v[0].ErpActorTypes[1].name() == "et");
    auto out = encode(v);
    BOOST_TEST(out.find(R"("ErpActorTypes":["veritatis","et"])") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(unrecognized_set_by_hand_has_nothing_to_write) {
    erp::erp_actor_type_request r;
    r.ErpActorType = erp::erp_actor_type::unrecognized;
    erp::diagnostics d;
    BOOST_TEST((erp::to_json(r, &d).error() == erp::error::unencodable_value));
    BOOST_TEST(d.field_path == "ErpActorType");
    // a fractional number is no enum value
    erp::erp_actor_type_request bad;
    BOOST_TEST((erp::from_json(R"({"ErpActorType":1.5})", bad, &d) == erp::error::type_mismatch));
}

BOOST_AUTO_TEST_SUITE_END()
