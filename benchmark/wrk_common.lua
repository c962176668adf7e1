-- Helpers shared by the wrk scripts (force_resync.lua, bulk_resync.lua), which load it with
-- dofile from their own directory:
--
--   local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_common.lua")
--
-- env(name, default)        $name, or default when unset or empty
-- whole(name, default)      $name (or default) as a whole number >= 1; an error otherwise
-- basic_auth()              "Basic <base64 user:password>" from $ERPSYNC_USER and $ERPSYNC_PASSWORD,
--                           or nil unless both are set
-- base_path(args)           the tenant's base path, first found: the script argument after `--`,
--                           $ERPSYNC_BASE_PATH, the path of the URL given to wrk; no trailing slash
-- operation_path(base, op)  base .. "/api/v1/Agents/ErpSync/" .. ($ERPSYNC_OPERATION or op)
-- user_agent()              $ERPSYNC_USER_AGENT, default the client's, superoffice-erpsync/0.1.0

local M = {}

function M.env(name, default)
    local v = os.getenv(name)
    if v == nil or v == "" then
        return default
    end
    return v
end

function M.whole(name, default)
    local v = tonumber(M.env(name, default))
    if v == nil or v < 1 or v ~= math.floor(v) then
        error(name .. " must be a whole number, at least 1")
    end
    return v
end

local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function base64(s)
    local out = {}
    for i = 1, #s, 3 do
        local a, b, c = s:byte(i, i + 2)
        local n = a * 65536 + (b or 0) * 256 + (c or 0)
        local c1 = math.floor(n / 262144) % 64
        local c2 = math.floor(n / 4096) % 64
        local c3 = math.floor(n / 64) % 64
        local c4 = n % 64
        out[#out + 1] = b64chars:sub(c1 + 1, c1 + 1) .. b64chars:sub(c2 + 1, c2 + 1) ..
                        (b and b64chars:sub(c3 + 1, c3 + 1) or "=") .. (c and b64chars:sub(c4 + 1, c4 + 1) or "=")
    end
    return table.concat(out)
end

function M.basic_auth()
    local user, password = M.env("ERPSYNC_USER", nil), M.env("ERPSYNC_PASSWORD", nil)
    if user and password then
        return "Basic " .. base64(user .. ":" .. password)
    end
    return nil
end

function M.base_path(args)
    local base = args[1] or M.env("ERPSYNC_BASE_PATH", nil) or wrk.path or ""
    return (base:gsub("/+$", ""))
end

function M.operation_path(base, default_operation)
    return base .. "/api/v1/Agents/ErpSync/" .. M.env("ERPSYNC_OPERATION", default_operation)
end

function M.user_agent()
    return M.env("ERPSYNC_USER_AGENT", "superoffice-erpsync/0.1.0")
end

return M
