-- wrk script: the requests `erpsync resync-bulk --actor-type Customer` sends (async_resync_bulk by
-- ERP key: ForceResyncExternal, one call per batch), pre-rendered at start-up, sent in the same
-- order, cycling; one JSON line at the end, for benchmark/bulk.sh's side-by-side section.
--
--   wrk -t1 -cC -dD -s bulk_resync.lua http://127.0.0.1:PORT/Cust1 [-- BASE_PATH]
--
-- Keys: the key file bulk.sh gives the CLI, K-<i mod DISTINCT> for i = 0 .. KEYS-1, cut into
-- consecutive batches of BATCH keys, as the CLI takes them from the file. Only whole batches are
-- sent (floor(KEYS / BATCH) requests, or one request of KEYS keys when KEYS < BATCH), so that every
-- request carries the same number of keys and keys = requests x keys_per_request; the partial last
-- batch of the CLI's run (when BATCH does not divide KEYS) is left out. Each wrk thread walks the
-- list from the start and starts again after the last request, until wrk's -d is over.
--
-- The base path (tenant) is, first found: the script argument after `--`, $ERPSYNC_BASE_PATH, the
-- path of the URL given to wrk ("/Cust1" above). Environment:
--   ERPSYNC_KEYS                KEYS (default 100000)
--   ERPSYNC_DISTINCT            DISTINCT (default: KEYS), the sandbox's --linked-customers
--   ERPSYNC_BATCH               BATCH (default 100)
--   ERPSYNC_ERP_CONNECTION_ID   ErpConnectionId (default 1, the CLI's --connection in bulk.sh)
--   ERPSYNC_ACTOR_TYPE          ErpActorType (default Customer)
--   ERPSYNC_OPERATION           default ForceResyncExternal (ForceResyncExternalNoBlankValues for
--                               the CLI's --no-blank-values)
--   ERPSYNC_USER, ERPSYNC_PASSWORD  Basic credentials (both, or no Authorization header)
--   ERPSYNC_USER_AGENT          default: the client's, superoffice-erpsync/0.1.0
--   ERPSYNC_CONNECTIONS         the -c value, echoed in the JSON line (wrk does not tell)
--   ERPSYNC_CHECK               1 (default): look at every response (status 200, and whether the
--                               body says "IsOk":false); 0: no response() function (wrk then
--                               parses no bodies into Lua; only statuses >= 400 are counted)
--
-- Requests: method, target, headers and body as the client builds them (detail/request_builder.hpp:
-- Host, Accept, User-Agent, Authorization, Content-Type, Content-Length; the body as the client's
-- JSON writer writes force_resync_external_request: members in declaration order, no spaces),
-- apart from the order of the headers. Built once at init with wrk.format into a table; request()
-- returns the next string of it, so wrk does a table lookup and no formatting per request.
--
-- JSON line: requests = complete responses (any status), keys = requests x keys_per_request,
-- seconds = wrk's measured duration (-d, which includes opening the connections), keys_per_second
-- = ok_keys / seconds where ok_keys counts only the requests that were answered 200 with IsOk true
-- (with ERPSYNC_CHECK=0: status < 400), not_ok = answers other than 200, refused = 200 answers
-- whose body has "IsOk":false, errors = connect + read + write + timeout errors (wrk's own).

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_common.lua")
local env, whole = common.env, common.whole

local keys = whole("ERPSYNC_KEYS", "100000")
local distinct = whole("ERPSYNC_DISTINCT", tostring(keys))
local batch = whole("ERPSYNC_BATCH", "100")
local per_request = math.min(batch, keys)
local check = env("ERPSYNC_CHECK", "1") ~= "0"

-- per thread (each wrk thread runs its own copy of this script)
local requests = {}
local next_request = 1
ok_responses = 0
not_ok = 0
refused = 0

local function build(base)
    local connection = tostring(whole("ERPSYNC_ERP_CONNECTION_ID", "1"))
    local actor = env("ERPSYNC_ACTOR_TYPE", "Customer")
    local path = common.operation_path(base, "ForceResyncExternal")
    local head = '{"ErpConnectionId":' .. connection .. ',"ErpActorType":"' .. actor .. '","ExternalKeys":['
    local headers = {
        ["Host"] = wrk.headers["Host"],
        ["Accept"] = "application/json",
        ["User-Agent"] = common.user_agent(),
        ["Authorization"] = common.basic_auth(),
        ["Content-Type"] = "application/json; charset=utf-8",
    }
    local count = math.floor(keys / per_request)
    local i = 0
    for r = 1, count do
        local list = {}
        for k = 1, per_request do
            list[k] = '"K-' .. tostring(i % distinct) .. '"'
            i = i + 1
        end
        -- wrk.format sets Content-Length in the table it is given
        requests[r] = wrk.format("POST", path, headers, head .. table.concat(list, ",") .. "]}")
    end
end

local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
end

function init(args)
    build(common.base_path(args))
end

function request()
    local r = requests[next_request]
    next_request = next_request + 1
    if next_request > #requests then
        next_request = 1
    end
    return r
end

if check then
    function response(status, headers, body)
        if status ~= 200 then
            not_ok = not_ok + 1
        elseif body:find('"IsOk":false', 1, true) then
            refused = refused + 1
        else
            ok_responses = ok_responses + 1
        end
    end
end

function done(summary, latency, reqs)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.timeout
    local ok, bad, ref = 0, 0, 0
    if check then
        for _, t in ipairs(threads) do
            ok = ok + t:get("ok_responses")
            bad = bad + t:get("not_ok")
            ref = ref + t:get("refused")
        end
    else
        ok = summary.requests - e.status
        bad = e.status
    end
    local seconds = summary.duration / 1e6
    local ok_keys = ok * per_request
    io.write(string.format(
        '{"tool":"wrk","batch":%d,"keys_per_request":%d,"connections":%d,"requests":%d,"keys":%d,' ..
        '"ok_keys":%d,"seconds":%.3f,"keys_per_second":%.1f,"not_ok":%d,"refused":%d,"errors":%d,' ..
        '"checked":%s,"p50_us":%.1f,"p99_us":%.1f}\n',
        batch, per_request, tonumber(env("ERPSYNC_CONNECTIONS", "0")), summary.requests,
        summary.requests * per_request, ok_keys, seconds, seconds > 0 and ok_keys / seconds or 0, bad, ref,
        errors, tostring(check), latency:percentile(50), latency:percentile(99)))
end
