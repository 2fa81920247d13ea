// The content script checks what it reads without zod (lib/watchlist/content-script-contract.ts);
// these tests hold those checks to the zod schemas, which stay the contract.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as settingsModule from '@/lib/settings/watchlist-settings';
import * as messages from '@/lib/watchlist-messages';
import * as contract from '@/lib/watchlist/content-script-contract';

/** What the content script uses of parsed settings: the switches (the groups' colours come with the background's answers). */
function pageView(settings: settingsModule.WatchlistSettings): contract.PageSwitches {
  return { enabled: settings.enabled, disabledHosts: settings.disabledHosts };
}

// Values near the schema: mostly valid, now and then broken in one place (wrong
// type, too long, blank once trimmed, bad colour), with extra keys to strip.
const mostly = <T, U>(valid: fc.Arbitrary<T>, broken: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: broken, weight: 1 });
const form = mostly(fc.constantFrom('Hoàng Sa', ' Trường Sa ', 'x'.repeat(200), ` ${'y'.repeat(200)} `, '西沙'), fc.oneof(fc.constantFrom('   ', '', 'z'.repeat(201)), fc.integer()));
const term = fc.record(
  { term: form, variants: mostly(fc.oneof(fc.array(form, { maxLength: 3 }), fc.constant(undefined)), fc.constantFrom('Paracel', null)), note: fc.string() },
  { requiredKeys: ['term'] },
);
const group = fc.record(
  {
    id: mostly(fc.constantFrom('sea', 'g'.repeat(80)), fc.constantFrom('', 'g'.repeat(81), 3)),
    name: mostly(fc.string({ maxLength: 5 }), fc.constantFrom('n'.repeat(121), null)),
    color: mostly(fc.constantFrom('#1a2B3c', '#FFFFFF'), fc.constantFrom('#fff', 'red', '#12345g', '#1234567', 7)),
    category: mostly(fc.constantFrom('', 'sovereignty-sea-islands'), fc.constantFrom('c'.repeat(61), undefined)),
    terms: mostly(fc.array(term, { maxLength: 3 }), fc.constant('terms')),
    extra: fc.nat(),
  },
  { requiredKeys: ['id', 'name', 'color', 'category', 'terms'] },
);
const storedSettings = mostly(
  fc.record(
    {
      version: mostly(fc.constant(1), fc.constantFrom(2, '1')),
      enabled: mostly(fc.boolean(), fc.constant('yes')),
      disabledHosts: mostly(fc.array(fc.constantFrom('127.0.0.1', 'example.com', 'h'.repeat(253)), { maxLength: 3 }), fc.constantFrom(null, ['h'.repeat(254)], [1])),
      groups: mostly(fc.array(group, { maxLength: 3 }), fc.constant({})),
    },
    { requiredKeys: ['version', 'enabled', 'disabledHosts', 'groups'] },
  ),
  fc.anything(),
);

describe('the content script contract', () => {
  it('uses the same storage key and message types as the schemas', () => {
    expect(contract.WATCHLIST_STORAGE_KEY).toBe(settingsModule.WATCHLIST_STORAGE_KEY);
    expect(contract.WATCH_GET_HITS).toBe(messages.WATCH_GET_HITS);
    expect(contract.WATCH_JUMP).toBe(messages.WATCH_JUMP);
    expect(contract.WATCH_HIT_COUNT).toBe(messages.WATCH_HIT_COUNT);
    expect(contract.WATCH_MATCH).toBe(messages.WATCH_MATCH);
    expect(contract.WATCH_PROBE).toBe(messages.WATCH_PROBE);
  });

  it('reads a probe answer as no only when the schema reads a plain no: anything else means look closer', () => {
    const answer = fc.oneof(fc.record({ maybe: fc.boolean(), extra: fc.nat() }, { requiredKeys: ['maybe'] }), fc.record({ maybe: fc.anything() }), fc.anything());
    fc.assert(
      fc.property(answer, (response) => {
        const parsed = messages.watchProbeResponseSchema.safeParse(response);
        expect(contract.readProbeResponse(response)).toBe(parsed.success ? parsed.data.maybe : true);
      }),
      { numRuns: 2000 },
    );
  });

  it('has the default switches of parseWatchlistSettings', () => {
    expect(contract.defaultPageSwitches()).toEqual(pageView(settingsModule.defaultWatchlistSettings()));
  });

  it('reads stored settings as parseWatchlistSettings does', () => {
    let valid = 0;
    fc.assert(
      fc.property(storedSettings, (stored) => {
        if (settingsModule.watchlistSettingsSchema.safeParse(stored).success) valid += 1;
        expect(contract.readPageSwitches(stored)).toEqual(pageView(settingsModule.parseWatchlistSettings(stored)));
      }),
      { numRuns: 3000 },
    );
    // Both sides of the schema were tried.
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(2700);
  });

  it('says a host is plainly watched only when the full reading watches it too', () => {
    fc.assert(
      fc.property(storedSettings, fc.constantFrom('127.0.0.1', 'www.Example.com', 'example.com'), (stored, host) => {
        const watching = settingsModule.isWatchingHost(settingsModule.parseWatchlistSettings(stored), host);
        if (contract.plainlyWatching(stored, host)) expect(watching).toBe(true);
        expect(contract.isWatchingHost(contract.readPageSwitches(stored), host)).toBe(watching);
      }),
      { numRuns: 3000 },
    );
  });

  it('normalises hosts the same way', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('WWW.Example.COM', 'www.www.x', 'wwwx.com')), (host) => {
        expect(contract.normaliseHost(host)).toBe(settingsModule.normaliseHost(host));
      }),
    );
  });

  it('accepts the requests and match responses the schemas accept, and gives the same values', () => {
    const request = fc.oneof(
      fc.record({ type: fc.constantFrom(messages.WATCH_GET_HITS, messages.WATCH_JUMP, 'other'), term: fc.oneof(fc.string(), fc.constant('t'.repeat(201)), fc.integer()), extra: fc.string() }, { requiredKeys: ['type'] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(request, (message) => {
        const parsed = messages.watchRequestSchema.safeParse(message);
        expect(contract.readWatchRequest(message)).toEqual(parsed.success ? parsed.data : undefined);
      }),
      { numRuns: 2000 },
    );
    const offset = fc.oneof(fc.nat(), fc.constantFrom(-1, 0.5, -0, Number.MAX_SAFE_INTEGER + 1, Infinity, NaN, '3'));
    const hit = fc.record({ term: fc.oneof(fc.string(), fc.constant('t'.repeat(201))), start: offset, end: offset, extra: fc.nat() }, { requiredKeys: ['term', 'start', 'end'] });
    const hitGroup = fc.record(
      {
        id: mostly(fc.constantFrom('sea', 'g'.repeat(80)), fc.constantFrom('', 'g'.repeat(81), 3)),
        color: mostly(fc.constantFrom('#1a2B3c', '#FFFFFF'), fc.constantFrom('#fff', 'red;}', '#1234567', 7)),
        category: mostly(fc.constantFrom('', 'sovereignty-sea-islands'), fc.constantFrom('c'.repeat(61), undefined)),
        terms: mostly(fc.array(fc.constantFrom('Hoàng Sa', 'Trường Sa', 't'.repeat(200)), { maxLength: 3 }), fc.constantFrom(['t'.repeat(201)], [3], 'Hoàng Sa')),
        extra: fc.nat(),
      },
      { requiredKeys: ['id', 'color', 'category', 'terms'] },
    );
    const response = fc.oneof(
      fc.record(
        { hits: mostly(fc.array(hit, { maxLength: 4 }), fc.constant(null)), groups: mostly(fc.array(hitGroup, { maxLength: 3 }), fc.constantFrom(null, {})), extra: fc.nat() },
        { requiredKeys: ['hits'] },
      ),
      fc.anything(),
    );
    let withGroups = 0;
    fc.assert(
      fc.property(response, (answer) => {
        const parsed = messages.watchMatchResponseSchema.safeParse(answer);
        if (parsed.success && parsed.data.groups) withGroups += 1;
        expect(contract.readMatchResponse(answer)).toEqual(parsed.success ? parsed.data : undefined);
      }),
      { numRuns: 3000 },
    );
    expect(withGroups).toBeGreaterThan(100);
  });
});
