import type { CommitReply } from '../shared/shared-client-state.ts';

/**
 * Commits one decision to the shared state, atomically (a Redis script runs alone).
 *
 * The decision was made against values that may be stale, so the script first replays the decision's
 * state calls, in order, against the real values (with the decision's own earlier changes laid over
 * them) and checks that each read gives the answer the decision got. A decision is a function of the
 * order and those answers, so if all hold it is exactly the decision a one-at-a-time run would make
 * here, and its changes are applied; if one does not, nothing is applied and the current values of
 * every key it touched come back, to decide again with. Reads of caps ask "does qty more fit"
 * (`cf`/`ct`), not the count, so a busy gift counter conflicts only near its cap.
 *
 * KEYS: 1 counters (hash), 2 stock (hash, `warehouse\0sku`), 3 buyers (hash), 4 seen order ids (set),
 * 5 this order's decision record, 6 the audit stream, 7 the latest pay time a merge group was recorded
 * at (a snapshot leaves out the groups closed before it), 8… merge groups (`closesAt:size`). A group's key
 * expires once its window, counted from the order that recorded it, and a grace have passed in wall
 * time: order times may be history (a replay), so they cannot be expiry times.
 * ARGV: 1 mode (`c` commit a new order, `a` commit an order seen before that has no record, `v` only
 * verify: a dry run), 2 order id, 3 the decision's audit line, 4 its record's TTL in seconds, 5 the
 * merge groups' grace (ms), 6… the segment's ops as `op a b c d` quintuples.
 *
 * Answers `{1, values}` committed (values after), `{0, values}` a read no longer holds (values now),
 * `{2, record}` the order was already decided (`record` its audit line, '' when none is kept).
 * `values` are `kind key value` triples: c counter, s stock ('' untracked), b buyer, o seen, m merge.
 */
export const COMMIT_SCRIPT = `
local mode, orderId = ARGV[1], ARGV[2]
if mode == 'c' and redis.call('SISMEMBER', KEYS[4], orderId) == 1 then
  return {2, redis.call('GET', KEYS[5]) or ''}
end
local c, s, b, o, m = {}, {}, {}, {}, {}
local merged = {}
local touched, known = {}, {}
local function touch(kind, key, index)
  local id = kind .. '\\0' .. key
  if not known[id] then known[id] = true; touched[#touched + 1] = {kind, key, index} end
end
local function cnt(k) if c[k] ~= nil then return c[k] end return tonumber(redis.call('HGET', KEYS[1], k) or '0') end
local function stk(f)
  if s[f] ~= nil then return s[f] end
  local v = redis.call('HGET', KEYS[2], f)
  if v then return tonumber(v) end
  return false
end
local function buy(k) if b[k] ~= nil then return b[k] end return tonumber(redis.call('HGET', KEYS[3], k) or '0') end
local function seen(k) if o[k] then return true end return redis.call('SISMEMBER', KEYS[4], k) == 1 end
local function merge(i) if m[i] ~= nil then return m[i] end return redis.call('GET', KEYS[8 + i]) or '' end
local function parse(v)
  if v == '' then return nil, nil end
  local closes, size = string.match(v, '^(%d+):(%d+)$')
  return tonumber(closes), tonumber(size)
end
local function current()
  c, s, b, o, m = {}, {}, {}, {}, {}
  local out = {}
  for _, t in ipairs(touched) do
    local kind, key, v = t[1], t[2], nil
    if kind == 'c' then v = string.format('%d', cnt(key))
    elseif kind == 's' then local x = stk(key); if x then v = string.format('%d', x) else v = '' end
    elseif kind == 'b' then v = string.format('%d', buy(key))
    elseif kind == 'o' then if seen(key) then v = '1' else v = '0' end
    else v = merge(t[3]) end
    out[#out + 1] = kind; out[#out + 1] = key; out[#out + 1] = v
  end
  return out
end
local holds = true
local i = 6
while holds and i + 4 <= #ARGV do
  local op, a, x, y, d = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  i = i + 5
  if op == 'cr' then
    touch('c', a); holds = cnt(a) == tonumber(d)
  elseif op == 'cf' or op == 'ct' then
    touch('c', a)
    local v = cnt(a)
    local fits = v + tonumber(x) <= tonumber(y)
    holds = (fits and '1' or '0') == d
    if holds and fits and op == 'ct' then c[a] = v + tonumber(x) end
  elseif op == 'sr' then
    touch('s', a)
    local v = stk(a)
    if d == '' then holds = v == false else holds = v ~= false and v == tonumber(d) end
  elseif op == 'st' then
    touch('s', a)
    local v, q = stk(a), tonumber(x)
    local got = 'u'
    if v ~= false then if v >= q then got = '1' else got = '0' end end
    holds = got == d
    if holds and got == '1' then s[a] = v - q end
  elseif op == 'bo' then
    touch('b', a); holds = buy(a) == tonumber(d)
  elseif op == 'bi' then
    touch('b', a); b[a] = buy(a) + 1
  elseif op == 'so' then
    touch('o', a); holds = (seen(a) and '1' or '0') == d
  elseif op == 'ro' then
    touch('o', a); o[a] = true
  elseif op == 'mg' then
    local index = tonumber(x)
    touch('m', a, index)
    local held = merge(index)
    local closes = parse(held)
    local open = ''
    if closes and tonumber(y) < closes then open = held end
    holds = open == d
  elseif op == 'mr' then
    local index = tonumber(x)
    touch('m', a, index)
    local hc, hs = parse(merge(index))
    local gc, gs = parse(y)
    if hc == nil or gc > hc or (gc == hc and gs > hs) then m[index] = y; merged[index] = d end
  else
    return redis.error_reply('ordergraph commit: unknown op ' .. tostring(op))
  end
end
if not holds then return {0, current()} end
if mode == 'v' then return {1, current()} end
for k, v in pairs(c) do redis.call('HSET', KEYS[1], k, string.format('%d', v)) end
for k, v in pairs(s) do redis.call('HSET', KEYS[2], k, string.format('%d', v)) end
for k, v in pairs(b) do redis.call('HSET', KEYS[3], k, string.format('%d', v)) end
for k in pairs(o) do redis.call('SADD', KEYS[4], k) end
for index, v in pairs(m) do
  local closes = parse(v)
  local ttl = math.max(closes - tonumber(merged[index]), 0) + tonumber(ARGV[5])
  redis.call('SET', KEYS[8 + index], v, 'PX', string.format('%d', ttl))
  if tonumber(merged[index]) > tonumber(redis.call('GET', KEYS[7]) or '0') then redis.call('SET', KEYS[7], merged[index]) end
end
if ARGV[3] ~= '' then
  redis.call('SET', KEYS[5], ARGV[3], 'EX', ARGV[4])
  redis.call('XADD', KEYS[6], '*', 'r', ARGV[3])
end
return {1, current()}
`;

export function parseCommitReply(reply: unknown): CommitReply {
  if (!Array.isArray(reply) || typeof reply[0] !== 'number') {
    throw new Error(`the state commit script answered ${JSON.stringify(reply)}`);
  }
  const [code, body] = reply as [number, unknown];
  if (code === 2) return { kind: 'duplicate', record: typeof body === 'string' ? body : '' };
  const values = Array.isArray(body) ? body.map(String) : [];
  return { kind: code === 1 ? 'committed' : 'conflict', values };
}
