// open_enum in SOAP: a name or number this version does not know survives read -> write in XML
// (scalars, arrays, nested carriers, top-level answers), and across the two encodings (JSON read,
// SOAP written, SOAP read, JSON written); flag masks keep names that are not enumerators too.
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;

namespace {

template <class T>
std::string to_xml(T const& v) {
    std::string xml;
    erp::diagnostics d;
    BOOST_TEST_REQUIRE(!detail::soap_write_response(erp::soap::version::v1_1, "Op", &v, xml, &d),
                       d.to_string());
    return xml;
}

template <class T>
T from_xml(std::string const& xml) {
    T v{};
    erp::diagnostics d;
    BOOST_TEST_REQUIRE(!detail::soap_read_response<T>("Op", 200, xml, &v, &d), d.to_string());
    return v;
}

template <class T>
T from_json(std::string_view text) {
    T v{};
    erp::diagnostics d;
    BOOST_TEST_REQUIRE(!erp::from_json(text, v, &d), d.to_string());
    return v;
}

/// JSON -> C++ -> SOAP -> C++ -> SOAP and -> JSON: both encodings come back unchanged.
template <class T>
void survives_both(std::string_view json) {
    T const first = from_json<T>(json);
    std::string const xml = to_xml(first);
    T const back = from_xml<T>(xml);
    BOOST_TEST(to_xml(back) == xml);
    BOOST_TEST(erp::to_json(back).value() == erp::to_json(first).value());
}

bool has(std::string const& xml, std::string const& part) {
    bool const found = xml.find(part) != std::string::npos;
    BOOST_TEST(found, part << " not in " << xml);
    return found;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_open_enum_soap)

BOOST_AUTO_TEST_CASE(an_unknown_scalar_name_survives_xml) {
    erp::force_resync_external_request r;
    r.ErpActorType = erp::open_enum<erp::erp_actor_type>::from_name("Warehouse");
    std::string const xml = to_xml(r);
    has(xml, R"(<es:ErpActorType xsi:type="es:ErpActorType">Warehouse</es:ErpActorType>)");
    auto back = from_xml<erp::force_resync_external_request>(xml);
    BOOST_TEST(back.ErpActorType.name() == "Warehouse");
    BOOST_TEST((back.ErpActorType == erp::erp_actor_type::unrecognized));
    BOOST_TEST(to_xml(back) == xml);
    // text that needs escaping
    r.ErpActorType = erp::open_enum<erp::erp_actor_type>::from_name("a<b&c");
    auto odd = from_xml<erp::force_resync_external_request>(to_xml(r));
    BOOST_TEST(odd.ErpActorType.name() == "a<b&c");
}

BOOST_AUTO_TEST_CASE(an_unknown_number_survives_xml) {
    erp::force_resync_external_request r;
    r.ErpActorType = erp::open_enum<erp::erp_actor_type>::from_number(77);
    std::string const xml = to_xml(r);
    has(xml, ">77</es:ErpActorType>");
    auto back = from_xml<erp::force_resync_external_request>(xml);
    BOOST_TEST(back.ErpActorType.is_number());
    BOOST_TEST(back.ErpActorType.name() == "77");
    BOOST_TEST(erp::to_json(back).value().find(R"("ErpActorType":77)") != std::string::npos);
    // a number the enum has is read as its enumerator, written by name
    auto known =
        from_xml<erp::force_resync_external_request>(std::string(xml).replace(xml.find(">77<") + 1, 2, "2"));
    BOOST_TEST((known.ErpActorType == erp::erp_actor_type::Supplier));
    has(to_xml(known), ">Supplier</es:ErpActorType>");
}

BOOST_AUTO_TEST_CASE(unknown_values_survive_in_arrays_and_nested_carriers_in_both_encodings) {
    survives_both<std::vector<erp::erp_connection_data>>(
        R"([{"ErpConnectionId":1,"ErpFields":[{"FieldKey":"k","FieldType":"Barcode","Access":"Hidden"}],)"
        R"("CrmActorType":"Invoice","ErpActorType":"Customer","ErpActorTypes":["Customer","Warehouse",42,"Sale"]}])");
    auto v = from_xml<std::vector<erp::erp_connection_data>>(
        to_xml(from_json<std::vector<erp::erp_connection_data>>(
            R"([{"ErpActorTypes":["Customer","Warehouse"],"ErpFields":[{"FieldType":"Barcode"}]}])")));
    BOOST_TEST_REQUIRE(v.size() == 1u);
    BOOST_TEST_REQUIRE(v[0].ErpActorTypes.size() == 2u);
    BOOST_TEST((v[0].ErpActorTypes[0] == erp::erp_actor_type::Customer));
    BOOST_TEST(v[0].ErpActorTypes[1].name() == "Warehouse");
    BOOST_TEST(v[0].ErpFields.at(0).FieldType.name() == "Barcode");
    survives_both<erp::plugin_response>(R"({"IsOk":true,"Status":"Pending"})");
    survives_both<erp::erp_sync_actor_type_mapping>(
        R"({"ActorTypeErp":"Warehouse","ActorTypeCrm":7,)"
        R"("FieldMappings":[{"FieldType":"Barcode","Access":"Hidden"}]})");
}

BOOST_AUTO_TEST_CASE(a_top_level_enum_answer_keeps_an_unknown_name) {
    auto t = erp::open_enum<erp::crm_actor_type>::from_name("Invoice");
    std::string const xml = to_xml(t);
    has(xml, R"(<es:Response xsi:type="es:CrmActorType">Invoice</es:Response>)");
    auto back = from_xml<erp::response_t<erp::ops::get_crm_actor_type>>(xml);
    BOOST_TEST(back.name() == "Invoice");
    BOOST_TEST(erp::to_json(back).value() == R"("Invoice")");
}

BOOST_AUTO_TEST_CASE(known_names_are_written_unchanged) {
    erp::create_actor_link_request r;
    r.CrmActorType = erp::crm_actor_type::Person;
    r.ErpActorType = erp::erp_actor_type::Supplier;
    std::string const xml = to_xml(r);
    has(xml, R"(<es:CrmActorType xsi:type="es:CrmActorType">Person</es:CrmActorType>)");
    has(xml, R"(<es:ErpActorType xsi:type="es:ErpActorType">Supplier</es:ErpActorType>)");
    auto back = from_xml<erp::create_actor_link_request>(xml);
    BOOST_TEST(!back.ErpActorType.is_unknown());
    BOOST_TEST(to_xml(back) == xml);
}

BOOST_AUTO_TEST_CASE(flag_mask_names_that_are_not_enumerators_survive_xml) {
    erp::table_right tr;
    tr.Mask = erp::table_right_mask::parse("Select, Archive");
    std::string const xml = to_xml(tr);
    has(xml, R"(<es:Mask xsi:type="es:ETableRight">Select Archive</es:Mask>)");
    auto back = from_xml<erp::table_right>(xml);
    BOOST_TEST(back.Mask.has(erp::etable_right::Select));
    BOOST_TEST_REQUIRE(back.Mask.unknown_names().size() == 1u);
    BOOST_TEST(back.Mask.unknown_names()[0] == "Archive");
    BOOST_TEST(erp::to_json(back).value() == R"({"Mask":"Select, Archive","Reason":""})");
}

BOOST_AUTO_TEST_SUITE_END()
