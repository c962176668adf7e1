// The sandbox's carrier replies carry the `Carrier` members `TableRight` and `FieldProperties` in
// the documented shape, over REST (the raw JSON) and SOAP (the raw XML), nested carriers
// included, and the client decodes them.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/sandbox/carrier_rights.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#ifdef SO_ERPSYNC_TEST_SOAP
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>
#endif

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include <test_common/call.hpp>

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;

namespace {

// One HTTP exchange with the sandbox: status and body.
std::pair<unsigned, std::string> post(erp::sandbox::server const& sb, std::string target, std::string body,
                                      std::string content_type, std::string extra_header = {},
                                      std::string extra_value = {}) {
    asio::io_context io;
    asio::ip::tcp::socket sock(io);
    sock.connect({asio::ip::make_address("127.0.0.1"), sb.port()});
    http::request<http::string_body> req(http::verb::post, "/Cust12345" + target, 11);
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::authorization, "SOTicket 7T:sandbox-ticket");
    if (!content_type.empty())
        req.set(http::field::content_type, content_type);
    if (!extra_header.empty())
        req.set(extra_header, extra_value);
    req.body() = std::move(body);
    req.prepare_payload();
    http::write(sock, req);
    boost::beast::flat_buffer buf;
    http::response_parser<http::string_body> p;
    p.body_limit(1 << 22);
    http::read(sock, buf, p);
    return {p.get().result_int(), p.get().body()};
}

json::value rest(erp::sandbox::server const& sb, std::string op, std::string body) {
    std::string const type = body.empty() ? "" : "application/json; charset=utf-8";
    auto [status, text] = post(sb, "/api/v1/Agents/ErpSync/" + op, std::move(body), type);
    BOOST_TEST_REQUIRE(status == 200u, op << ": " << text);
    return json::parse(text);
}

// `carrier` (a JSON object) has both members in the documented shape, with one FieldProperties
// entry for each of `members` (and no other).
void has_carrier_members(json::value const& carrier, std::set<std::string> const& members) {
    BOOST_TEST_REQUIRE(carrier.is_object());
    auto const& o = carrier.as_object();
    BOOST_TEST_REQUIRE(o.contains("TableRight"));
    BOOST_TEST_REQUIRE(o.at("TableRight").is_object());
    auto const& tr = o.at("TableRight").as_object();
    BOOST_TEST(tr.size() == 2u);
    BOOST_TEST(tr.at("Mask").as_string() == "Select, Update, Insert, Delete");
    BOOST_TEST(tr.at("Reason").as_string() == "");
    BOOST_TEST_REQUIRE(o.contains("FieldProperties"));
    auto const& fp = o.at("FieldProperties").as_object();
    std::set<std::string> keys;
    for (auto const& [k, v] : fp) {
        keys.emplace(k);
        BOOST_TEST_CONTEXT(std::string(k)) {
            auto const& p = v.as_object();
            BOOST_TEST(p.size() == 3u);
            auto const& fr = p.at("FieldRight").as_object();
            BOOST_TEST(fr.at("Mask").as_string() == "Read, Write");
            BOOST_TEST(fr.at("Reason").as_string() == "");
            BOOST_TEST(!p.at("FieldType").as_string().empty());
            BOOST_TEST(p.at("FieldLength").is_int64());
        }
    }
    BOOST_TEST((keys == members));
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_carrier_rights)

BOOST_AUTO_TEST_CASE(rest_carrier_replies_carry_table_right_and_field_properties) {
    erp::sandbox::server sb;
    // a carrier
    auto c = rest(sb, "GetConnection", R"({"ErpConnectionId":1})");
    has_carrier_members(c, {"ErpConnectionId", "ErpConnectorId", "DisplayName", "DisplayDescription",
                            "Active", "ConnectionId", "MostRecentTimestamp", "ConfigFields", "Deleted",
                            "AllAccess", "UserGroupAccessIds", "AssociateAccessIds"});
    auto const& fp = c.at("FieldProperties").as_object();
    BOOST_TEST(fp.at("ErpConnectionId").at("FieldType").as_string() == "System.Int32");
    BOOST_TEST(fp.at("ErpConnectionId").at("FieldLength").as_int64() == 0);
    BOOST_TEST(fp.at("DisplayName").at("FieldType").as_string() == "System.String");
    BOOST_TEST(fp.at("DisplayName").at("FieldLength").as_int64() == erp::sandbox::string_field_length);
    BOOST_TEST(fp.at("Active").at("FieldType").as_string() == "System.Boolean");
    BOOST_TEST(fp.at("UserGroupAccessIds").at("FieldType").as_string() == "System.Int32[]");
    BOOST_TEST(fp.at("ConfigFields").at("FieldType").as_string() == "StringDictionary");

    // a carrier nested in a carrier, and carriers in arrays of a top-level array
    auto r = rest(sb, "ForceResyncExternal",
                  R"({"ErpConnectionId":1,"ErpActorType":"Customer","ExternalKeys":["C-1001"]})");
    BOOST_TEST(r.at("IsOk").as_bool());
    has_carrier_members(r, {"IsOk", "UserExplanation", "TechExplanation", "ErrorCode", "Changes", "Status"});
    has_carrier_members(r.at("Changes"), {"AddedRecords", "UpdatedRecords", "DeletedRecords"});
    BOOST_TEST(r.at("FieldProperties").at("Changes").at("FieldType").as_string() == "ChangedData");
    BOOST_TEST(r.at("FieldProperties").at("Status").at("FieldType").as_string() == "QuoteStatus");
    for (auto const& item : r.at("Changes").at("UpdatedRecords").as_array())
        has_carrier_members(item, {"Tablename", "RecordId"});

    auto list = rest(sb, "GetConnectionsAndDisplayFields", R"({"CrmActorType":"Contact","EntityId":10})");
    BOOST_TEST_REQUIRE(!list.as_array().empty());
    for (auto const& d : list.as_array()) {
        has_carrier_members(d, {"ErpConnectionId", "ConnectionName", "Connected", "ErpFields", "CrmActorType",
                                "ErpActorType", "ErpActorTypes"});
        BOOST_TEST(d.at("FieldProperties").at("ErpFields").at("FieldType").as_string() == "FieldMetadata[]");
        BOOST_TEST(d.at("FieldProperties").at("ErpActorTypes").at("FieldType").as_string() ==
                   "ErpActorType[]");
        for (auto const& f : d.at("ErpFields").as_array())
            has_carrier_members(f, {"FieldKey", "Rank", "DisplayName", "DisplayDescription", "FieldType",
                                    "ListName", "DefaultValue", "MaxLength", "Access", "ShowInSearch"});
    }
    has_carrier_members(rest(sb, "GetEngineStatus", ""), {"IsRunning", "StatusMessage", "Interval"});
    BOOST_TEST(
        rest(sb, "GetEngineStatus", "").at("FieldProperties").at("Interval").at("FieldType").as_string() ==
        "System.TimeSpan");

    // not carriers: no such members
    auto const connectors = rest(sb, "GetAllConnectors", "");
    BOOST_TEST_REQUIRE(!connectors.as_array().empty());
    for (auto const& item : connectors.as_array()) {
        BOOST_TEST(!item.as_object().contains("TableRight"));
        BOOST_TEST(!item.as_object().contains("FieldProperties"));
    }
    // $select leaves them out unless listed, as any other property
    auto [status, selected] = post(sb, "/api/v1/Agents/ErpSync/GetEngineStatus?$select=IsRunning", "", "");
    BOOST_TEST(status == 200u);
    BOOST_TEST(selected.find("TableRight") == std::string::npos, selected);
    BOOST_TEST(selected.find("FieldProperties") == std::string::npos, selected);
    auto [status2, listed] =
        post(sb, "/api/v1/Agents/ErpSync/GetEngineStatus?$select=IsRunning,TableRight", "", "");
    BOOST_TEST(status2 == 200u);
    BOOST_TEST(listed.find(R"("TableRight":{"Mask":"Select, Update, Insert, Delete","Reason":""})") !=
                   std::string::npos,
               listed);
    BOOST_TEST(listed.find("FieldProperties") == std::string::npos, listed);
}

BOOST_AUTO_TEST_CASE(the_client_decodes_them) {
    erp::sandbox::server sb;
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::so_ticket("7T:sandbox-ticket");
    erp::client c(io, cfg);
    erp::erp_connection_id_request req;
    req.ErpConnectionId = 1;
    auto got = erp::test::call<ops::get_connection>(c, io, req);
    BOOST_TEST_REQUIRE(!got.ec, got.diag.to_string());
    erp::erp_connection const& conn = got.value;
    BOOST_TEST_REQUIRE(conn.TableRight.has_value());
    BOOST_TEST(conn.TableRight->Mask.has(erp::etable_right::Select));
    BOOST_TEST(conn.TableRight->Mask.has(erp::etable_right::Delete));
    BOOST_TEST(!conn.TableRight->Mask.has(erp::etable_right::Filtering));
    BOOST_TEST(conn.TableRight->Mask.unknown_names().empty());
    BOOST_TEST_REQUIRE(conn.FieldProperties.count("DisplayName") == 1u);
    auto const& p = conn.FieldProperties.at("DisplayName");
    BOOST_TEST_REQUIRE(p.FieldRight.has_value());
    BOOST_TEST(p.FieldRight->Mask.has(erp::efield_right::Read));
    BOOST_TEST(p.FieldRight->Mask.has(erp::efield_right::Write));
    BOOST_TEST(p.FieldType == "System.String");
    BOOST_TEST(p.FieldLength == erp::sandbox::string_field_length);
    BOOST_TEST(conn.FieldProperties.size() == 12u);
}

BOOST_AUTO_TEST_CASE(add_carrier_rights_replaces_what_a_carrier_held) {
    erp::plugin_response r;
    r.TableRight = erp::table_right{erp::table_right_mask::parse("FULL"), "echoed"};
    r.FieldProperties["Bogus"] = erp::field_property{};
    r.Changes.emplace().UpdatedRecords.resize(2);
    erp::sandbox::add_carrier_rights(r);
    BOOST_TEST(r.TableRight->Reason == "");
    BOOST_TEST(r.TableRight->Mask.to_string() == "Select, Update, Insert, Delete");
    BOOST_TEST(r.FieldProperties.count("Bogus") == 0u);
    BOOST_TEST(r.FieldProperties.size() == 6u);
    BOOST_TEST(r.Changes->UpdatedRecords[1].FieldProperties.at("RecordId").FieldType == "System.Int32");
    // a reply that is not a carrier is left alone
    std::vector<erp::list_item> items(1);
    erp::sandbox::add_carrier_rights(items);
    BOOST_TEST(erp::to_json(items).value() == R"([{"Id":0,"Name":"","ToolTip":""}])");
}

#ifdef SO_ERPSYNC_TEST_SOAP
BOOST_AUTO_TEST_CASE(soap_carrier_replies_carry_them_first_in_the_schemas_shape) {
    erp::sandbox::options o;
    o.soap = erp::sandbox::soap_endpoint();
    erp::sandbox::server sb(o);
    std::string const envelope =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
        "xmlns:e=\"http://www.superoffice.net/ws/crm/NetServer/Services88\"><s:Header><e:Credentials>"
        "<e:Ticket>7T:sandbox-ticket</e:Ticket></e:Credentials></s:Header><s:Body><e:GetConnection>"
        "<e:ErpConnectionId>1</e:ErpConnectionId></e:GetConnection></s:Body></s:Envelope>";
    auto [status, xml] =
        post(sb, "/Remote/Services88/ErpSync.svc", envelope, "text/xml; charset=utf-8", "SOAPAction",
             "\"http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetConnection\"");
    BOOST_TEST_REQUIRE(status == 200u, xml);
    // the base members first (xs:extension), the masks as xs:lists, the map as the schema's dictionary
    std::string const start =
        "<es:Response xsi:type=\"es:ErpConnection\"><es:TableRight xsi:type=\"es:TableRight\">"
        "<es:Mask xsi:type=\"es:ETableRight\">Select Update Insert Delete</es:Mask>"
        "<es:Reason xsi:type=\"xsd:string\"></es:Reason></es:TableRight>"
        "<es:FieldProperties xsi:type=\"es:FieldPropertyDictionary\">"
        "<es:FieldPropertyDictionaryKeyValuePair><es:Key xsi:type=\"xsd:string\">";
    BOOST_TEST(xml.find(start) != std::string::npos, xml);
    std::string const entry =
        "<es:FieldPropertyDictionaryKeyValuePair><es:Key xsi:type=\"xsd:string\">DisplayName</es:Key>"
        "<es:Value xsi:type=\"es:FieldProperty\"><es:FieldRight xsi:type=\"es:FieldRight\">"
        "<es:Mask xsi:type=\"es:EFieldRight\">Read Write</es:Mask><es:Reason "
        "xsi:type=\"xsd:string\"></es:Reason>"
        "</es:FieldRight><es:FieldType xsi:type=\"xsd:string\">System.String</es:FieldType>"
        "<es:FieldLength "
        "xsi:type=\"xsd:int\">255</es:FieldLength></es:Value></es:FieldPropertyDictionaryKeyValuePair>";
    BOOST_TEST(xml.find(entry) != std::string::npos, xml);
    BOOST_TEST(xml.find("</es:FieldProperties><es:ErpConnectionId") != std::string::npos, xml);

    // and the SOAP client decodes them
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::so_ticket("7T:sandbox-ticket");
    cfg.protocol = erp::soap::protocol();
    erp::client c(io, cfg);
    erp::erp_connection_id_request req;
    req.ErpConnectionId = 1;
    auto got = erp::test::call<ops::get_connection>(c, io, req);
    BOOST_TEST_REQUIRE(!got.ec, got.diag.to_string());
    BOOST_TEST_REQUIRE(got.value.TableRight.has_value());
    BOOST_TEST(got.value.TableRight->Mask.has(erp::etable_right::Insert));
    BOOST_TEST(got.value.FieldProperties.size() == 12u);
    BOOST_TEST(got.value.FieldProperties.at("Active").FieldType == "System.Boolean");
}
#endif

BOOST_AUTO_TEST_SUITE_END()
