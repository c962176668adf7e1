-- wrk script: the request erpsync_bench_load sends, byte for byte apart from header order
-- (ForceResyncNoBlankValues with 100 internal key ids), and one JSON line at the end in the
-- driver's format.
--
--   wrk -t1 -cN -dD --latency -s force_resync.lua http://127.0.0.1:PORT/Cust1 [-- BASE_PATH]
--
-- The base path (tenant) is, first found: the script argument after `--`, $ERPSYNC_BASE_PATH, the
-- path of the URL given to wrk ("/Cust1" above). Environment:
--   ERPSYNC_USER, ERPSYNC_PASSWORD  Basic credentials (both, or no Authorization header)
--   ERPSYNC_IDS                     how many ids (default 100: 1..100)
--   ERPSYNC_ERP_CONNECTION_ID       ErpConnectionId (default 0)
--   ERPSYNC_OPERATION               the operation (default ForceResyncNoBlankValues)
--   ERPSYNC_CONNECTIONS             the -c value, echoed in the JSON line (wrk does not tell)
--   ERPSYNC_USER_AGENT              default: the client's, superoffice-erpsync/0.1.0
--
-- The request is built once (no request() function), so wrk sends a static buffer, as fast as
-- it can. Headers the client sends (see detail/request_builder.hpp): Host, Accept, User-Agent,
-- Authorization, Content-Type, Content-Length; wrk adds Host and Content-Length itself.
--
-- JSON line: requests = complete responses with status < 400 (wrk counts >= 400 in
-- errors.status), errors = connect + read + write + status + timeout errors, rps = requests /
-- seconds, p50/p99 from wrk's own latency record (microseconds, every response).

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_common.lua")
local env = common.env

local function body()
    local ids = {}
    for i = 1, tonumber(env("ERPSYNC_IDS", "100")) do
        ids[i] = tostring(i)
    end
    return '{"ErpConnectionId":' .. tostring(tonumber(env("ERPSYNC_ERP_CONNECTION_ID", "0"))) ..
           ',"InternalKeyIds":[' .. table.concat(ids, ",") .. ']}'
end

function init(args)
    wrk.method = "POST"
    wrk.path = common.operation_path(common.base_path(args), "ForceResyncNoBlankValues")
    wrk.headers["Accept"] = "application/json"
    wrk.headers["User-Agent"] = common.user_agent()
    wrk.headers["Authorization"] = common.basic_auth()
    wrk.headers["Content-Type"] = "application/json; charset=utf-8"
    wrk.body = body()
    -- wrk.init() then builds the request once with wrk.format(), adding Content-Length.
end

function done(summary, latency, requests)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.status + e.timeout
    local ok = summary.requests - e.status
    local seconds = summary.duration / 1e6
    local rps = seconds > 0 and ok / seconds or 0
    io.write(string.format(
        '{"tool":"wrk","connections":%d,"requests":%d,"errors":%d,"seconds":%.3f,"rps":%.1f,' ..
        '"p50_us":%.1f,"p99_us":%.1f}\n',
        tonumber(env("ERPSYNC_CONNECTIONS", "0")), ok, errors, seconds, rps,
        latency:percentile(50), latency:percentile(99)))
end
