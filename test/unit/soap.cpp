// The SOAP encoding without a network: the envelope against the documentation's sample, element by
// element; the documentation's response decoded; the HTTP request of both SOAP versions; how
// values are written and read; faults and exception headers; hostile XML.
#include <superoffice/erpsync/soap.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <test_common/sample_values.hpp>

namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
namespace detail = superoffice::erpsync::detail;

namespace {

std::string read_sample(std::string const& name) {
    std::ifstream f(std::string(SO_ERPSYNC_TEST_DATA_DIR) + "/soap_samples/" + name, std::ios::binary);
    BOOST_TEST_REQUIRE(f.good(), "cannot open " << name);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

pugi::xml_document parse(std::string const& text) {
    pugi::xml_document doc;
    erp::diagnostics d;
    auto ec = detail::parse_xml(text, doc, &d);
    BOOST_TEST_REQUIRE(!ec, d.client_message);
    return doc;
}

// `{uri}local` of a QName written in an attribute value (xsi:type), resolved at element `n`.
std::string resolve_qname(pugi::xml_node n, std::string_view q) {
    auto c = q.find(':');
    std::string_view prefix = c == std::string_view::npos ? std::string_view{} : q.substr(0, c);
    return "{" + std::string(detail::xml_lookup_ns(n, prefix)) + "}" +
           std::string(detail::xml_local_name(q.data()));
}

// One line per element of the subtree: depth, {namespace}name, resolved xsi:type, xsi:nil, text.
void flatten(pugi::xml_node n, int depth, std::vector<std::string>& out) {
    std::string line = std::to_string(depth) + " {" + std::string(detail::xml_ns_of(n)) + "}" +
                       std::string(detail::xml_local_name(n.name()));
    for (pugi::xml_attribute a : n.attributes()) {
        std::string_view an(a.name());
        if (an.substr(0, 5) == "xmlns")
            continue;
        std::string ans(detail::xml_ns_of_name(a.name())); // names are canonical after parse_xml
        std::string_view local = detail::xml_local_name(a.name());
        if (ans == detail::xml_ns::xsi && local == "type")
            line += " type=" + resolve_qname(n, a.value());
        else
            line += " @{" + ans + "}" + std::string(local) + "=" + a.value();
    }
    std::string scratch;
    line += " text=[" + std::string(detail::trim(detail::xml_text(n, scratch))) + "]";
    out.push_back(line);
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element)
            flatten(c, depth + 1, out);
}

// The header values of an envelope, found in `Header` or directly in `Envelope` (the samples).
std::string header_value(pugi::xml_node env, std::string_view name, std::string_view child = {}) {
    namespace ns = detail::xml_ns;
    std::string scratch;
    for (pugi::xml_node scope : {detail::xml_child(env, detail::xml_ns_of(env), "Header"), env}) {
        pugi::xml_node h = scope ? detail::xml_child(scope, ns::services88, name) : pugi::xml_node();
        if (h && !child.empty())
            h = detail::xml_child(h, ns::services88, child);
        if (h)
            return std::string(detail::xml_text(h, scratch));
    }
    return "(missing)";
}

// The element structure below `n`: one (depth, {ns}name, xsi:type) per element. Our writer adds
// the `Carrier` base members the documentation's samples leave out: `skip_base` drops them.
struct xml_entry {
    int depth = 0;
    std::string name;
    std::string type; // resolved xsi:type, or "nil"
};

void structure(pugi::xml_node n, bool skip_base, int depth, std::vector<xml_entry>& out) {
    std::string_view local = detail::xml_local_name(n.name());
    if (skip_base && (local == "TableRight" || local == "FieldProperties"))
        return;
    std::string type = detail::xml_is_nil(n) ? "nil" : "";
    for (pugi::xml_attribute a : n.attributes())
        if (std::string_view(a.name()).ends_with(":type"))
            type = resolve_qname(n, a.value());
    out.push_back({depth, "{" + std::string(detail::xml_ns_of(n)) + "}" + std::string(local), type});
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element)
            structure(c, skip_base, depth + 1, out);
}

// Our structure matches the sample's: the same elements in the same order with the same types.
// Where the sample has `xsi:nil` on a value or an array item, we write the default value (a
// carrier array cannot hold null): any type, and whatever that default contains.
void same_structure(pugi::xml_node sample, pugi::xml_node ours, std::string_view what) {
    std::vector<xml_entry> want, got;
    structure(sample, false, 0, want);
    structure(ours, true, 0, got);
    std::size_t i = 0, j = 0;
    for (; i < want.size() && j < got.size(); ++i, ++j) {
        BOOST_TEST_REQUIRE(got[j].name == want[i].name,
                           what << ": element " << i << " depth " << want[i].depth << " is " << want[i].name
                                << ", ours " << got[j].name << " depth " << got[j].depth);
        BOOST_TEST(got[j].depth == want[i].depth, what << " " << want[i].name);
        if (want[i].type == "nil") {
            int const d = got[j].depth;
            while (j + 1 < got.size() && got[j + 1].depth > d)
                ++j; // the default's content
            continue;
        }
        BOOST_TEST(got[j].type == want[i].type, what << " " << want[i].name);
    }
    BOOST_TEST((i == want.size() && j == got.size()), what << ": " << want.size() << " elements expected");
}

// The documentation writes empty durations (`<Interval xsi:type="...duration"></Interval>`), which
// are not xs:duration values: they are refused with the field path, then replaced to go on.
std::size_t replace_empty_durations(std::string& xml) {
    std::size_t n = 0;
    for (auto p = xml.find(":duration\"></"); p != std::string::npos; p = xml.find(":duration\"></", p)) {
        xml.insert(p + 11, "PT5M");
        ++n;
    }
    return n;
}

erp::client_config config() {
    erp::client_config cfg;
    cfg.base_url = "https://tenant.example/Cust1";
    cfg.auth = erp::credentials::so_ticket("7T:ticket==");
    cfg.app_token = "app-secret";
    return cfg;
}

template <class Op>
erp::error_code build(erp::client_config const& cfg, erp::request_t<Op> const& r, detail::http_request& req,
                      erp::diagnostics* d = nullptr) {
    auto pc = detail::prepare_config(cfg);
    return detail::protocol_access::codec(cfg.protocol)
        ->build_request(detail::op_index_v<Op>, &r, cfg, pc, {}, req, d);
}

std::string response_envelope(std::string_view header, std::string_view body,
                              std::string_view env_ns = detail::xml_ns::soap11) {
    return "<s:Envelope xmlns:s=\"" + std::string(env_ns) +
           "\" xmlns:e=\"http://www.superoffice.net/ws/crm/NetServer/Services88\" "
           "xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">" +
           (header.empty() ? std::string() : "<s:Header>" + std::string(header) + "</s:Header>") +
           "<s:Body>" + std::string(body) + "</s:Body></s:Envelope>";
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_soap)

BOOST_AUTO_TEST_CASE(the_force_resync_external_envelope_matches_the_documentation_element_by_element) {
    std::string const sample = read_sample("ForceResyncExternal.request.xml");
    erp::force_resync_external_request req;
    req.ErpConnectionId = 0;
    req.ErpActorType = erp::erp_actor_type::Unknown;
    req.ExternalKeys = {""};
    erp::soap::envelope_options o;
    o.ver = erp::soap::version::v1_2; // the samples' envelope namespace
    o.application_token = "1234567-1234-9876";
    o.ticket = "7T:1234abcxyzExample==";
    std::string ours;
    BOOST_TEST_REQUIRE(!erp::soap::write_request<ops::force_resync_external>(req, o, ours));

    auto doc_sample = parse(sample);
    auto doc_ours = parse(ours);
    pugi::xml_node env_s = doc_sample.document_element(), env_o = doc_ours.document_element();
    BOOST_TEST(detail::xml_is(env_o, detail::xml_ns::soap12, "Envelope"));
    BOOST_TEST(detail::xml_is(env_s, detail::xml_ns::soap12, "Envelope"));
    // the headers: the same values (ours inside soap:Header, as the WSDL declares them)
    BOOST_TEST(header_value(env_o, "ApplicationToken") == header_value(env_s, "ApplicationToken"));
    BOOST_TEST(header_value(env_o, "Credentials", "Ticket") == header_value(env_s, "Credentials", "Ticket"));
    BOOST_TEST(header_value(env_o, "ApplicationToken") == "1234567-1234-9876");
    // the body, element by element: names, namespaces, xsi:types, text
    std::vector<std::string> want, got;
    flatten(detail::xml_child(env_s, detail::xml_ns::soap12, "Body"), 0, want);
    flatten(detail::xml_child(env_o, detail::xml_ns::soap12, "Body"), 0, got);
    BOOST_TEST(want.size() == 6u); // Body, ForceResyncExternal, 3 parameters, one key
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_documented_force_resync_external_response_decodes) {
    std::string const sample = read_sample("ForceResyncExternal.response.xml");
    erp::plugin_response r;
    erp::diagnostics d;
    auto ec = erp::soap::read_response<ops::force_resync_external>(200, sample, r, &d);
    BOOST_TEST_REQUIRE(!ec, d.client_message);
    BOOST_TEST(r.IsOk == false);
    BOOST_TEST(r.UserExplanation.empty());
    BOOST_TEST((r.Status == erp::quote_status::Ok));
    BOOST_TEST_REQUIRE(r.Changes.has_value());
    for (auto const* list :
         {&r.Changes->AddedRecords, &r.Changes->UpdatedRecords, &r.Changes->DeletedRecords}) {
        BOOST_TEST_REQUIRE(list->size() == 1u);
        BOOST_TEST(list->front().Tablename.empty());
        BOOST_TEST(list->front().RecordId == 0);
    }
    // the same result as the client's own encoding read back
    std::string again;
    BOOST_TEST(
        !detail::soap_write_response(erp::soap::version::v1_1, "ForceResyncExternal", &r, again, nullptr));
    erp::plugin_response r2;
    BOOST_TEST(!erp::soap::read_response<ops::force_resync_external>(200, again, r2));
    BOOST_TEST(erp::to_json(r2).value() == erp::to_json(r).value());
}

BOOST_AUTO_TEST_CASE(call_protocol_is_an_opaque_handle) {
    erp::client_config cfg;
    BOOST_TEST(cfg.protocol.is_rest()); // the default: REST, nothing allocated
    BOOST_TEST(cfg.protocol.name() == "REST");
    BOOST_TEST(!detail::protocol_access::codec(cfg.protocol));
    BOOST_TEST((cfg.protocol == erp::call_protocol::rest()));
    auto const s11 = erp::soap::protocol();
    auto const s12 = erp::soap::protocol(erp::soap::version::v1_2);
    BOOST_TEST(!s11.is_rest());
    BOOST_TEST(s11.name() == "SOAP 1.1");
    BOOST_TEST(s12.name() == "SOAP 1.2");
    BOOST_TEST(detail::protocol_access::codec(s12)->name() == "SOAP 1.2"); // the handle's name is the codec's
    cfg.protocol = s11;
    BOOST_TEST((cfg.protocol == s11)); // copies share one encoding
    BOOST_TEST(!(s11 == erp::call_protocol::rest()));
    cfg.protocol = erp::call_protocol::rest();
    BOOST_TEST(cfg.protocol.is_rest());
}

BOOST_AUTO_TEST_CASE(soap_1_1_request_headers) {
    auto cfg = config();
    cfg.protocol = erp::soap::protocol();
    BOOST_TEST(cfg.protocol.name() == "SOAP 1.1");
    detail::http_request req;
    erp::get_connector_entity_request r;
    r.erpSyncConnectorEntityId = 7;
    BOOST_TEST_REQUIRE(!build<ops::get_erp_sync_connector_entity>(cfg, r, req));
    BOOST_TEST(req.method_string() == "POST");
    BOOST_TEST(req.target() == "/Cust1/Remote/Services88/ErpSync.svc");
    BOOST_TEST(req[boost::beast::http::field::content_type] == "text/xml; charset=utf-8");
    BOOST_TEST(
        req["SOAPAction"] ==
        "\"http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetErpSyncConnectorEntity\"");
    BOOST_TEST(req.count("SO-AppToken") == 0u);                            // in the envelope
    BOOST_TEST(req.count(boost::beast::http::field::authorization) == 0u); // the ticket too
    BOOST_TEST(req[boost::beast::http::field::host] == "tenant.example");
    auto doc = parse(req.body());
    auto env = doc.document_element();
    BOOST_TEST(detail::xml_is(env, detail::xml_ns::soap11, "Envelope"));
    BOOST_TEST(header_value(env, "ApplicationToken") == "app-secret");
    BOOST_TEST(header_value(env, "Credentials", "Ticket") == "7T:ticket==");
    // the query parameter's SOAP name starts with a capital letter
    auto op = detail::xml_child(detail::xml_child(env, detail::xml_ns::soap11, "Body"),
                                detail::xml_ns::services88, "GetErpSyncConnectorEntity");
    BOOST_TEST_REQUIRE(op);
    BOOST_TEST(
        detail::xml_child(op, detail::xml_ns::services88, "ErpSyncConnectorEntityId").text().as_int() == 7);
}

BOOST_AUTO_TEST_CASE(soap_1_2_request_headers_and_basic_credentials) {
    auto cfg = config();
    cfg.auth = erp::credentials::basic("user", "pw");
    cfg.app_token.clear();
    cfg.protocol = erp::soap::protocol(erp::soap::version::v1_2);
    BOOST_TEST(cfg.protocol.name() == "SOAP 1.2");
    detail::http_request req;
    BOOST_TEST_REQUIRE(!build<ops::sync_all>(cfg, {}, req));
    BOOST_TEST(req[boost::beast::http::field::content_type] ==
               "application/soap+xml; charset=utf-8; "
               "action=\"http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SyncAll\"");
    BOOST_TEST(req.count("SOAPAction") == 0u);
    BOOST_TEST(req[boost::beast::http::field::authorization] == "Basic " + detail::base64("user:pw"));
    auto doc = parse(req.body());
    auto env = doc.document_element();
    BOOST_TEST(detail::xml_is(env, detail::xml_ns::soap12, "Envelope"));
    BOOST_TEST(!detail::xml_child(env, detail::xml_ns::soap12, "Header")); // nothing to put there
    auto body = detail::xml_child(env, detail::xml_ns::soap12, "Body");
    auto op = detail::xml_child(body, detail::xml_ns::services88, "SyncAll");
    BOOST_TEST_REQUIRE(op);
    BOOST_TEST(!op.first_child()); // an empty wrapper
}

BOOST_AUTO_TEST_CASE(a_carrier_parameter_is_wrapped_in_its_type_name) {
    auto cfg = config();
    cfg.protocol = erp::soap::protocol();
    detail::http_request req;
    erp::erp_sync_connector_entity e;
    e.ErpConnectorId = 5;
    e.DisplayName = "ERP <one> & \"two\"";
    BOOST_TEST_REQUIRE(!build<ops::save_erp_sync_connector_entity>(cfg, e, req));
    BOOST_TEST(req.body().find("<es:SaveErpSyncConnectorEntity><es:ErpSyncConnectorEntity "
                               "xsi:type=\"es:ErpSyncConnectorEntity\">") != std::string::npos,
               req.body());
    BOOST_TEST(req.body().find("ERP &lt;one&gt; &amp; &quot;two&quot;") != std::string::npos);
    // and the sandbox's reader takes it apart again
    pugi::xml_document doc;
    detail::soap_incoming in;
    BOOST_TEST_REQUIRE(!detail::soap_read_incoming(req.body(), doc, in, nullptr));
    erp::erp_sync_connector_entity back;
    BOOST_TEST_REQUIRE(!detail::soap_read_parameters(in.operation, back, nullptr));
    BOOST_TEST(erp::to_json(back).value() == erp::to_json(e).value());
    BOOST_TEST(in.ticket == "7T:ticket==");
    BOOST_TEST(in.application_token == "app-secret");
}

BOOST_AUTO_TEST_CASE(values_are_written_as_the_schema_types) {
    erp::erp_connection c = erp::test::sample_value<erp::erp_connection>();
    c.TableRight = erp::table_right{};
    c.TableRight->Mask = erp::table_right_mask(erp::etable_right::Select) | erp::etable_right::Update;
    c.ConfigFields = {{"url", "http://x/?a=1&b=2"}, {"user", "me"}};
    std::string xml;
    BOOST_TEST_REQUIRE(
        !detail::soap_write_response(erp::soap::version::v1_1, "GetConnection", &c, xml, nullptr));
    auto has = [&](std::string_view s) { BOOST_TEST(xml.find(s) != std::string::npos, s); };
    has("<es:Response xsi:type=\"es:ErpConnection\"><es:TableRight xsi:type=\"es:TableRight\">"
        "<es:Mask xsi:type=\"es:ETableRight\">Select Update</es:Mask>"); // base members first, xs:list
    has("<es:ConfigFields xsi:type=\"es:StringDictionary\"><es:StringKeyValuePair><es:Key "
        "xsi:type=\"xsd:string\">url</es:Key><es:Value "
        "xsi:type=\"xsd:string\">http://x/?a=1&amp;b=2</es:Value>");
    has("<es:ErpConnectionId xsi:type=\"xsd:int\">1</es:ErpConnectionId>");
    has("<es:Active xsi:type=\"xsd:boolean\">true</es:Active>");

    erp::erp_sync_engine_status st;
    st.Interval = erp::time_span(std::chrono::seconds(90));
    xml.clear();
    BOOST_TEST_REQUIRE(
        !detail::soap_write_response(erp::soap::version::v1_1, "GetEngineStatus", &st, xml, nullptr));
    has("<es:Interval xsi:type=\"ser:duration\">PT1M30S</es:Interval>");
    has("xmlns:ser=\"http://schemas.microsoft.com/2003/10/Serialization/\"");

    erp::force_resync_request fr;
    fr.InternalKeyIds = {3, 4};
    erp::soap::envelope_options o;
    BOOST_TEST_REQUIRE(!erp::soap::write_request<ops::force_resync>(fr, o, xml));
    has("<es:InternalKeyIds xsi:type=\"arr:ArrayOfint\"><arr:int xsi:type=\"xsd:int\">3</arr:int><arr:int "
        "xsi:type=\"xsd:int\">4</arr:int></es:InternalKeyIds>");

    std::optional<erp::mdo_list_item> nothing;
    BOOST_TEST_REQUIRE(
        !detail::soap_write_response(erp::soap::version::v1_1, "GetConnection", &nothing, xml, nullptr));
    has("<es:Response xsi:nil=\"true\"/>");

    std::vector<erp::erp_actor_type> types{erp::erp_actor_type::Customer, erp::erp_actor_type::Supplier};
    BOOST_TEST_REQUIRE(!detail::soap_write_response(erp::soap::version::v1_1, "X", &types, xml, nullptr));
    has("<es:Response xsi:type=\"es:ArrayOfErpActorType\"><es:ErpActorType "
        "xsi:type=\"es:ErpActorType\">Customer"
        "</es:ErpActorType>");

    // what XML 1.0 cannot hold is refused with the field path, CR survives as a reference
    erp::connector_url_request bad;
    bad.Url = std::string("a\x01") + "b";
    erp::diagnostics d;
    BOOST_TEST((erp::soap::write_request<ops::test_connector_url>(bad, o, xml, &d) ==
                erp::error::unencodable_value));
    BOOST_TEST(d.field_path == "Url");
    bad.Url = "a\r\nb";
    BOOST_TEST_REQUIRE(!erp::soap::write_request<ops::test_connector_url>(bad, o, xml));
    has("a&#13;\nb");
    pugi::xml_document doc;
    detail::soap_incoming in;
    BOOST_TEST_REQUIRE(!detail::soap_read_incoming(xml, doc, in, nullptr));
    erp::connector_url_request back;
    BOOST_TEST_REQUIRE(!detail::soap_read_parameters(in.operation, back, nullptr));
    BOOST_TEST(back.Url == "a\r\nb");
}

BOOST_AUTO_TEST_CASE(every_carrier_round_trips_through_xml) {
    auto round = [](auto const& v, char const* what) {
        using T = std::decay_t<decltype(v)>;
        std::string xml;
        BOOST_TEST_REQUIRE(!detail::soap_write_response(erp::soap::version::v1_2, "Op", &v, xml, nullptr),
                           what);
        T back{};
        erp::diagnostics d;
        auto ec = detail::soap_read_response<T>("Op", 200, xml, &back, &d);
        BOOST_TEST_REQUIRE(!ec, what << ": " << d.client_message);
        auto a = erp::to_json(back).value(), b = erp::to_json(v).value();
        BOOST_TEST(a == b, what);
    };
    round(erp::test::sample_value<erp::erp_connection>(), "ErpConnection");
    round(erp::test::sample_value<erp::erp_sync_connector_entity>(), "ErpSyncConnectorEntity");
    round(erp::test::sample_value<erp::plugin_response>(), "PluginResponse");
    round(erp::test::sample_value<erp::erp_sync_actor_type_mapping>(), "ErpSyncActorTypeMapping");
    round(erp::test::sample_value<erp::erp_connection_list_mapping_container>(),
          "ErpConnectionListMappingContainer");
    round(erp::test::sample_value<erp::erp_sync_default_value>(), "ErpSyncDefaultValue");
    round(erp::test::sample_value<erp::erp_sync_connection_summary>(), "ErpSyncConnectionSummary");
    round(erp::test::sample_value<std::vector<erp::field_metadata>>(), "ArrayOfFieldMetadata");
    round(erp::test::sample_value<std::vector<erp::erp_connection_data>>(), "ArrayOfErpConnectionData");
    round(erp::test::sample_value<erp::string_map>(), "StringDictionary");
    round(true, "boolean");
    round(erp::crm_actor_type::Project, "CrmActorType");
}

BOOST_AUTO_TEST_CASE(namespaces_are_matched_by_uri_and_unknown_elements_ignored) {
    // other prefixes, a default namespace, an unknown element, a foreign element with a known name
    std::string const body =
        "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
        "<GetEngineStatusResponse xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">"
        "<Response><IsRunning>true</IsRunning><Future>?</Future>"
        "<x:StatusMessage xmlns:x=\"urn:other\">not ours</x:StatusMessage>"
        "<y:StatusMessage "
        "xmlns:y=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">ours</y:StatusMessage>"
        "<Interval>PT5M</Interval></Response></GetEngineStatusResponse></env:Body></env:Envelope>";
    erp::erp_sync_engine_status st;
    erp::diagnostics d;
    BOOST_TEST_REQUIRE(!erp::soap::read_response<ops::get_engine_status>(200, body, st, &d),
                       d.client_message);
    BOOST_TEST(st.IsRunning);
    BOOST_TEST(st.StatusMessage == "ours");
    BOOST_TEST(st.Interval.duration() == std::chrono::minutes(5));
    BOOST_TEST((st.Interval.style() == erp::time_span_style::dotnet)); // goes back over REST unchanged
}

BOOST_AUTO_TEST_CASE(faults_exceptions_and_status_codes) {
    using erp::error;
    erp::erp_sync_engine_status st;
    auto read = [&](unsigned status, std::string const& body, erp::diagnostics* d = nullptr) {
        return erp::soap::read_response<ops::get_engine_status>(status, body, st, d);
    };
    {
        erp::diagnostics d;
        auto ec = read(500,
                       response_envelope("", "<s:Fault><faultcode>s:Client</faultcode><faultstring>Bad "
                                             "ticket</faultstring></s:Fault>"),
                       &d);
        BOOST_TEST((ec == error::soap_fault));
        BOOST_TEST(d.http_status == 500u);
        BOOST_TEST_REQUIRE(d.server.has_value());
        BOOST_TEST(d.server->ErrorType == "Client");
        BOOST_TEST(d.server->ErrorMessage == "Bad ticket");
    }
    {
        erp::diagnostics d;
        auto ec =
            read(500,
                 response_envelope(
                     "",
                     "<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text "
                     "xml:lang=\"en\">Server unavailable, please try later</s:Text></s:Reason></s:Fault>",
                     detail::xml_ns::soap12),
                 &d);
        BOOST_TEST((ec == error::soap_fault));
        BOOST_TEST_REQUIRE(d.server.has_value());
        BOOST_TEST(d.server->ErrorType == "Receiver");
        BOOST_TEST(d.server->ErrorMessage == "Server unavailable, please try later");
    }
    {
        erp::diagnostics d;
        auto ec = read(
            200,
            response_envelope("<e:ExceptionInfo><e:Message>Invalid id</e:Message><e:FriendlyText>No such "
                              "connection</e:FriendlyText><e:ExceptionType>SoException</e:ExceptionType>"
                              "<e:Source>ErpSync</e:Source><e:InnerException><e:Message>id 9</e:Message>"
                              "</e:InnerException></e:ExceptionInfo><e:Succeeded>false</e:Succeeded>",
                              "<e:GetEngineStatusResponse/>"),
            &d);
        BOOST_TEST((ec == error::agent_error));
        BOOST_TEST_REQUIRE(d.server.has_value());
        BOOST_TEST(d.server->ErrorType == "SoException");
        BOOST_TEST(d.server->ErrorMessage == "Invalid id");
        BOOST_TEST(d.server->Message == "No such connection");
        BOOST_TEST(d.server->MessageDetail == "id 9");
        BOOST_TEST(d.server->ErrorSource == "ErpSync");
    }
    // a nil ExceptionInfo is no exception; Succeeded=false alone is one
    BOOST_TEST(!read(
        200, response_envelope("<e:ExceptionInfo i:nil=\"true\"/><e:Succeeded>true</e:Succeeded>",
                               "<e:GetEngineStatusResponse><e:Response/></e:GetEngineStatusResponse>")));
    BOOST_TEST((read(200, response_envelope("<e:Succeeded>false</e:Succeeded>",
                                            "<e:GetEngineStatusResponse/>")) == error::agent_error));
    // not XML: the status decides
    BOOST_TEST((read(502, "<html><body>Bad gateway</body>") == error::http_server_error));
    BOOST_TEST((read(401, "") == error::http_unauthorized));
    BOOST_TEST((read(200, "{\"IsRunning\":true}") == error::invalid_xml));
    BOOST_TEST((read(200, "<a/>") == error::invalid_xml));
    BOOST_TEST((read(200, response_envelope("", "<e:OtherResponse/>")) == error::invalid_xml));
    // nothing found
    BOOST_TEST((read(200, response_envelope("", "<e:GetEngineStatusResponse><e:Response i:nil=\"true\"/>"
                                                "</e:GetEngineStatusResponse>")) == error::null_response));
    std::vector<erp::erp_connection> list{erp::erp_connection{}};
    BOOST_TEST(!erp::soap::read_response<ops::get_all_connections>(
        200,
        response_envelope(
            "", "<e:GetAllConnectionsResponse><e:Response i:nil=\"true\"/></e:GetAllConnectionsResponse>"),
        list));
    BOOST_TEST(list.empty());
    // a 204-style operation accepts an empty wrapper, and reports exceptions
    BOOST_TEST(!erp::soap::read_response<ops::delete_connection>(
        200, response_envelope("", "<e:DeleteConnectionResponse/>")));
    BOOST_TEST((erp::soap::read_response<ops::delete_connection>(
                    200, response_envelope("<e:Succeeded>0</e:Succeeded>",
                                           "<e:DeleteConnectionResponse/>")) == error::agent_error));
    // a wrong value: the field path
    erp::diagnostics d;
    BOOST_TEST(
        (read(200,
              response_envelope("", "<e:GetEngineStatusResponse><e:Response><e:IsRunning>yes</e:IsRunning>"
                                    "</e:Response></e:GetEngineStatusResponse>"),
              &d) == error::type_mismatch));
    BOOST_TEST(d.field_path == "IsRunning");
    BOOST_TEST(d.server_message.find("yes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hostile_xml_is_refused) {
    using erp::error;
    erp::erp_sync_engine_status st;
    auto read = [&](std::string const& body, erp::diagnostics* d = nullptr) {
        return erp::soap::read_response<ops::get_engine_status>(200, body, st, d);
    };
    erp::diagnostics d;
    // unclosed and mismatched tags
    BOOST_TEST(
        (read(response_envelope("", "<e:GetEngineStatusResponse><e:Response>"), &d) == error::invalid_xml));
    BOOST_TEST(d.client_message.find("not well-formed") != std::string::npos);
    BOOST_TEST((read("<s:Envelope><s:Body></s:Envelope>") == error::invalid_xml));
    BOOST_TEST((read("") == error::invalid_xml));
    BOOST_TEST((read("just text") == error::invalid_xml));
    // entity expansion: a DTD is refused before any entity could be used
    std::string lol =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" +
        response_envelope("", "<e:GetEngineStatusResponse><e:Response><e:StatusMessage>&c;"
                              "</e:StatusMessage></e:Response></e:GetEngineStatusResponse>");
    d = {};
    BOOST_TEST((read(lol, &d) == error::invalid_xml));
    BOOST_TEST(d.client_message.find("DTD") != std::string::npos);
    BOOST_TEST((read("<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                     response_envelope("", "<e:GetEngineStatusResponse><e:Response><e:StatusMessage>&x;"
                                           "</e:StatusMessage></e:Response></e:GetEngineStatusResponse>")) ==
                error::invalid_xml));
    // what pugixml alone would let through: each refused with a reason
    auto status_message = [&](std::string const& text) {
        return response_envelope("", "<e:GetEngineStatusResponse><e:Response><e:StatusMessage>" + text +
                                         "</e:StatusMessage></e:Response></e:GetEngineStatusResponse>");
    };
    struct bad_case {
        std::string body;
        char const* reason;
    };
    std::vector<bad_case> const bad{
        {status_message("a&x;b"), "undeclared entity"},
        {status_message("a&#0;b"), "character reference"},
        {status_message("a&#1;b"), "character reference"},
        {status_message("a&#xD800;b"), "character reference"},
        {status_message("a&#x110000;b"), "character reference"},
        {status_message("a&#99999999999;b"), "character reference"},
        {status_message(std::string("a\0b", 3)), "control character"},
        {status_message("a\x01"
                        "b"),
         "control character"},
        {status_message("a\xff\xfe"
                        "b"),
         "invalid UTF-8"},
        {status_message("a\xed\xa0\x80"
                        "b"),
         "invalid UTF-8"}, // a surrogate in UTF-8
        {status_message("a\xef\xbf\xbf"
                        "b"),
         "U+FFFE or U+FFFF"},
        {response_envelope("", "<e:GetEngineStatusResponse/>") + "<junk/>", "more than one root"},
        {response_envelope("", "<e:GetEngineStatusResponse/>") + "trailing text", "text outside"},
        {response_envelope("", "<e:GetEngineStatusResponse><q:Response/></e:GetEngineStatusResponse>"),
         "prefix"},
        {response_envelope("", "<e:GetEngineStatusResponse><e:Response i:nil=\"true\" i:nil=\"false\"/>"
                               "</e:GetEngineStatusResponse>"),
         "attribute"},
    };
    for (auto const& c : bad) {
        d = {};
        BOOST_TEST((read(c.body, &d) == error::invalid_xml), c.reason);
        BOOST_TEST(d.client_message.find(c.reason) != std::string::npos, d.client_message);
    }
    // the same attribute through two prefixes bound to one namespace is repeated too
    d = {};
    BOOST_TEST(
        (read("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:i=\"" +
                  std::string(detail::xml_ns::xsi) + "\" xmlns:j=\"" + std::string(detail::xml_ns::xsi) +
                  "\"><s:Body i:nil=\"true\" j:nil=\"true\"/></s:Envelope>",
              &d) == error::invalid_xml));
    BOOST_TEST(d.client_message.find("attribute given twice") != std::string::npos, d.client_message);
    // an attribute flood on one element, and a flood of elements, are refused before they cost time
    std::string flood = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"";
    for (int i = 0; i < 100; ++i)
        flood += " a" + std::to_string(i) + "=\"x\"";
    BOOST_TEST((read(flood + "><s:Body/></s:Envelope>") == error::invalid_xml));
    std::string many;
    for (int i = 0; i < 1000001; ++i)
        many += "<a/>";
    d = {};
    BOOST_TEST((read(response_envelope("", many), &d) == error::invalid_xml));
    BOOST_TEST(d.client_message.find("more elements than accepted") != std::string::npos, d.client_message);
    // within the limits, prefixes cost nothing per lookup: 60 declarations on the envelope and
    // 20000 elements below (lookups walking the scope would take minutes here)
    std::string wide = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"";
    for (int i = 0; i < 60; ++i)
        wide += " xmlns:p" + std::to_string(i) + "=\"urn:x" + std::to_string(i) + "\"";
    wide += " xmlns:e=\"http://www.superoffice.net/ws/crm/NetServer/"
            "Services88\"><s:Body><e:GetEngineStatusResponse>"
            "<e:Response>";
    for (int i = 0; i < 20000; ++i)
        wide += "<e:X/>";
    wide += "<e:IsRunning>true</e:IsRunning></e:Response></e:GetEngineStatusResponse></s:Body></s:Envelope>";
    BOOST_TEST_REQUIRE(!read(wide));
    BOOST_TEST(st.IsRunning);
    // CDATA and comments may hold anything markup-like; references are decoded
    BOOST_TEST_REQUIRE(!read(status_message("<![CDATA[a & b <c>]]><!-- & <d> -->")));
    BOOST_TEST(st.StatusMessage == "a & b <c>");
    BOOST_TEST_REQUIRE(!read(status_message("&#233;&#xE9;&amp;&lt;")));
    BOOST_TEST(st.StatusMessage == "\xc3\xa9\xc3\xa9&<");
    // deep nesting, far beyond any stack: refused without recursion
    std::string deep;
    deep.reserve(8 * 200000);
    for (int i = 0; i < 200000; ++i)
        deep += "<a>";
    for (int i = 0; i < 200000; ++i)
        deep += "</a>";
    d = {};
    BOOST_TEST((read(response_envelope("", deep), &d) == error::invalid_xml));
    BOOST_TEST(d.client_message.find("deeper") != std::string::npos);
    // nested carriers (MDOListItem is recursive): deep trees are read, deeper than the limit refused
    auto list_mappings = [](int levels) {
        std::string items;
        for (int i = 0; i < levels; ++i)
            items += "<e:ChildItems><e:MDOListItem><e:Id>" + std::to_string(i) + "</e:Id>";
        for (int i = 0; i < levels; ++i)
            items += "</e:MDOListItem></e:ChildItems>";
        return response_envelope("",
                                 "<e:GetConnectionListMappingsResponse><e:Response><e:ErpListItemMappings>"
                                 "<e:ErpConnectionListMapping><e:CrmList>" +
                                     items +
                                     "</e:CrmList></e:ErpConnectionListMapping></e:ErpListItemMappings>"
                                     "</e:Response></e:GetConnectionListMappingsResponse>");
    };
    erp::erp_connection_list_mapping_container lm;
    BOOST_TEST_REQUIRE(
        !erp::soap::read_response<ops::get_connection_list_mappings>(200, list_mappings(50), lm));
    int levels = 0;
    for (auto const* item = &lm.ErpListItemMappings.at(0).CrmList.value(); !item->ChildItems.empty();
         item = &item->ChildItems.front())
        ++levels;
    BOOST_TEST(levels == 50);
    BOOST_TEST((erp::soap::read_response<ops::get_connection_list_mappings>(200, list_mappings(100), lm) ==
                error::invalid_xml));
    // a huge text inside the limits is data, read exactly
    std::string big(4 * 1024 * 1024, 'x');
    BOOST_TEST(
        !read(response_envelope("", "<e:GetEngineStatusResponse><e:Response><e:StatusMessage>" + big +
                                        "</e:StatusMessage></e:Response></e:GetEngineStatusResponse>")));
    BOOST_TEST(st.StatusMessage.size() == big.size());
    // numbers: out of range, a double sign
    erp::erp_connection conn;
    auto read_id = [&](std::string const& id) {
        return erp::soap::read_response<ops::get_connection>(
            200,
            response_envelope("", "<e:GetConnectionResponse><e:Response><e:ErpConnectionId>" + id +
                                      "</e:ErpConnectionId></e:Response></e:GetConnectionResponse>"),
            conn);
    };
    BOOST_TEST((read_id("99999999999") == error::value_out_of_range));
    BOOST_TEST((read_id("+-5") == error::type_mismatch));
    BOOST_TEST((read_id("--5") == error::type_mismatch));
    BOOST_TEST_REQUIRE(!read_id(" +7 "));
    BOOST_TEST(conn.ErpConnectionId == 7);
    // a huge duration
    BOOST_TEST((read(response_envelope("", "<e:GetEngineStatusResponse><e:Response><e:Interval>PT" +
                                               std::string(40, '9') +
                                               "S</e:Interval></e:Response>"
                                               "</e:GetEngineStatusResponse>")) == error::invalid_value));
}

BOOST_AUTO_TEST_CASE(our_elements_must_be_in_the_services88_namespace) {
    erp::erp_connection c;
    erp::diagnostics d;
    // no namespace at all: not a success with defaults
    std::string const bare =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
        "<GetConnectionResponse><Response><ErpConnectionId>42</ErpConnectionId></Response>"
        "</GetConnectionResponse></s:Body></s:Envelope>";
    BOOST_TEST((erp::soap::read_response<ops::get_connection>(200, bare, c, &d) == erp::error::invalid_xml));
    BOOST_TEST(d.client_message.find("GetConnectionResponse") != std::string::npos, d.client_message);
    // a default namespace declaration is as good as a prefix
    std::string const dflt =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
        "<GetConnectionResponse xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">"
        "<Response><ErpConnectionId>42</ErpConnectionId></Response>"
        "</GetConnectionResponse></s:Body></s:Envelope>";
    BOOST_TEST_REQUIRE(!erp::soap::read_response<ops::get_connection>(200, dflt, c));
    BOOST_TEST(c.ErpConnectionId == 42);
    // a reused diagnostics object gets this call's message
    d.client_message = "stale";
    BOOST_TEST((erp::soap::read_response<ops::get_connection>(200, response_envelope("", "<e:Other/>"), c,
                                                              &d) == erp::error::invalid_xml));
    BOOST_TEST(d.client_message.find("GetConnectionResponse") != std::string::npos, d.client_message);
}

BOOST_AUTO_TEST_CASE(server_text_stays_out_of_the_library_message) {
    erp::erp_sync_engine_status st;
    erp::diagnostics d;
    std::string const reason = "line1\nFAKE LOG LINE " + std::string(5000, 'r');
    auto ec = erp::soap::read_response<ops::get_engine_status>(
        500,
        response_envelope("", "<s:Fault><faultcode xmlns:q=\"urn:q\">q:Client</faultcode><faultstring>" +
                                  reason + "</faultstring></s:Fault>"),
        st, &d);
    BOOST_TEST((ec == erp::error::soap_fault));
    BOOST_TEST(d.client_message.find("FAKE") == std::string::npos, d.client_message);
    BOOST_TEST_REQUIRE(d.server.has_value());
    BOOST_TEST(d.server->ErrorType == "Client"); // the local name, whatever the prefix
    BOOST_TEST(d.server->ErrorMessage.size() == erp::diagnostics::max_excerpt);
    BOOST_TEST(d.server_message.size() <= erp::diagnostics::max_excerpt);
    // SOAP 1.2: the subcode says what happened
    d = {};
    ec = erp::soap::read_response<ops::get_engine_status>(
        500,
        response_envelope(
            "",
            "<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value "
            "xmlns:a=\"http://schemas.microsoft.com/ws/2005/05/addressing/none\">a:ActionNotSupported"
            "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">no such action</s:Text>"
            "</s:Reason></s:Fault>",
            detail::xml_ns::soap12),
        st, &d);
    BOOST_TEST((ec == erp::error::soap_fault));
    BOOST_TEST_REQUIRE(d.server.has_value());
    BOOST_TEST(d.server->ErrorType == "Sender/ActionNotSupported");
    BOOST_TEST(d.server->ErrorMessage == "no such action");
    // a blank ExceptionInfo with Succeeded true is no failure; an empty one with Succeeded false is
    std::string const ok_body =
        "<e:GetEngineStatusResponse><e:Response><e:IsRunning>true</e:IsRunning></e:Response>"
        "</e:GetEngineStatusResponse>";
    BOOST_TEST(!erp::soap::read_response<ops::get_engine_status>(
        200,
        response_envelope("<e:ExceptionInfo> </e:ExceptionInfo><e:Succeeded>true</e:Succeeded>", ok_body),
        st));
    BOOST_TEST(!erp::soap::read_response<ops::get_engine_status>(
        200, response_envelope("<e:ExceptionInfo><e:Message i:nil=\"true\"/></e:ExceptionInfo>", ok_body),
        st));
    BOOST_TEST((erp::soap::read_response<ops::get_engine_status>(
                    200, response_envelope("<e:ExceptionInfo/><e:Succeeded>false</e:Succeeded>", ok_body),
                    st) == erp::error::agent_error));
}

BOOST_AUTO_TEST_CASE(flag_masks_are_lists_of_names) {
    erp::table_right tr;
    std::string xml;
    BOOST_TEST_REQUIRE(!detail::soap_write_response(erp::soap::version::v1_1, "X", &tr, xml, nullptr));
    BOOST_TEST(xml.find("<es:Mask xsi:type=\"es:ETableRight\"></es:Mask>") != std::string::npos, xml);
    // an empty list reads back as no flag
    erp::table_right back;
    back.Mask = erp::etable_right::Delete;
    BOOST_TEST_REQUIRE(!detail::soap_read_response<erp::table_right>("X", 200, xml, &back, nullptr));
    BOOST_TEST((back.Mask == erp::table_right_mask{}));
    // names the schema does not have (a newer server's) are written as received
    tr.Mask = erp::table_right_mask::parse("Select FULL");
    BOOST_TEST_REQUIRE(!detail::soap_write_response(erp::soap::version::v1_1, "X", &tr, xml, nullptr));
    BOOST_TEST(xml.find("<es:Mask xsi:type=\"es:ETableRight\">Select FULL</es:Mask>") != std::string::npos,
               xml);
    // bits without a name have no form in the list
    erp::diagnostics d;
    tr.Mask = erp::table_right_mask::parse("1024");
    BOOST_TEST((detail::soap_write_response(erp::soap::version::v1_1, "X", &tr, xml, &d) ==
                erp::error::unencodable_value));
    BOOST_TEST(d.field_path == "Mask");
}

BOOST_AUTO_TEST_CASE(the_time_zone_travels_in_the_envelope) {
    auto cfg = config();
    cfg.protocol = erp::soap::protocol();
    cfg.so_time_zone = "US-NY, includeTZOffset";
    detail::http_request req;
    BOOST_TEST_REQUIRE(!build<ops::sync_all>(cfg, {}, req));
    BOOST_TEST(req.count("SO-TimeZone") == 0u);
    BOOST_TEST(req.body().find("<es:TimeZone xsi:type=\"es:SoTimeZone\"><es:SoTimeZoneLocationCode "
                               "xsi:type=\"xsd:string\">US-NY</es:SoTimeZoneLocationCode></es:TimeZone>") !=
                   std::string::npos,
               req.body());
    cfg.so_time_zone = "261";
    BOOST_TEST_REQUIRE(!build<ops::sync_all>(cfg, {}, req));
    BOOST_TEST(req.body().find("<es:SoTimeZoneId xsi:type=\"xsd:int\">261</es:SoTimeZoneId>") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failed_envelope_leaves_nothing_behind) {
    erp::soap::envelope_options o;
    o.ticket = "7T:secret-ticket";
    erp::connector_url_request bad;
    bad.Url = "\x02";
    std::string out = "previous";
    erp::diagnostics d;
    BOOST_TEST((erp::soap::write_request<ops::test_connector_url>(bad, o, out, &d) ==
                erp::error::unencodable_value));
    BOOST_TEST(out.empty());
    BOOST_TEST(d.to_string().find("secret") == std::string::npos);
    o.ticket = "7T:\x01";
    BOOST_TEST((erp::soap::write_request<ops::sync_all>({}, o, out, &d) == erp::error::invalid_header_value));
    BOOST_TEST(out.empty());
    BOOST_TEST(d.client_message == "the ticket holds a character XML cannot hold");
}

BOOST_AUTO_TEST_CASE(every_documented_sample_reads_and_our_envelopes_have_its_structure) {
    std::size_t files = 0, placeholders = 0;
    boost::mp11::mp_for_each<ops::all>([&](auto op) {
        using Op = decltype(op);
        using R = erp::response_t<Op>;
        std::string const name(Op::name);
        BOOST_TEST_CONTEXT(name) {
            // the request, as the sandbox reads it
            std::string req = read_sample(name + ".request.xml");
            ++files;
            pugi::xml_document doc;
            detail::soap_incoming in;
            erp::diagnostics d;
            BOOST_TEST_REQUIRE(!detail::soap_read_incoming(req, doc, in, &d), d.client_message);
            BOOST_TEST(detail::xml_local_name(in.operation.name()) == Op::name);
            BOOST_TEST(in.ticket == "7T:1234abcxyzExample==");
            BOOST_TEST(in.application_token == "1234567-1234-9876");
            erp::request_t<Op> params{};
            auto ec = detail::soap_read_parameters(in.operation, params, &d);
            if (ec == erp::error::invalid_value && d.field_path == "Interval") {
                placeholders += replace_empty_durations(req);
                BOOST_TEST_REQUIRE(!detail::soap_read_incoming(req, doc, in, &d));
                ec = detail::soap_read_parameters(in.operation, params, &d);
            }
            BOOST_TEST_REQUIRE(!ec, d.client_message);
            // our envelope of what was read has the sample's elements, order and types
            std::string ours;
            erp::soap::envelope_options o;
            o.ver = erp::soap::version::v1_2;
            BOOST_TEST_REQUIRE(!erp::soap::write_request<Op>(params, o, ours));
            auto ours_doc = parse(ours);
            same_structure(in.operation,
                           detail::xml_child(
                               detail::xml_child(ours_doc.document_element(), detail::xml_ns::soap12, "Body"),
                               detail::xml_ns::services88, Op::name),
                           name + " request");

            // the response, as the client reads it
            std::string res = read_sample(name + ".response.xml");
            ++files;
            if constexpr (std::is_void_v<R>) {
                BOOST_TEST(!erp::soap::read_response<Op>(200, res, &d), d.client_message);
            } else {
                R r{};
                d = {};
                ec = erp::soap::read_response<Op>(200, res, r, &d);
                if (ec == erp::error::invalid_value && d.field_path == "Interval") {
                    placeholders += replace_empty_durations(res);
                    ec = erp::soap::read_response<Op>(200, res, r, &d);
                }
                BOOST_TEST_REQUIRE(!ec, d.client_message);
                std::string again;
                BOOST_TEST_REQUIRE(
                    !detail::soap_write_response(erp::soap::version::v1_2, Op::name, &r, again, nullptr));
                auto sample_doc = parse(res), again_doc = parse(again);
                auto wrapper = [&](pugi::xml_document const& x) {
                    return detail::xml_child(
                        detail::xml_child(x.document_element(), detail::xml_ns::soap12, "Body"),
                        detail::xml_ns::services88, name + "Response");
                };
                same_structure(wrapper(sample_doc), wrapper(again_doc), name + " response");
                // and reading our own answer gives the same value
                R r2{};
                BOOST_TEST_REQUIRE(!erp::soap::read_response<Op>(200, again, r2));
                BOOST_TEST(erp::to_json(r2).value() == erp::to_json(r).value());
            }
        }
    });
    BOOST_TEST(files == 2 * boost::mp11::mp_size<ops::all>::value);
    std::size_t on_disk = 0;
    for (auto const& e :
         std::filesystem::directory_iterator(std::string(SO_ERPSYNC_TEST_DATA_DIR) + "/soap_samples"))
        on_disk += e.path().extension() == ".xml";
    BOOST_TEST(on_disk == files); // no sample left unchecked
    BOOST_TEST(placeholders == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
