# Shared by the benchmark scripts (sourced): a temp dir and clean-up (bench_setup), median and
# field, and loopback servers for the client to call (base /Cust1, Basic sandbox/sandbox).
# The caller sets: conf_in (nginx.conf.in) and nginx (the binary) for nginx; sandbox
# (erpsync-sandbox) and optionally sandbox_args (an array of its
# further options; start-up may then take longer: up to ready_seconds, default 10). nginx answers
# `nginx_body`.
# start_nginx / start_sandbox set `port` and `server_pid`; stop_server stops it. Only 127.0.0.1.

# shellcheck shell=bash

# A PluginResponse as the agent answers a resync (IsOk, explanations, the changed records).
base=/Cust1
user=sandbox
password=sandbox
server_pid=""

# A private temp dir in `tmp`, removed on exit with the server stopped; Ctrl-C exits 130.
bench_setup() { # name
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/erpsync-$1.XXXXXX")
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}
# shellcheck disable=SC2317 # called by the EXIT trap
bench_cleanup() {
    stop_server
    rm -rf "$tmp"
}

# The median of numbers (nan for none).
median() { # numbers...
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "nan"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# a / b (nan when b is not a positive number).
ratio() { # a b
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.4f\n", a / b; else print "nan" }'
}

# The first number member `key` of a line of JSON.
field() { # json key
    sed -n "s/.*\"$2\":\([-0-9.e+]*\).*/\1/p" <<<"$1" | head -n1
}

nginx_body='{"IsOk":true,"UserExplanation":"2 record(s) resynchronised","TechExplanation":"ForceResyncNoBlankValues: 100 key(s), 2 changed","ErrorCode":"","Changes":{"AddedRecords":[],"UpdatedRecords":[{"Tablename":"contact","RecordId":1},{"Tablename":"person","RecordId":2}],"DeletedRecords":[]}}'
server_pid=""
stop_server() {
    if [[ -n $server_pid ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
# True when something listens on 127.0.0.1:$1.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 40000))
        port_busy "$p" || { echo "$p"; return 0; }
    done
    echo "no free port found" >&2
    return 1
}

# The HTTP status of POST {url path} with the benchmark's request, over /dev/tcp (no curl needed).
probe_status() { # port path
    local port=$1 path=$2 auth line body='{"ErpConnectionId":0,"InternalKeyIds":[1]}'
    auth=$(printf '%s:%s' "$user" "$password" | base64)
    (
        exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
        printf 'POST %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nAuthorization: Basic %s\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
            "$path" "$port" "$auth" "${#body}" "$body" >&3
        IFS= read -r -t 5 line <&3 || exit 1
        echo "${line:9:3}"
    ) 2>/dev/null
}

wait_ready() { # port
    local st
    for _ in $(seq 100); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "the server exited" >&2
            return 1
        fi
        st=$(probe_status "$1" "$base/api/v1/Agents/ErpSync/ForceResyncNoBlankValues" || true)
        [[ $st == 200 ]] && return 0
        sleep 0.1
    done
    echo "the server did not answer 200 on port $1 (last status: ${st:-none})" >&2
    return 1
}

start_nginx() { # sets port, server_pid
    local dir=$tmp/nginx
    for _ in 1 2 3; do
        rm -rf "$dir"
        mkdir -p "$dir"
        port=$(free_port)
        sed -e "s|@PORT@|$port|g" -e "s|@TMP@|$dir|g" -e "s|@BASE@|$base|g" \
            -e "s|@BODY@|${nginx_body//&/\\&}|g" "$conf_in" >"$dir/nginx.conf"
        "$nginx" -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" >"$dir/stdout.log" 2>&1 &
        server_pid=$!
        if wait_ready "$port"; then
            return 0
        fi
        cat "$dir/error.log" "$dir/stdout.log" >&2 2>/dev/null || true
        stop_server
    done
    return 1
}

start_sandbox() { # sets port, server_pid
    local log=$tmp/sandbox.log url
    for _ in 1 2 3; do
        port=$(free_port)
        "$sandbox" --port "$port" --address 127.0.0.1 --base-path "$base" --user "$user" \
            --password "$password" ${sandbox_args[@]+"${sandbox_args[@]}"} >"$log" 2>&1 &
        server_pid=$!
        for _ in $(seq $((${ready_seconds:-10} * 10))); do
            grep -q '^ErpSync sandbox listening at ' "$log" && break
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        url=$(sed -n 's/^ErpSync sandbox listening at \([^ ]*\).*/\1/p' "$log")
        if [[ $url == "http://127.0.0.1:$port$base" ]] && wait_ready "$port"; then
            return 0
        fi
        cat "$log" >&2
        stop_server
    done
    return 1
}

